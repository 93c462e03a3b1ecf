package org.huiying.server.conversation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.huiying.server.web.ApiException;

/** What a customer may tell us when opening a chat (vehicle model included); every field optional, each validated. */
public record CustomerDetails(String name, String phone, String vin, String model) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,19}");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    public static final CustomerDetails NONE = new CustomerDetails(null, null, null, null);

    /** Normalised copy, or a 400 naming the bad field. */
    public CustomerDetails validated() {
        String n = blankToNull(name);
        if (n != null && n.length() > 100) {
            throw ApiException.badRequest("invalid_name", "name: at most 100 characters");
        }
        String p = blankToNull(phone);
        if (p != null) {
            if (!PHONE.matcher(p).matches()) {
                throw ApiException.badRequest("invalid_phone", "phone: digits, optionally with a leading +");
            }
            p = p.replaceAll("[ \\-]", "");
        }
        String v = blankToNull(vin);
        if (v != null) {
            v = v.toUpperCase(Locale.ROOT);
            if (!VIN.matcher(v).matches()) {
                throw ApiException.badRequest("invalid_vin", "vin: 17 characters, letters (no I, O, Q) and digits");
            }
        }
        String m = blankToNull(model);
        if (m != null && m.length() > 64) {
            throw ApiException.badRequest("invalid_model", "model: at most 64 characters");
        }
        return new CustomerDetails(n, p, v, m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
