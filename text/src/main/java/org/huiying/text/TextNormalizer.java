package org.huiying.text;

import com.ibm.icu.text.Normalizer2;

/**
 * The one form in which Huiying compares Chinese text: routing matches classifier phrases in it and
 * the knowledge base indexes, queries and highlights in it. Both sides of a comparison must go
 * through here, so that 「電池無法充電」 meets 「电池无法充电」, 「ＢＭＳ」 meets 「bms」 and 「Ｐ０ＡＡ６」 meets
 * 「p0aa6」.
 *
 * <p>What {@link #normalize} promises, in this order:
 * <ol>
 *   <li>{@code null} and the empty text become {@code ""}.</li>
 *   <li>Unicode NFKC_Casefold (ICU's {@code Normalizer2.getNFKCCasefoldInstance()}): full-width
 *       letters, digits and punctuation become ASCII, the ideographic space becomes a space,
 *       compatibility forms are unfolded (CJK compatibility ideographs, circled digits), letters are
 *       case-folded to lower case and default-ignorable characters (zero-width space, soft hyphen,
 *       byte-order mark, variation selectors) are removed.</li>
 *   <li>Traditional characters become Simplified by ICU's {@code Traditional-Simplified} transform,
 *       phrase rules included (「計畫」 becomes 「计划」, not 「计画」; 「乾坤」 keeps its 乾).</li>
 * </ol>
 * Nothing else: whitespace is neither trimmed nor collapsed, punctuation stays, no segmentation.
 * ICU's data is taken as it is, quirks included: a few phrase rules leave a Traditional character
 * (「內裡」 becomes 「內里」, which a second pass would turn into 「内里」), so normalise raw text once
 * rather than relying on the function being idempotent.
 *
 * <p>Length: for text of Chinese characters, ASCII and full-width ASCII every step maps one UTF-16
 * unit to one (no rule of the Traditional-Simplified transform changes length), so an offset into the
 * result is the same offset into the input; the knowledge base relies on this for highlights. Text with
 * characters that expand or vanish (「㎞」, 「ß」, a zero-width space) may change length; callers that
 * need offsets check {@code result.length() == input.length()}.
 *
 * <p>Thread-safe, no Spring, cheap: ICU's result without running its transliterator on most text (see
 * {@link SimplifiedChinese}).
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return SimplifiedChinese.convert(NFKC_CASEFOLD.normalize(text));
    }
}
