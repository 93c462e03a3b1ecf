package org.huiying.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link TextNormalizer} promises, character by character. */
class TextNormalizerTest {

    private static String n(String text) {
        return TextNormalizer.normalize(text);
    }

    @Test
    void nothingBecomesTheEmptyText() {
        assertThat(n(null)).isEmpty();
        assertThat(n("")).isEmpty();
    }

    @Test
    void traditionalCharactersBecomeSimplified() {
        assertThat(n("電池無法充電")).isEqualTo("电池无法充电");
        assertThat(n("車機黑屏了")).isEqualTo("车机黑屏了");
        assertThat(n("充電樁跳槍")).isEqualTo("充电桩跳枪");
        assertThat(n("發動機故障燈")).isEqualTo("发动机故障灯");
    }

    @Test
    void phraseRulesOfTheConversionApply() {
        assertThat(n("計畫")).isEqualTo("计划"); // 畫 alone would give 计画
        assertThat(n("乾坤")).isEqualTo("乾坤"); // 乾 alone would give 干
        assertThat(n("乾燥")).isEqualTo("干燥");
        assertThat(n("頭髮")).isEqualTo("头发");
    }

    @Test
    void simplifiedTextIsLeftAsItIs() {
        assertThat(n("你好，我的车充不进电了")).isEqualTo("你好,我的车充不进电了");
        assertThat(n("沈阳 乾坤")).isEqualTo("沈阳 乾坤");
    }

    @Test
    void fullWidthDigitsAndLettersBecomeAsciiInLowerCase() {
        assertThat(n("０１２３４５６７８９")).isEqualTo("0123456789");
        assertThat(n("ＡＢＣＸＹＺａｂｃｘｙｚ")).isEqualTo("abcxyzabcxyz");
        assertThat(n("ｕ０１００")).isEqualTo("u0100");
        assertThat(n("ＢＭＳ")).isEqualTo(n("bms")).isEqualTo(n("BMS")).isEqualTo("bms");
    }

    @Test
    void fullWidthPunctuationAndTheIdeographicSpaceBecomeAscii() {
        assertThat(n("，！？：；（）")).isEqualTo(",!?:;()");
        assertThat(n("充电\u3000跳枪")).isEqualTo("充电 跳枪");
        assertThat(n("ＤＣ－ＤＣ／ＯＢＣ")).isEqualTo("dc-dc/obc");
        // The CJK full stop and enumeration comma have no ASCII form and stay.
        assertThat(n("好。好、好")).isEqualTo("好。好、好");
    }

    @Test
    void mixedTraditionalFullWidthAndCodesFoldTogether() {
        assertThat(n("儀表報ｐ０ａ８０")).isEqualTo("仪表报p0a80");
        assertThat(n("仪表报Ｐ０Ａ８０")).isEqualTo("仪表报p0a80");
        assertThat(n("ＨＹ－Ｓ７報P0AA6，絕緣阻值低")).isEqualTo("hy-s7报p0aa6,绝缘阻值低");
        assertThat(n("800V平臺 READY燈")).isEqualTo("800v平台 ready灯");
    }

    @Test
    void compatibilityFormsAreUnfolded() {
        // CJK compatibility ideograph 豈 (U+F900) → unified 豈 (U+8C48) → Simplified 岂
        assertThat(n("\uF900")).isEqualTo("岂");
        assertThat(n("①②")).isEqualTo("12");
        assertThat(n("㎞")).isEqualTo("km");
    }

    @Test
    void invisibleCharactersAreRemovedButWhitespaceIsKept() {
        assertThat(n("充\u200B电\u00AD桩\uFEFF")).isEqualTo("充电桩");
        assertThat(n("  车  机 \t黑屏\n")).isEqualTo("  车  机 \t黑屏\n");
    }

    @Test
    void chineseAndAsciiTextKeepsItsLengthSoOffsetsStillPointIntoTheInput() {
        for (String text : new String[] {"電池無法充電", "ＨＹ－Ｓ７報P0AA6，絕緣阻值低", "計畫 乾坤 頭髮", "充电桩 DC/DC"}) {
            assertThat(n(text)).as(text).hasSameSizeAs(text);
        }
    }
}
