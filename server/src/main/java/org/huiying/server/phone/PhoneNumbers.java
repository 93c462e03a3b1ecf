package org.huiying.server.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Phone numbers in one spelling (E.164, China by default) so the same phone is the same customer. */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** {@code 138 1234 5678}, {@code 8613812345678}, {@code +86 138-1234-5678} → {@code +8613812345678}. */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The identity of a sender: its E.164 form, or the raw value (short codes and alphanumeric
     * senders have none), so every sender still maps to exactly one key.
     */
    public static String identity(String raw) {
        return e164(raw).orElse(raw == null ? "" : raw.strip());
    }

    /** Spellings under which other channels may have stored the same number (web chat keeps national digits). */
    public static List<String> spellings(String e164) {
        List<String> all = new ArrayList<>(List.of(e164));
        try {
            PhoneNumber number = UTIL.parse(e164, DEFAULT_REGION);
            String national = UTIL.getNationalSignificantNumber(number);
            if (number.getCountryCode() == UTIL.getCountryCodeForRegion(DEFAULT_REGION)) {
                all.add(national);
            }
            all.add(number.getCountryCode() + national);
        } catch (NumberParseException e) {
            // not a phone number (short code, alphanumeric sender): only its own spelling
        }
        return all;
    }

    /** For logs and screens: {@code +8613812345678} → {@code 138****5678}, by {@link #maskDigits}. */
    public static String mask(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone;
        try {
            digits = UTIL.getNationalSignificantNumber(UTIL.parse(phone, DEFAULT_REGION));
        } catch (NumberParseException e) {
            // mask whatever it is
        }
        return maskDigits(digits);
    }

    /**
     * The one masking rule for a string of digits: eleven or more keep the first three and last four
     * ({@code 138****5678}, a mainland mobile); shorter numbers (Hong Kong, Macau, Singapore have eight
     * digits) keep at most half of them, split between the two ends ({@code 91****67}), a star for each
     * digit hidden.
     */
    public static String maskDigits(String digits) {
        int n = digits.length();
        if (n >= 11) {
            return digits.substring(0, 3) + "*".repeat(n - 7) + digits.substring(n - 4);
        }
        int keep = n / 2;
        int head = keep / 2;
        int tail = keep - head;
        return digits.substring(0, head) + "*".repeat(n - keep) + digits.substring(n - tail);
    }
}
