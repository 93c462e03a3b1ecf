package org.huiying.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut past the Traditional→Simplified transliterator never changes what converting gives. */
class SimplifiedChineseTest {

    private final Transliterator full = Transliterator.getInstance("Traditional-Simplified");

    @Test
    void everyCharacterTheConversionChangesIsOneThatTakesTheConversionPath() {
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String one = String.valueOf((char) c);
            if (!full.transliterate(one).equals(one) && !SimplifiedChinese.mayChange(one)) {
                missed.add(Integer.toHexString(c));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void everyPhraseTheConversionRewritesIsOneThatTakesTheConversionPath() {
        List<String> missed = new ArrayList<>();
        int phrases = 0;
        for (String from : phrases()) {
            // each phrase inside Simplified text, so what surrounds it does not hide a miss
            String text = "我的车" + from + "了";
            phrases++;
            if (!full.transliterate(text).equals(text) && !SimplifiedChinese.mayChange(text)) {
                missed.add(text);
            }
        }
        assertThat(phrases).isGreaterThan(1_000);
        assertThat(missed).isEmpty();
    }

    /** The knowledge base maps highlight offsets through the conversion, which needs this. */
    @Test
    void theConversionKeepsTheLengthOfEveryPhraseAndEveryCharacter() {
        List<String> changed = new ArrayList<>();
        for (String from : phrases()) {
            if (SimplifiedChinese.convert(from).length() != from.length()) {
                changed.add(from);
            }
        }
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            if (!Character.isSurrogate((char) c) && SimplifiedChinese.convert(one).length() != 1) {
                changed.add(one);
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void simplifiedTextSkipsTheConversionAndTraditionalTextIsConverted() {
        assertThat(SimplifiedChinese.mayChange("你好，我的车充不进电了")).isFalse();
        assertThat(SimplifiedChinese.mayChange("車機黑屏了")).isTrue();
        assertThat(SimplifiedChinese.convert("車機黑屏了")).isEqualTo("车机黑屏了");
    }

    @Test
    void mixedTextsConvertExactlyAsTheFullConversionDoes() {
        for (String text : List.of("你們效率太低了", "态度太差 態度太差", "电池坏了等了三天还没修好", "發動機故障燈亮了 p0a80",
                "乾隆皇帝", "头发 頭髮 后面 後面", "沈默的人 消沈", "份子 分子", "")) {
            assertThat(SimplifiedChinese.convert(text)).as(text).isEqualTo(full.transliterate(text));
        }
    }

    private List<String> phrases() {
        List<String> out = new ArrayList<>();
        for (String line : full.toRules(false).split("\n")) {
            int arrow = line.indexOf(" > ");
            if (arrow > 0) {
                out.add(line.substring(0, arrow).strip());
            }
        }
        return out;
    }
}
