package org.huiying.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut past the Traditional→Simplified transliterator never changes what normalizing gives. */
class TextNormalizerTest {

    private final Transliterator full = Transliterator.getInstance("Traditional-Simplified");

    @Test
    void everyCharacterTheConversionChangesIsOneThatTakesTheConversionPath() {
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String one = String.valueOf((char) c);
            if (!full.transliterate(one).equals(one) && !TextNormalizer.mayChange(one)) {
                missed.add(Integer.toHexString(c));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void everyPhraseTheConversionRewritesIsOneThatTakesTheConversionPath() {
        List<String> missed = new ArrayList<>();
        int phrases = 0;
        for (String line : full.toRules(false).split("\n")) {
            int arrow = line.indexOf(" > ");
            if (arrow <= 0) {
                continue;
            }
            // each phrase inside Simplified text, so what surrounds it does not hide a miss
            String text = "我的车" + line.substring(0, arrow).strip() + "了";
            phrases++;
            if (!full.transliterate(text).equals(text) && !TextNormalizer.mayChange(text)) {
                missed.add(text);
            }
        }
        assertThat(phrases).isGreaterThan(1_000);
        assertThat(missed).isEmpty();
    }

    @Test
    void simplifiedTextSkipsTheConversionAndTraditionalTextIsConverted() {
        assertThat(TextNormalizer.mayChange("你好，我的车充不进电了")).isFalse();
        assertThat(TextNormalizer.mayChange("車機黑屏了")).isTrue();
        assertThat(TextNormalizer.normalize("車機黑屏了")).isEqualTo("车机黑屏了");
        assertThat(TextNormalizer.normalize("仪表报ｐ０ａ８０")).isEqualTo("仪表报P0A80");
    }

    @Test
    void mixedTextsNormalizeExactlyAsTheFullConversionDoes() {
        for (String text : List.of("你們效率太低了", "态度太差 態度太差", "电池坏了等了三天还没修好", "發動機故障燈亮了 P0A80",
                "乾隆皇帝", "头发 頭髮 后面 後面", "沈默的人 消沈", "份子 分子", "")) {
            String expected = text.isEmpty() ? "" : full.transliterate(java.text.Normalizer.normalize(text,
                    java.text.Normalizer.Form.NFKC)).toUpperCase(java.util.Locale.ROOT);
            assertThat(TextNormalizer.normalize(text)).as(text).isEqualTo(expected);
        }
    }
}
