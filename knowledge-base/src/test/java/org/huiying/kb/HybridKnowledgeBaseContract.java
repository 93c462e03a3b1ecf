package org.huiying.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.huiying.kb.quality.HeldOutSet;
import org.huiying.kb.quality.LabelledQueries;
import org.huiying.kb.quality.RankingMetrics;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.search.Passages;
import org.huiying.kb.semantic.MemoizingEmbedder;
import org.huiying.kb.semantic.SemanticModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do when it searches by meaning as well as by words (issue 28), with the
 * real embedding model: one suite, one subclass per backend. Each test gets a fresh knowledge base
 * holding the shipped samples.
 */
public abstract class HybridKnowledgeBaseContract {

    protected ChineseAnalysis analysis;
    protected KnowledgeBase kb;
    protected final MemoizingEmbedder model = MemoizingEmbedder.shared();

    /**
     * The backend's knowledge base named {@code name} with {@code semantic}: empty the first time a
     * name is opened in a test, as left by the last one closed when opened again.
     */
    protected abstract KnowledgeBase open(String name, ChineseAnalysis analysis, SemanticModel semantic);

    @BeforeEach
    void loadSamples() {
        analysis = new ChineseAnalysis(SynonymDictionary.defaults());
        kb = open("samples", analysis, SemanticModel.of(model));
        kb.saveAll(ArticleImport.samples());
    }

    @AfterEach
    void closeKnowledgeBase() {
        kb.close();
    }

    private List<String> top(String query, int n) {
        return kb.search(SearchRequest.of(query, n)).ids();
    }

    @Test
    void searchesByMeaningAndSaysWhichModel() {
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.HYBRID);
        assertThat(kb.semanticStatus().model()).isEqualTo("bge-small-zh-v1.5-q");
    }

    @Test
    void aParaphraseSharingNoWordWithTheArticleFindsIt() {
        // 「车要放一个月不开」 shares no word with 「长期停放」: words alone do not list it in their top 5.
        try (KnowledgeBase words = LuceneKnowledgeBase.inMemory(analysis)) {
            words.saveAll(ArticleImport.samples());
            assertThat(words.search(SearchRequest.of("车要放一个月不开", 5)).ids()).doesNotContain("kb-bat-007");
        }
        assertThat(top("车要放一个月不开", 3)).contains("kb-bat-007");
        assertThat(top("车子停久了打不着", 3)).contains("kb-bat-007");
    }

    @Test
    void aHitShowsThePassageOfALongArticleThatMatched() {
        Article manual = Article.of("kb-long-1", "新车使用手册", String.join("\n",
                "充电：日常建议使用家用慢充，把充电上限设在百分之八十到九十，长途出行前再充满。".repeat(4),
                "轮胎：每月检查一次胎压，胎侧出现鼓包必须更换轮胎，不能修补，高速行驶随时可能爆胎。".repeat(4),
                "雨刮：冬季雨刮冻在玻璃上时不要强行启动，以免烧坏雨刮电机，应先除冰再使用。".repeat(4)),
                "service", List.of(), ArticleStatus.PUBLISHED);
        assertThat(Passages.of(manual)).hasSizeGreaterThanOrEqualTo(3);
        kb.save(manual);
        SearchHit hit = kb.search(SearchRequest.of("轮胎侧面鼓了个包还能开吗", 10)).hits().stream()
                .filter(h -> h.id().equals("kb-long-1")).findFirst().orElseThrow();
        assertThat(hit.passage()).contains("鼓包").doesNotContain("雨刮").doesNotContain("充电上限");
        Suggestion suggestion = kb.suggest("雨刮冻住了能开吗", 10).stream()
                .filter(s -> s.id().equals("kb-long-1")).findFirst().orElseThrow();
        assertThat(suggestion.passage()).contains("雨刮").doesNotContain("鼓包");
    }

    @Test
    void meaningCandidatesObeyStatusAndCategoryFilters() {
        kb.save(Article.of("kb-draft-park", "车辆长时间不开的保管方法", "出差很久车不开，应保持电量一半以上。",
                "battery", List.of(), ArticleStatus.DRAFT));
        assertThat(top("车要放一个月不开", 10)).doesNotContain("kb-draft-park");
        assertThat(kb.search(SearchRequest.of("车要放一个月不开", 10).inCategory("charging")).ids())
                .isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("kb-chg-"));
    }

    @Test
    void aDeletedArticleIsNotFoundByMeaningEither() {
        assertThat(kb.delete("kb-bat-007")).isTrue();
        assertThat(top("车要放一个月不开", 10)).doesNotContain("kb-bat-007");
        assertThat(kb.count()).isEqualTo(ArticleImport.samples().size() - 1);
    }

    @Test
    void aTextAboutNothingInTheBaseFindsLittleAndBadInputNeverFails() {
        assertThat(top("😀😀😀", 10)).isEmpty();
        assertThat(top("充电 AND (OR) \"*?~^ /[]{}:\\", 10)).isNotEmpty();
        assertThat(kb.search(SearchRequest.of("完全无关的文字：今天的股票行情和足球比赛结果", 10)).total()).isLessThan(82);
        assertThatThrownBy(() -> top("长".repeat(1000), 10)).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> top("   ", 10)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void aModelChangeReEmbedsEveryArticleAndSearchStaysLexicalMeanwhile() {
        kb.close();
        try (KnowledgeBase older = open("models", analysis, SemanticModel.of(model.posingAs("an-older-model")))) {
            older.saveAll(ArticleImport.samples());
            assertThat(older.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.HYBRID);
        }
        kb = open("models", analysis, SemanticModel.of(model));
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.REEMBEDDING);
        assertThat(top("P0AA6 绝缘 排查", 1)).containsExactly("kb-hv-001");
        assertThat(kb.reembedIfStale()).isEqualTo(ArticleImport.samples().size());
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.HYBRID);
        assertThat(kb.reembedIfStale()).isZero();
        assertThat(top("车要放一个月不开", 3)).contains("kb-bat-007");
        kb.close();
        kb = open("models", analysis, SemanticModel.of(model));
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.HYBRID);
    }

    @Test
    void withoutALoadableModelSearchStaysLexicalSaysWhyAndReEmbedsOnceTheModelIsBack() {
        kb.close();
        SemanticModel broken = SemanticModel.load(() -> {
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        });
        kb = open("broken", analysis, broken);
        kb.saveAll(ArticleImport.samples());
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.LEXICAL);
        assertThat(kb.semanticStatus().reason()).contains("no onnxruntime");
        assertThat(top("P0AA6 绝缘 排查", 1)).containsExactly("kb-hv-001");
        assertThat(kb.suggest("充电枪拔不出来", 3)).isNotEmpty().allSatisfy(s -> assertThat(s.passage()).isNotBlank());
        kb.close();
        kb = open("broken", analysis, SemanticModel.of(model));
        assertThat(kb.semanticStatus().mode()).isEqualTo(SemanticStatus.Mode.REEMBEDDING);
        kb.reembedIfStale();
        assertThat(top("车要放一个月不开", 3)).contains("kb-bat-007");
    }

    @Test
    void ranksTheHeldOutSetLikeTheEmbeddedReference() {
        List<Article> articles = HeldOutSet.articles();
        kb.close();
        kb = open("heldout", analysis, SemanticModel.of(model));
        kb.saveAll(articles);
        try (KnowledgeBase reference = LuceneKnowledgeBase.inMemory(analysis, SemanticModel.of(model), Fusion.DEFAULT)) {
            reference.saveAll(articles);
            for (LabelledQueries set : List.of(HeldOutSet.dev(), HeldOutSet.test())) {
                for (LabelledQueries.Query q : set.queries()) {
                    assertThat(top(q.text(), 10)).as(q.text())
                            .isEqualTo(reference.search(SearchRequest.of(q.text(), 10)).ids());
                }
                RankingMetrics ours = RankingMetrics.of(set, HeldOutSet.search(kb));
                RankingMetrics embedded = RankingMetrics.of(set, HeldOutSet.search(reference));
                System.out.printf("%s: nDCG@10 %.3f (this backend) vs %.3f (embedded)%n", getClass().getSimpleName(),
                        ours.ndcg10(), embedded.ndcg10());
                assertThat(Math.abs(ours.ndcg10() - embedded.ndcg10())).isLessThanOrEqualTo(0.02);
            }
        }
    }
}
