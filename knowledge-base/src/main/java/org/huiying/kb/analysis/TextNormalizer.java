package org.huiying.kb.analysis;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Brings any text to the one form the knowledge base compares: full-width letters and digits
 * become half-width, case is folded (NFKC_Casefold) and Traditional characters become Simplified,
 * so 「電池無法充電」, 「ＢＭＳ」 and 「bms」 meet 「电池无法充电」 and 「BMS」.
 *
 * <p>Thread-safe. The result almost always has the input's length (every step maps one character
 * to one character for CJK and ASCII text), which lets highlights point into the original text.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    // Transliterator instances are not thread-safe; one per thread is cheap.
    private static final ThreadLocal<Transliterator> TRADITIONAL_TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = NFKC_CASEFOLD.normalize(text);
        return TRADITIONAL_TO_SIMPLIFIED.get().transliterate(folded);
    }
}
