package org.huiying.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chain at token level on real after-sales sentences (after Lucene's TestSmartChineseAnalyzer). */
class ChineseAnalysisTest {

    private final ChineseAnalysis analysis = new ChineseAnalysis(SynonymDictionary.defaults());
    private final ChineseAnalysis plain = new ChineseAnalysis(SynonymDictionary.empty());

    private void assertTokens(ChineseAnalysis chain, String text, String[] terms, int[] starts, int[] ends) {
        List<ChineseAnalysis.Token> tokens = chain.wordTokens(text);
        assertThat(tokens).extracting(ChineseAnalysis.Token::term).containsExactly(terms);
        assertThat(tokens).extracting(ChineseAnalysis.Token::start).containsExactly(box(starts));
        assertThat(tokens).extracting(ChineseAnalysis.Token::end).containsExactly(box(ends));
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    @Test
    void keepsFaultCodesWholeBetweenChineseWords() {
        assertTokens(plain, "P0AA6绝缘故障排查",
                new String[] {"p0aa6", "绝缘", "故障", "排查"},
                new int[] {0, 5, 7, 9}, new int[] {5, 7, 9, 11});
    }

    @Test
    void foldsCaseAndFullWidthSoCodesMatchHoweverTyped() {
        assertThat(plain.words("ｕ０１００")).containsExactly("u0100");
        assertThat(plain.words("U0100")).containsExactly("u0100");
        assertThat(plain.words("b1a00")).containsExactly("b1a00");
        assertThat(plain.words("ＢＭＳ")).isEqualTo(plain.words("bms"));
    }

    @Test
    void joinsAbbreviationsWrittenWithHyphenOrSlash() {
        assertThat(plain.words("DC-DC")).containsExactly("dcdc");
        assertThat(plain.words("dc/dc")).containsExactly("dcdc");
        assertThat(plain.words("800V平台")).containsExactly("800v", "平台");
        assertThat(plain.words("OBC和VCU")).containsExactly("obc", "vcu");
    }

    @Test
    void turnsTraditionalIntoSimplifiedBeforeSegmenting() {
        assertThat(plain.words("電池無法充電")).isEqualTo(plain.words("电池无法充电"));
        assertThat(plain.words("電池無法充電")).containsExactly("电池", "无法", "充电");
    }

    @Test
    void offsetsPointIntoTheOriginalTraditionalText() {
        assertTokens(plain, "電池無法充電", new String[] {"电池", "无法", "充电"},
                new int[] {0, 2, 4}, new int[] {2, 4, 6});
    }

    @Test
    void dropsStopWordsAndPunctuationButKeepsNegation() {
        assertThat(plain.words("我的车充不了电，怎么办啊？")).doesNotContain("我", "的", "怎么办", "啊", "，", "？")
                .contains("不");
    }

    @Test
    void mapsColloquialWordsToTheirCanonicalForm() {
        assertThat(analysis.words("跳枪")).containsExactly("充电中断");
        assertThat(analysis.words("充电中断")).containsExactly("充电中断");
        assertThat(analysis.words("趴窝")).containsExactly("无法启动");
        assertThat(analysis.words("电瓶")).containsExactly("蓄电池");
        assertThat(analysis.words("12V电池")).containsExactly("蓄电池");
        assertThat(analysis.words("电耗")).isEqualTo(analysis.words("能耗"));
        assertThat(analysis.words("乌龟灯")).containsExactly("功率限制指示灯");
    }

    @Test
    void mapsAbbreviationsAndChineseNamesToOneTerm() {
        assertThat(analysis.words("BMS")).isEqualTo(analysis.words("电池管理系统"));
        assertThat(analysis.words("dcdc")).isEqualTo(analysis.words("DC-DC"));
        assertThat(analysis.words("ＥＰＢ")).isEqualTo(analysis.words("电子驻车"));
    }

    @Test
    void analysesARealCustomerSentence() {
        // 「充电跳枪」 and 「电瓶…没电」 (once 也 is dropped) are dictionary phrases.
        assertThat(analysis.words("我的车昨天晚上充电跳枪了，电瓶也没电了"))
                .containsExactly("车", "晚上", "充电中断", "亏电");
    }

    @Test
    void analysesARealTechnicianSentence() {
        assertThat(analysis.words("HY-S7报P0AA6，绝缘阻值低，已断开MSD"))
                .containsSubsequence("hys7", "p0aa6", "绝缘故障").contains("维修开关");
    }

    @Test
    void characterViewGivesBigramsAndWholeCodes() {
        assertThat(analysis.characters("車充不進電 P0AA6"))
                .containsExactly("车充", "充不", "不进", "进电", "p0aa6");
        assertThat(analysis.characters("电")).containsExactly("电");
    }

    @Test
    void neverFailsOnRandomText() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(switch (random.nextInt(4)) {
                    case 0 -> (char) ('\u4e00' + random.nextInt(0x5000));
                    case 1 -> (char) (' ' + random.nextInt(95));
                    case 2 -> (char) ('\uff01' + random.nextInt(94));
                    default -> (char) random.nextInt(0x3000);
                });
            }
            String text = sb.toString();
            for (ChineseAnalysis.Token t : analysis.wordTokens(text)) {
                assertThat(t.term()).isNotEmpty();
                assertThat(t.start()).isBetween(0, text.length());
                assertThat(t.end()).isBetween(t.start(), text.length());
            }
            analysis.characters(text);
        }
    }

    @Test
    void shippedDictionaryHasAtLeast150Entries() {
        assertThat(SynonymDictionary.defaults().entryCount()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void swappingTheDictionaryChangesAnalysisAtOnce() {
        ChineseAnalysis chain = new ChineseAnalysis(SynonymDictionary.empty());
        assertThat(chain.words("小绿灯")).doesNotContain("ready灯");
        chain.useSynonyms(SynonymDictionary.parse("READY灯,小绿灯\n"));
        assertThat(chain.words("小绿灯")).containsExactly("ready灯");
    }

    @Test
    void dictionaryFileSyntaxAcceptsCommentsAndAllSeparators() {
        SynonymDictionary d = SynonymDictionary.parse("# comment\n蓄电池=电瓶，小电瓶 # trailing\n\n单独\n");
        assertThat(d.groups()).containsExactly(List.of("蓄电池", "电瓶", "小电瓶"));
        assertThat(d.entryCount()).isEqualTo(2);
    }
}
