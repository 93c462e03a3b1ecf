package org.huiying.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame as text: {@code COMMAND\nname:value\n…\n\nbody\0}. Header values are not
 * escaped: every header this benchmark sends or reads is free of {@code :}, newlines and backslashes.
 */
record StompFrame(String command, Map<String, String> headers, String body) {

    static String encode(String command, Map<String, String> headers, String body) {
        StringBuilder frame = new StringBuilder(command.length() + body.length() + 64).append(command).append('\n');
        headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
        return frame.append('\n').append(body).append('\0').toString();
    }

    /** The frame in {@code text}, or null when it holds only heart-beats (end-of-line characters). */
    static StompFrame decode(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        if (start == text.length()) {
            return null;
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0) {
            throw new IllegalArgumentException("Not a STOMP frame: " + text);
        }
        String command = text.substring(start, trimCr(text, start, lineEnd));
        Map<String, String> headers = new LinkedHashMap<>();
        int at = lineEnd + 1;
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(':', at);
            if (colon > at && colon < end) {
                // the first occurrence wins, as the specification says for repeated headers
                headers.putIfAbsent(text.substring(at, colon), text.substring(colon + 1, trimCr(text, colon + 1, end)));
            }
            at = end + 1;
        }
        at += text.startsWith("\r\n", at) ? 2 : 1;
        int nul = text.indexOf('\0', Math.min(at, text.length()));
        String body = at >= text.length() ? "" : text.substring(at, nul < 0 ? text.length() : nul);
        return new StompFrame(command, headers, body);
    }

    private static int trimCr(String text, int from, int end) {
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
