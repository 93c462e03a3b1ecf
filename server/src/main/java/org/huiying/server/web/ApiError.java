package org.huiying.server.web;

/** The one error body of the public contract. */
public record ApiError(String error, String message) {
}
