package org.huiying.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleStatus;
import org.huiying.kb.semantic.PassageCache;
import org.huiying.kb.semantic.TextEmbedder;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static Article article(String body) {
        return Article.of("a", "冬季用车指南", body, "service", List.of(), ArticleStatus.PUBLISHED);
    }

    @Test
    void aShortArticleIsOnePassageAndAnEmptyOneIsItsTitle() {
        assertThat(Passages.of(article("冬天续航会下降。请提前预热。"))).containsExactly("冬天续航会下降。请提前预热。");
        assertThat(Passages.of(article(""))).containsExactly("冬季用车指南");
    }

    @Test
    void passagesKeepWholeSentencesUpToTheLimitAndParagraphsApart() {
        String sentence = "电池在低温下活性下降，续航会比夏季明显减少，这是物理特性而不是故障。"; // 35 characters
        List<String> passages = Passages.of(article(sentence.repeat(8) + "\n" + "雨刮要立起来，防止冻在玻璃上，车门把手冻住时不要用力拉。"));
        assertThat(passages).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(Passages.MAX_CHARS));
        assertThat(passages.subList(0, passages.size() - 1)).allSatisfy(p -> assertThat(p).endsWith("。").doesNotContain("雨刮"));
        assertThat(passages.get(passages.size() - 1)).startsWith("雨刮");
    }

    @Test
    void aSentenceLongerThanAPassageIsCut() {
        List<String> passages = Passages.of(article("长".repeat(450)));
        assertThat(passages).hasSize(3);
        assertThat(String.join("", passages)).isEqualTo("长".repeat(450));
    }

    @Test
    void embeddingInputsGiveEveryPassageItsTitle() {
        assertThat(Passages.embeddingInputs(article("一句。"))).containsExactly("冬季用车指南\n一句。");
    }

    @Test
    void theLexicalChoiceIsThePassageWithMostQueryTerms() {
        assertThat(Passages.bestLexical(List.of("充电口结冰", "雨刮冻住 玻璃结冰", "其他"), Set.of("雨刮", "结冰"))).isEqualTo(1);
    }

    @Test
    void theCacheEmbedsAPassageOnceAndForgetsTheOldest() {
        List<String> embedded = new ArrayList<>();
        TextEmbedder counting = new TextEmbedder() {
            public String modelId() { return "m"; }
            public int dimensions() { return 1; }
            public float[] embedQuery(String text) { return new float[] {1}; }
            public List<float[]> embedPassages(List<String> texts) {
                embedded.addAll(texts);
                return texts.stream().map(t -> new float[] {t.length()}).toList();
            }
        };
        PassageCache cache = new PassageCache(counting, 2);
        assertThat(cache.embedPassages(List.of("a", "bb", "a"))).extracting(v -> v[0]).containsExactly(1f, 2f, 1f);
        cache.embedPassages(List.of("bb", "ccc"));
        cache.embedPassages(List.of("a"));
        assertThat(embedded).containsExactly("a", "bb", "ccc", "a");
    }
}
