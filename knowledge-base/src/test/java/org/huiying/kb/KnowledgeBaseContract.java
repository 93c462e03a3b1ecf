package org.huiying.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeBase} backend must do (Hibernate Search's TCK is the model): one
 * suite, one subclass per backend. Each test gets a fresh knowledge base loaded with the samples.
 */
public abstract class KnowledgeBaseContract {

    /** Queries whose whole top 10 must come out the same on every backend. */
    static final List<String> RANKING_PROBES = List.of("P0AA6 绝缘 排查", "車充不進電", "跳枪", "电瓶没电趴窝了",
            "乌龟灯", "空调不制冷", "刹车异响", "OTA升级失败", "U0100", "BMS", "dc-dc故障", "电池质保几年",
            "怎么预约保养", "高压下电", "冬天续航掉得厉害", "充电枪拔不出来", "胎压灯亮", "烧机油", "投诉多久回复", "800V");

    protected ChineseAnalysis analysis;
    protected KnowledgeBase kb;

    /** A new, empty knowledge base of the backend under test, using {@code analysis}. */
    protected abstract KnowledgeBase newKnowledgeBase(ChineseAnalysis analysis);

    @BeforeEach
    void loadSamples() {
        analysis = new ChineseAnalysis(SynonymDictionary.defaults());
        kb = newKnowledgeBase(analysis);
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
    void technicianQueryWithFaultCodeFindsTheInsulationArticleFirst() {
        assertThat(top("P0AA6 绝缘 排查", 5)).first().isEqualTo("kb-hv-001");
    }

    @Test
    void customerQueryInTraditionalCharactersFindsTheChargingArticleFirst() {
        assertThat(top("車充不進電", 5)).first().isEqualTo("kb-chg-001");
    }

    @Test
    void colloquialWordsFindArticlesWrittenWithTheProperTerm() {
        assertThat(top("跳枪", 3)).first().isEqualTo("kb-chg-002");
        assertThat(top("电瓶没电趴窝了", 3)).first().isEqualTo("kb-lv-001");
        assertThat(top("乌龟灯亮了", 3)).first().isEqualTo("kb-mot-003");
    }

    @Test
    void faultCodesMatchWhateverTheCase() {
        assertThat(top("u0100", 3)).first().isEqualTo("kb-dtc-001");
        assertThat(top("Ｂ１Ａ００", 3)).first().isEqualTo("kb-dtc-002");
    }

    @Test
    void highlightMarksTheMatchedWordsInTheBody() {
        SearchHit hit = kb.search(SearchRequest.of("P0AA6 绝缘 排查", 1)).hits().get(0);
        assertThat(hit.highlight()).contains("<em>P0AA6</em>").contains("<em>绝缘</em>");
        assertThat(hit.title()).isEqualTo("P0AA6 高压系统绝缘故障排查流程");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void querySyntaxCharactersAreJustText() {
        for (String q : List.of("*", "title:电池", "(充电 OR 电池)", "\"充电", "电池 AND", "a:b:c", "\\", "[1 TO 5]", "+-!?")) {
            SearchResult r = kb.search(SearchRequest.of(q, 5));
            assertThat(r.total()).isGreaterThanOrEqualTo(0);
        }
        assertThat(kb.search(SearchRequest.of("*", 5)).total()).isZero();
        assertThat(top("(充电枪 OR", 3)).first().isEqualTo("kb-chg-005");
    }

    @Test
    void emptyAndOverlongQueriesAreRefused() {
        assertThatThrownBy(() -> kb.search(SearchRequest.of("  ", 5))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> kb.search(SearchRequest.of("电".repeat(KnowledgeBase.MAX_QUERY_CHARS + 1), 5)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("at most");
    }

    @Test
    void onlyPublishedArticlesAreFoundByDefault() {
        kb.save(new Article("draft-1", "P0AA6 绝缘故障草稿", "P0AA6 绝缘 排查 草稿", "high-voltage", List.of(), List.of(),
                ArticleStatus.DRAFT, 1, Instant.EPOCH));
        kb.save(kb.find("kb-chg-002").orElseThrow().moveTo(ArticleStatus.RETIRED, Instant.EPOCH));
        assertThat(top("P0AA6 绝缘 排查", 10)).doesNotContain("draft-1");
        assertThat(top("跳枪", 10)).doesNotContain("kb-chg-002");
        assertThat(kb.search(new SearchRequest("P0AA6 绝缘", 10, null, null, ArticleStatus.DRAFT)).ids())
                .containsExactly("draft-1");
    }

    @Test
    void filtersByCategory() {
        List<String> ids = kb.search(SearchRequest.of("故障", 20).inCategory("dtc")).ids();
        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("kb-dtc-"));
    }

    @Test
    void filtersByVehicleModelKeepingArticlesForAllModels() {
        kb.save(new Article("s7-only", "HY-S7 绝缘检测专用说明", "绝缘检测", "high-voltage", List.of(), List.of("HY-S7"),
                ArticleStatus.PUBLISHED, 1, Instant.EPOCH));
        assertThat(kb.search(SearchRequest.of("绝缘检测", 20).forModel("HY-S7")).ids()).contains("s7-only", "kb-hv-003");
        assertThat(kb.search(SearchRequest.of("绝缘检测", 20).forModel("HY-E5")).ids())
                .doesNotContain("s7-only").contains("kb-hv-003");
    }

    @Test
    void savingAnExistingIdReplacesTheArticle() {
        long before = kb.count();
        Article old = kb.find("kb-chg-005").orElseThrow();
        kb.save(old.revise(Article.of(old.id(), "充电枪锁止无法拔出", "电子锁卡滞时使用应急拉索。", "charging",
                List.of(), ArticleStatus.PUBLISHED), Instant.EPOCH));
        assertThat(kb.count()).isEqualTo(before);
        assertThat(kb.find("kb-chg-005").orElseThrow().version()).isEqualTo(2);
        assertThat(kb.search(SearchRequest.of("应急拉索", 3)).hits().get(0).title()).isEqualTo("充电枪锁止无法拔出");
    }

    @Test
    void deletedArticlesAreGone() {
        assertThat(kb.delete("kb-dtc-001")).isTrue();
        assertThat(kb.delete("kb-dtc-001")).isFalse();
        assertThat(kb.find("kb-dtc-001")).isEmpty();
        assertThat(top("U0100", 10)).doesNotContain("kb-dtc-001");
    }

    @Test
    void listsArticlesByStatusInIdOrder() {
        kb.save(Article.of("a-draft", "草稿", "正文", "battery", List.of(), ArticleStatus.DRAFT));
        assertThat(kb.list(ArticleStatus.DRAFT)).extracting(Article::id).containsExactly("a-draft");
        List<String> published = kb.list(ArticleStatus.PUBLISHED).stream().map(Article::id).toList();
        assertThat(published).hasSize(ArticleImport.samples().size()).isSorted();
    }

    @Test
    void suggestsArticlesForALongTicketText() {
        String ticket = "你好，我的车昨天晚上在小区充电桩充电，插上枪以后一直充不进电，仪表也没有显示充电，换了随车充也不行，"
                .repeat(8);
        List<Suggestion> suggestions = kb.suggest(ticket, 3);
        assertThat(suggestions).hasSize(3);
        assertThat(suggestions.get(0).id()).startsWith("kb-chg-");
        assertThat(kb.suggest("", 3)).isEmpty();
    }

    @Test
    void suggestionsShowAnArticlesTitleAsEditedLast() {
        Suggestion first = kb.suggest("充电桩充不进电", 1).get(0);
        Article stored = kb.list(ArticleStatus.PUBLISHED).stream().filter(a -> a.id().equals(first.id())).findFirst().orElseThrow();
        kb.save(new Article(stored.id(), stored.title() + "（已更新）", stored.body(), stored.category(), stored.tags(),
                stored.vehicleModels(), stored.status(), stored.version() + 1, stored.updatedAt()));

        assertThat(kb.suggest("充电桩充不进电", 1).get(0).title()).isEqualTo(stored.title() + "（已更新）");
    }

    @Test
    void reindexAppliesAnEditedDictionaryToStoredArticles() {
        assertThat(top("小绿灯", 10)).doesNotContain("kb-lv-001");
        analysis.useSynonyms(SynonymDictionary.parse("READY状态,小绿灯\n"));
        kb.reindex();
        assertThat(top("小绿灯", 10)).contains("kb-lv-001");
    }

    @Test
    void ranksLikeTheEmbeddedReference() {
        try (KnowledgeBase reference = LuceneKnowledgeBase.inMemory(analysis)) {
            reference.saveAll(ArticleImport.samples());
            for (String q : RANKING_PROBES) {
                assertThat(top(q, 10)).as(q).isEqualTo(reference.search(SearchRequest.of(q, 10)).ids());
                assertThat(kb.search(SearchRequest.of(q, 10)).total()).as(q)
                        .isEqualTo(reference.search(SearchRequest.of(q, 10)).total());
            }
        }
    }
}
