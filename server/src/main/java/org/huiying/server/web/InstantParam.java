package org.huiying.server.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** An optional ISO-8601 instant from a query parameter (report windows, "since"). */
public final class InstantParam {

    private InstantParam() {
    }

    /** {@code value} parsed, {@code fallback} when absent, a 400 naming {@code name} when malformed. */
    public static Instant parse(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_parameter", name + ": an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
