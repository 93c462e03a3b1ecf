package org.huiying.kb.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.search.Fusion;
import org.junit.jupiter.api.Test;

/**
 * Search quality, measured honestly (issue 28). The ratchet runs on the TEST half of the held-out
 * set (src/test/resources/org/huiying/kb/heldout: articles and queries nobody tuned the analysis
 * chain on; the fusion settings were chosen on the DEV half only), against stock Lucene analyzers
 * measured in the same run. The original labelled set, which the chain and the synonym dictionary
 * were tuned on, is still printed, as a tuning set and nothing more. Prints the tables recorded in
 * docs/benchmarks.md and fails if hybrid search drops below what it reached when they were
 * recorded, or if any stock analyzer beats it.
 */
class SearchQualityTest {

    // The test-half level reached when docs/benchmarks.md was written, minus a hair for float noise.
    static final double MIN_TEST_NDCG10 = 0.920;
    static final double MIN_TEST_MRR = 0.905;

    @Test
    void hybridSearchReachesTheRecordedQualityOnTheHeldOutTestHalfAndBeatsEveryStockAnalyzer() {
        List<Article> articles = HeldOutSet.articles();
        Map<String, RankingMetrics> dev = table(articles, HeldOutSet.dev());
        Map<String, RankingMetrics> test = table(articles, HeldOutSet.test());
        print("held-out DEV half (fusion settings chosen here)", HeldOutSet.dev(), articles, dev);
        print("held-out TEST half (never tuned on)", HeldOutSet.test(), articles, test);
        RankingMetrics hybrid = test.get(HYBRID);
        System.out.println("Misses of hybrid search on the test half:");
        hybrid.misses().forEach(m -> System.out.println("  " + m));

        assertThat(hybrid.ndcg10()).isGreaterThanOrEqualTo(MIN_TEST_NDCG10);
        assertThat(hybrid.mrr()).isGreaterThanOrEqualTo(MIN_TEST_MRR);
        for (RankingMetrics other : test.values()) {
            assertThat(hybrid.ndcg10()).isGreaterThanOrEqualTo(other.ndcg10());
        }
    }

    @Test
    void theTuningSetIsReportedForComparison() {
        List<Article> samples = ArticleImport.samples();
        LabelledQueries tuning = LabelledQueries.load();
        print("tuning set (the chain and dictionary were written for it)", tuning, samples, table(samples, tuning));
    }

    @Test
    void theHeldOutSetHasTwoHundredQueriesOverAHundredAndFiftyArticles() {
        List<Article> articles = HeldOutSet.articles();
        assertThat(articles).hasSizeGreaterThanOrEqualTo(150);
        assertThat(HeldOutSet.dev().queries().size() + HeldOutSet.test().queries().size()).isGreaterThanOrEqualTo(200);
        for (LabelledQueries set : List.of(HeldOutSet.dev(), HeldOutSet.test(), LabelledQueries.load())) {
            List<String> ids = set == HeldOutSet.dev() || set.queries().get(0).answer().startsWith("ho-")
                    ? articles.stream().map(Article::id).toList()
                    : ArticleImport.samples().stream().map(Article::id).toList();
            assertThat(set.queries()).allSatisfy(q -> assertThat(ids).containsAll(q.grades().keySet()));
        }
        assertThat(HeldOutSet.dev().queries()).extracting(LabelledQueries.Query::text)
                .doesNotContainAnyElementsOf(HeldOutSet.test().queries().stream().map(LabelledQueries.Query::text).toList());
    }

    static final String HYBRID = "Huiying hybrid: chain + bge-small-zh v1.5 (int8), RRF";

    private static Map<String, RankingMetrics> table(List<Article> articles, LabelledQueries set) {
        Map<String, RankingMetrics> table = new LinkedHashMap<>();
        table.put("Lucene StandardAnalyzer (CJK unigrams)", HeldOutSet.baseline(new StandardAnalyzer(), articles, set));
        table.put("Lucene CJKAnalyzer (bigrams)", HeldOutSet.baseline(new CJKAnalyzer(), articles, set));
        table.put("Lucene SmartChineseAnalyzer (words)", HeldOutSet.baseline(new SmartChineseAnalyzer(), articles, set));
        table.put("Huiying chain, words only (frozen)", HeldOutSet.ours(articles, set, null));
        table.put("bge-small-zh v1.5 (int8) alone, best passage", HeldOutSet.ours(articles, set, HeldOutSet.vectorsOnly()));
        table.put(HYBRID, HeldOutSet.ours(articles, set, Fusion.DEFAULT));
        return table;
    }

    private static void print(String title, LabelledQueries set, List<Article> articles, Map<String, RankingMetrics> table) {
        System.out.printf("%n%s: %d queries, %d articles%n", title, set.queries().size(), articles.size());
        System.out.println("| search | nDCG@10 | MRR | answer first |");
        System.out.println("|---|---|---|---|");
        table.forEach((name, m) -> System.out.printf("| %s | %.3f | %.3f | %.1f %% |%n", name, m.ndcg10(), m.mrr(),
                100 * m.firstIsAnswer()));
    }
}
