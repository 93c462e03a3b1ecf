package org.huiying.server.privacy;

import org.huiying.server.phone.PhoneNumbers;

/**
 * How a phone number or a name looks to staff who do not need it in full: {@code 138****5678},
 * {@code 王*}. The same rule everywhere, so a masked value never leaks more on one screen than another.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code 138****5678}: eleven digits or more keep the first three and last four; shorter numbers at most
     * half their digits ({@link PhoneNumbers#maskDigits}). {@code null} stays null.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip().replaceAll("[ \\-]", "");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        } else if (p.startsWith("+")) {
            p = p.substring(1);
        }
        return PhoneNumbers.maskDigits(p);
    }

    /**
     * The first character and one star, whatever the length ({@code 王先生} and {@code 王小明} both
     * {@code 王*}), so neither the given name nor its length shows. {@code null} stays null.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.codePointCount(0, n.length()) == 1 ? "*" : n.substring(0, first) + "*";
    }

    private static final java.util.regex.Pattern VIN =
            java.util.regex.Pattern.compile("(?i)(?<![A-Z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])");

    /**
     * A text as it may be kept for others to read (a knowledge draft): phone numbers masked as
     * {@link #phone}, VINs to their first three and last four characters, and each of {@code names}
     * (the people the text is about) to its masked form.
     */
    public static String text(String text, java.util.Collection<String> names) {
        if (text == null) {
            return null;
        }
        String out = LogSafe.text(text);
        java.util.regex.Matcher vin = VIN.matcher(out);
        StringBuilder masked = new StringBuilder();
        while (vin.find()) {
            String v = vin.group();
            vin.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(v.substring(0, 3) + "**********" + v.substring(13)));
        }
        vin.appendTail(masked);
        out = masked.toString();
        for (String name : names) {
            if (name != null && name.strip().length() > 1) {
                out = out.replace(name.strip(), name(name));
            }
        }
        return out;
    }
}
