package org.huiying.routing.classification;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings colloquial input to one form before matching: full-width letters and digits to
 * half-width (NFKC), Traditional to Simplified characters, upper case for codes and abbreviations.
 */
public final class TextNormalizer {

    private static final String TRADITIONAL_SIMPLIFIED = "Traditional-Simplified";
    private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRADITIONAL_SIMPLIFIED));
    /**
     * Every character the conversion may change (ICU's own account of its rules). Most messages are
     * written in Simplified and hold none of them; they skip the transliterator, which the routing
     * profile showed as a fifth of a chat writer's CPU, and come out exactly as it would leave them.
     */
    private static final UnicodeSet CONVERTED = Transliterator.getInstance(TRADITIONAL_SIMPLIFIED).getSourceSet().freeze();

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String halfWidth = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String simplified = needsConversion(halfWidth) ? TRADITIONAL_TO_SIMPLIFIED.get().transliterate(halfWidth) : halfWidth;
        return simplified.toUpperCase(Locale.ROOT);
    }

    /** Whether {@code text} holds a character the Traditional→Simplified conversion may change. */
    static boolean needsConversion(String text) {
        return CONVERTED.span(text, UnicodeSet.SpanCondition.NOT_CONTAINED) < text.length();
    }
}
