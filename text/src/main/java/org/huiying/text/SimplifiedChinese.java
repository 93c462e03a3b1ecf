package org.huiying.text;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICU's {@code Traditional-Simplified} transform, skipped for text it would leave unchanged. Most
 * messages and articles are written in Simplified; running the transliterator on them showed as a
 * fifth of a chat writer's CPU in the routing profile and cost the knowledge base more than the rest
 * of its analysis.
 */
final class SimplifiedChinese {

    private static final String TRADITIONAL_SIMPLIFIED = "Traditional-Simplified";
    /** One rule of ICU's conversion, as {@code toRules} writes it (declared before its first use in a static initializer). */
    private static final Pattern RULE = Pattern.compile("([^\\p{ASCII}\\s]+) > ([^\\p{ASCII}\\s]*);");
    /** Transliterators are not thread-safe. */
    private static final ThreadLocal<Transliterator> CONVERSION =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRADITIONAL_SIMPLIFIED));
    /** A text the conversion could change holds at least one of these characters. */
    private static final UnicodeSet MAY_CHANGE = witnesses(Transliterator.getInstance(TRADITIONAL_SIMPLIFIED));

    private SimplifiedChinese() {
    }

    static String convert(String text) {
        return mayChange(text) ? CONVERSION.get().transliterate(text) : text;
    }

    /** Whether the conversion could change {@code text}; false means it certainly leaves it as is. */
    static boolean mayChange(String text) {
        return MAY_CHANGE.span(text, UnicodeSet.SpanCondition.NOT_CONTAINED) < text.length();
    }

    /**
     * ICU's rules are plain phrase rewrites ({@code 瞭解 > 了解;}); phrases cause the common characters
     * in ICU's own source set (好, 不, 了 …), which would leave no text on the fast path. A rewrite
     * can only happen where its whole phrase occurs, so one character of each changing phrase is
     * enough to watch: the first that the conversion changes on its own, else the first that the
     * rewrite replaces. Rules in any other form: ICU's whole source set, always safe.
     */
    private static UnicodeSet witnesses(Transliterator conversion) {
        UnicodeSet watched = new UnicodeSet();
        for (String line : conversion.toRules(false).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher rule = RULE.matcher(line.strip());
            if (!rule.matches()) {
                return conversion.getSourceSet().freeze();
            }
            int[] from = rule.group(1).codePoints().toArray();
            int[] to = rule.group(2).codePoints().toArray();
            if (!Arrays.equals(from, to)) {
                watched.add(witness(conversion, from, to));
            }
        }
        return watched.freeze();
    }

    private static int witness(Transliterator conversion, int[] from, int[] to) {
        for (int c : from) {
            String alone = Character.toString(c);
            if (!conversion.transliterate(alone).equals(alone)) {
                return c;
            }
        }
        int i = 0;
        while (i < from.length - 1 && i < to.length && from[i] == to[i]) {
            i++;
        }
        return from[i];
    }
}
