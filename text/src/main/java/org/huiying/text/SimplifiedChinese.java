package org.huiying.text;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICU's {@code Traditional-Simplified} transform, with its result, but mostly without running it:
 * running the transliterator on every text showed as a fifth of a chat writer's CPU in the routing
 * profile and cost the knowledge base more than all the rest of its analysis.
 *
 * <p>ICU's rules are plain rewrites of single characters ({@code 電 > 电;}) and of phrases
 * ({@code 計畫 > 计划;}). Most phrase rules give what converting their characters one by one gives;
 * only the others (about 170 of 3,950 in ICU 74: 計畫, 乾坤, 像片 …) need the transliterator. So a
 * text holding none of those phrases is converted character by character from a table, and the
 * transliterator runs only on a text that holds one of them.
 */
final class SimplifiedChinese {

    private static final String TRADITIONAL_SIMPLIFIED = "Traditional-Simplified";
    /** One rule of ICU's conversion, as {@code toRules} writes it (declared before its first use in a static initializer). */
    private static final Pattern RULE = Pattern.compile("([^\\p{ASCII}\\s]+) > ([^\\p{ASCII}\\s]*);");
    /** Transliterators are not thread-safe. */
    private static final ThreadLocal<Transliterator> CONVERSION =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRADITIONAL_SIMPLIFIED));
    /** What ICU makes of each BMP character on its own. */
    private static final char[] SINGLE = new char[Character.MAX_VALUE + 1];
    /** The phrases the table would convert differently from ICU, by their first character. */
    private static final Map<Integer, List<String>> PHRASES = new HashMap<>();
    /** The first characters of those phrases, and characters the table cannot stand for. */
    private static final UnicodeSet WATCHED = new UnicodeSet();
    /** Set when ICU's rules are not all plain rewrites: then the table is never safe. */
    private static boolean alwaysTransliterate;

    static {
        Transliterator conversion = Transliterator.getInstance(TRADITIONAL_SIMPLIFIED);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            SINGLE[c] = (char) c;
        }
        for (UnicodeSetIterator it = new UnicodeSetIterator(conversion.getSourceSet()); it.next(); ) {
            single(conversion, it.codepoint);
        }
        watchPhrases(conversion);
        WATCHED.freeze();
    }

    private SimplifiedChinese() {
    }

    static String convert(String text) {
        if (needsTransliterator(text)) {
            return CONVERSION.get().transliterate(text);
        }
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char s = SINGLE[c];
            if (s != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = s;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Whether {@code text} holds a phrase (or character) that the table would convert differently from ICU. */
    static boolean needsTransliterator(String text) {
        if (alwaysTransliterate) {
            return true;
        }
        int i = WATCHED.span(text, UnicodeSet.SpanCondition.NOT_CONTAINED);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            List<String> phrases = PHRASES.get(c);
            if (phrases == null) {
                return true; // a character the table cannot stand for
            }
            for (String phrase : phrases) {
                if (text.startsWith(phrase, i)) {
                    return true;
                }
            }
            i = WATCHED.span(text, i + Character.charCount(c), UnicodeSet.SpanCondition.NOT_CONTAINED);
        }
        return false;
    }

    /** A character the table cannot stand for (supplementary, or changing length) is left to the transliterator. */
    private static void single(Transliterator conversion, int c) {
        String alone = Character.toString(c);
        String converted = conversion.transliterate(alone);
        if (converted.equals(alone)) {
            return;
        }
        if (Character.isBmpCodePoint(c) && converted.length() == 1) {
            SINGLE[c] = converted.charAt(0);
        } else {
            WATCHED.add(c);
        }
    }

    private static void watchPhrases(Transliterator conversion) {
        for (String line : conversion.toRules(false).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher rule = RULE.matcher(line.strip());
            if (!rule.matches()) {
                alwaysTransliterate = true;
                return;
            }
            String from = rule.group(1);
            if (!byTable(from).equals(rule.group(2))) {
                int first = from.codePointAt(0);
                if (!WATCHED.contains(first) || PHRASES.containsKey(first)) {
                    PHRASES.computeIfAbsent(first, k -> new ArrayList<>()).add(from);
                    WATCHED.add(first);
                }
            }
        }
    }

    private static String byTable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isBmpCodePoint(c) ? SINGLE[c] : c));
        return out.toString();
    }
}
