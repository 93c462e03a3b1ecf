package org.huiying.kb.analysis;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Brings any text to the one form the knowledge base compares: full-width letters and digits
 * become half-width, case is folded (NFKC_Casefold) and Traditional characters become Simplified
 * (ICU's {@code Traditional-Simplified}), so 「電池無法充電」, 「ＢＭＳ」 and 「bms」 meet
 * 「电池无法充电」 and 「BMS」.
 *
 * <p>Thread-safe. The result almost always has the input's length (every step maps one character
 * to one character for CJK and ASCII text), which lets highlights point into the original text.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final char FIRST_HAN = '\u3400';
    private static final char LAST_HAN = '\u9fff';
    /**
     * ICU's Traditional-Simplified maps single characters, so it is applied once per character at
     * start-up and then looked up: running the transliterator on every text costs more than all
     * the rest of the analysis.
     */
    private static final char[] SIMPLIFIED = simplifiedTable();

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = NFKC_CASEFOLD.normalize(text);
        char[] chars = null;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= FIRST_HAN && c <= LAST_HAN) {
                char s = SIMPLIFIED[c - FIRST_HAN];
                if (s != c) {
                    if (chars == null) {
                        chars = folded.toCharArray();
                    }
                    chars[i] = s;
                }
            }
        }
        return chars == null ? folded : new String(chars);
    }

    private static char[] simplifiedTable() {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[LAST_HAN - FIRST_HAN + 1];
        for (char c = FIRST_HAN; c <= LAST_HAN; c++) {
            String s = toSimplified.transliterate(String.valueOf(c));
            // Keep the character when ICU would change the length (none in this block as of ICU 74).
            table[c - FIRST_HAN] = s.length() == 1 ? s.charAt(0) : c;
        }
        return table;
    }
}
