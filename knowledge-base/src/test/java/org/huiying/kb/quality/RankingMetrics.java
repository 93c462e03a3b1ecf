package org.huiying.kb.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** nDCG@10 (graded gains 2^g − 1), MRR of the answer (grade 3) and the share of answers ranked first. */
public record RankingMetrics(double ndcg10, double mrr, double firstIsAnswer, List<String> misses) {

    public static RankingMetrics of(LabelledQueries set, Function<String, List<String>> search) {
        double ndcg = 0;
        double mrr = 0;
        int first = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledQueries.Query q : set.queries()) {
            List<String> ranked = search.apply(q.text());
            ndcg += ndcg(ranked, q.grades());
            int rank = ranked.indexOf(q.answer());
            mrr += rank < 0 ? 0 : 1.0 / (rank + 1);
            if (rank == 0) {
                first++;
            } else {
                misses.add(q.text() + " → " + (ranked.isEmpty() ? "nothing" : ranked.get(0)) + " (answer at " + (rank + 1) + ")");
            }
        }
        int n = set.queries().size();
        return new RankingMetrics(ndcg / n, mrr / n, (double) first / n, misses);
    }

    private static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
