package org.huiying.kb.quality;

import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.search.Fusion;

/**
 * Chooses the fusion settings on the DEV half of the held-out set only (never the test half):
 * prints nDCG@10 and MRR for a grid of RRF k, weights and similarity floors. Run with
 * {@code java -cp … org.huiying.kb.quality.FusionTuning}.
 */
public final class FusionTuning {

    public static void main(String[] args) {
        List<Article> articles = HeldOutSet.articles();
        LabelledQueries dev = HeldOutSet.dev();
        System.out.printf("dev: %d queries, %d articles%n", dev.queries().size(), articles.size());
        RankingMetrics words = HeldOutSet.ours(articles, dev, null);
        System.out.printf("words only            nDCG@10 %.3f MRR %.3f%n", words.ndcg10(), words.mrr());
        RankingMetrics vectors = HeldOutSet.ours(articles, dev, HeldOutSet.vectorsOnly());
        System.out.printf("vectors only          nDCG@10 %.3f MRR %.3f%n", vectors.ndcg10(), vectors.mrr());
        for (int k : new int[] {20, 60}) {
            for (double[] w : new double[][] {{1, 1}, {1, 1.5}, {1, 2}}) {
                for (double min : new double[] {0, 0.45, 0.5, 0.55, 0.6}) {
                    Fusion f = Fusion.DEFAULT.withK(k).withWeights(w[0], w[1]).withMinSimilarity(min);
                    RankingMetrics m = HeldOutSet.ours(articles, dev, f);
                    System.out.printf("k %2d words %.1f vectors %.1f min %.2f  nDCG@10 %.3f MRR %.3f%n",
                            k, w[0], w[1], min, m.ndcg10(), m.mrr());
                }
            }
        }
    }
}
