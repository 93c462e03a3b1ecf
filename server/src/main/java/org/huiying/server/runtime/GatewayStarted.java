package org.huiying.server.runtime;

/** The customer gateway is bound and accepting connections on {@code port}. */
public record GatewayStarted(int port) {
}
