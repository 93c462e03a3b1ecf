package org.huiying.server.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * A vehicle identification number as ISO 3779 and China's GB 16735 define it: 17 characters without
 * I, O and Q, the ninth a check digit over the other sixteen (transliterated letter values times the
 * position weights, modulo 11, 10 written X). A typo is caught before it files a car under the wrong owner.
 */
final class Vin {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {
    }

    /** The VIN in upper case, if it is well formed and its check digit matches. */
    static Optional<String> valid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String vin = raw.strip().toUpperCase(Locale.ROOT);
        if (vin.length() != 17) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = value(vin.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return vin.charAt(8) == expected ? Optional.of(vin) : Optional.empty();
    }

    /** The check digit the sixteen other characters call for (for sample data and tests). */
    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += i == 8 ? 0 : value(vin.charAt(i)) * WEIGHTS[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1;
        };
    }
}
