package org.huiying.server.telephony.sms;

import java.util.Locale;
import java.util.Set;

/** Texts that opt a number out of SMS or back in; the whole message must be the keyword (any case, spaces around). */
enum OptOutKeywords {
    OPT_OUT, OPT_IN, NONE;

    private static final Set<String> OUT = Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "OPTOUT", "退订", "TD");
    private static final Set<String> IN = Set.of("START", "订阅");

    static OptOutKeywords of(String text) {
        if (text == null) {
            return NONE;
        }
        String word = text.strip().toUpperCase(Locale.ROOT);
        if (OUT.contains(word)) {
            return OPT_OUT;
        }
        return IN.contains(word) ? OPT_IN : NONE;
    }
}
