package org.huiying.server.storage;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers and secrets nobody can guess or enumerate. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {
    }

    /** A 128-bit random id with a readable prefix, e.g. {@code tk_Q2x…}. */
    public static String id(String prefix) {
        return prefix + "_" + token(16);
    }

    /** {@code bytes} of randomness, URL-safe base64. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }
}
