package org.huiying.server.system;

/** The one error body of the public contract. */
public record ApiError(String error, String message) {
}
