package org.huiying.kb.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.junit.jupiter.api.Test;

/**
 * Search quality on the labelled query set (src/test/resources/org/huiying/kb/labelled-queries.tsv)
 * over the sample articles: our chain against stock Lucene analyzers. Prints the table recorded in
 * docs/benchmarks.md and fails if our numbers drop below what they reached when it was recorded.
 */
class SearchQualityTest {

    // The level reached when docs/benchmarks.md was written, minus a hair for float noise.
    static final double MIN_NDCG10 = 0.935;
    static final double MIN_MRR = 0.930;

    private final LabelledQueries set = LabelledQueries.load();
    private final List<Article> articles = ArticleImport.samples();

    @Test
    void ourChainReachesTheRecordedQualityAndBeatsEveryStockAnalyzer() throws Exception {
        Map<String, RankingMetrics> table = new LinkedHashMap<>();
        table.put("Lucene StandardAnalyzer (CJK unigrams)", baseline(new StandardAnalyzer()));
        table.put("Lucene CJKAnalyzer (bigrams)", baseline(new CJKAnalyzer()));
        table.put("Lucene SmartChineseAnalyzer (words)", baseline(new SmartChineseAnalyzer()));
        table.put("Huiying chain without the synonym dictionary", ours(SynonymDictionary.empty()));
        RankingMetrics ours = ours(SynonymDictionary.defaults());
        table.put("Huiying chain (normalise + SmartCN + codes + synonyms + bigrams + phrase)", ours);

        System.out.printf("%d queries, %d articles%n", set.queries().size(), articles.size());
        System.out.println("| analysis | nDCG@10 | MRR | answer first |");
        System.out.println("|---|---|---|---|");
        table.forEach((name, m) -> System.out.printf("| %s | %.3f | %.3f | %.1f %% |%n", name, m.ndcg10(), m.mrr(), 100 * m.firstIsAnswer()));
        System.out.println("Misses of our chain:");
        ours.misses().forEach(m -> System.out.println("  " + m));

        assertThat(ours.ndcg10()).isGreaterThanOrEqualTo(MIN_NDCG10);
        assertThat(ours.mrr()).isGreaterThanOrEqualTo(MIN_MRR);
        for (RankingMetrics other : table.values()) {
            assertThat(ours.ndcg10()).isGreaterThanOrEqualTo(other.ndcg10());
        }
    }

    @Test
    void theLabelledSetHasAtLeastAHundredQueries() {
        assertThat(set.queries()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(set.queries()).allSatisfy(q -> assertThat(articles).extracting(Article::id).containsAll(q.grades().keySet()));
    }

    private RankingMetrics baseline(Analyzer analyzer) throws Exception {
        try (analyzer; BaselineIndex index = new BaselineIndex(analyzer, articles)) {
            return RankingMetrics.of(set, index::search);
        }
    }

    private RankingMetrics ours(SynonymDictionary dictionary) {
        try (KnowledgeBase kb = LuceneKnowledgeBase.inMemory(new ChineseAnalysis(dictionary))) {
            kb.saveAll(articles);
            return RankingMetrics.of(set, q -> kb.search(SearchRequest.of(q, 10)).ids());
        }
    }
}
