package org.huiying.routing.classification;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings colloquial input to one form before matching: full-width letters and digits to
 * half-width (NFKC), Traditional to Simplified characters, upper case for codes and abbreviations.
 */
public final class TextNormalizer {

    private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String halfWidth = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return TRADITIONAL_TO_SIMPLIFIED.get().transliterate(halfWidth).toUpperCase(Locale.ROOT);
    }
}
