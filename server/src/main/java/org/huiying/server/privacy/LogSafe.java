package org.huiying.server.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from outside (a Twilio error, an exception message) made fit for a log line: any run of 7 to 15
 * digits (a phone number's length) is masked, since such messages often quote the number they refused.
 */
public final class LogSafe {

    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\w+])\\+?\\d{7,15}(?!\\w)");

    private LogSafe() {
    }

    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Masking.phone(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
