package org.huiying.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcuts past the Traditional→Simplified transliterator never change what converting gives. */
class SimplifiedChineseTest {

    private final Transliterator full = Transliterator.getInstance("Traditional-Simplified");

    @Test
    void everyCharacterConvertsAsTheTransliteratorConvertsIt() {
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            if (!Character.isSurrogate((char) c) && !SimplifiedChinese.convert(one).equals(full.transliterate(one))) {
                missed.add(Integer.toHexString(c));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void everyPhraseOfTheTransliteratorConvertsAsItConvertsItInSimplifiedAndInTraditionalText() {
        List<String> missed = new ArrayList<>();
        List<String> phrases = phrases();
        for (String from : phrases) {
            // each phrase inside other text, so what surrounds it does not hide a miss
            for (String text : List.of("我的车" + from + "了", "我的車" + from + "發", from + from)) {
                if (!SimplifiedChinese.convert(text).equals(full.transliterate(text))) {
                    missed.add(text);
                }
            }
        }
        assertThat(phrases).hasSizeGreaterThan(1_000);
        assertThat(missed).isEmpty();
    }

    /** The knowledge base maps highlight offsets through the conversion, which needs this. */
    @Test
    void theConversionKeepsTheLengthOfEveryPhraseAndEveryCharacter() {
        List<String> changed = new ArrayList<>();
        for (String from : phrases()) {
            if (full.transliterate(from).length() != from.length()) {
                changed.add(from);
            }
        }
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            if (!Character.isSurrogate((char) c) && full.transliterate(one).length() != 1) {
                changed.add(one);
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void everydayTextSkipsTheTransliterator() {
        assertThat(SimplifiedChinese.needsTransliterator("你好，我的车充不进电了")).isFalse();
        assertThat(SimplifiedChinese.needsTransliterator("发动机故障灯亮了，请检查一下，好像是传感器")).isFalse();
        assertThat(SimplifiedChinese.needsTransliterator("車機黑屏了")).isFalse();
        assertThat(SimplifiedChinese.convert("車機黑屏了")).isEqualTo("车机黑屏了");
    }

    @Test
    void phrasesTheTableWouldGetWrongTakeTheTransliterator() {
        assertThat(SimplifiedChinese.needsTransliterator("维修計畫")).isTrue();
        assertThat(SimplifiedChinese.convert("维修計畫")).isEqualTo("维修计划");
        assertThat(SimplifiedChinese.convert("乾坤 乾燥")).isEqualTo("乾坤 干燥");
    }

    @Test
    void mixedTextsConvertExactlyAsTheTransliteratorDoes() {
        for (String text : List.of("你們效率太低了", "态度太差 態度太差", "电池坏了等了三天还没修好", "發動機故障燈亮了 p0a80",
                "乾隆皇帝", "头发 頭髮 后面 後面", "沈默的人 消沈", "份子 分子", "計畫 计画 剃发", "")) {
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
