package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the word ranking and the meaning ranking become one: weighted reciprocal-rank fusion. An
 * article gets {@code lexicalWeight / (k + rank)} from the word ranking and
 * {@code vectorWeight / (k + rank)} from the meaning ranking (ranks from 1; absent adds nothing).
 * Ranks, not scores, so BM25 sums and cosine similarities need no calibration against each other.
 * Meaning candidates less similar than {@code minSimilarity} are dropped: every article has some
 * nearest neighbour, and a text about nothing in the base should not list the whole base.
 *
 * <p>The defaults were chosen on the dev half of the held-out set only (docs/benchmarks.md).
 */
public record Fusion(int k, double lexicalWeight, double vectorWeight, double minSimilarity, int candidates) {

    public static final Fusion DEFAULT = new Fusion(60, 1.0, 1.5, 0.5, 30);

    /** One article of a ranking, best first. */
    public record Ranked(String id, double score) {
    }

    /** An article found by meaning: its best passage's cosine similarity and that passage's ordinal. */
    public record Nearest(String id, double similarity, int passage) {
    }

    /** A fused candidate: where it came from is kept to pick the passage to show. */
    public record Fused(String id, double score, Nearest nearest) {
    }

    public List<Fused> fuse(List<Ranked> lexical, List<Nearest> nearest) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Nearest> byId = new HashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            score.merge(lexical.get(i).id(), lexicalWeight / (k + i + 1), Double::sum);
        }
        int rank = 0;
        for (Nearest n : nearest) {
            if (n.similarity() < minSimilarity) {
                continue;
            }
            rank++;
            score.merge(n.id(), vectorWeight / (k + rank), Double::sum);
            byId.putIfAbsent(n.id(), n);
        }
        List<Fused> out = new ArrayList<>();
        score.forEach((id, s) -> out.add(new Fused(id, s, byId.get(id))));
        out.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparing(Fused::id));
        return out;
    }

    /** Meaning candidates in a stable order: similarity, then id (the backends' ties agree). */
    public static List<Nearest> ordered(List<Nearest> nearest) {
        return nearest.stream().sorted(Comparator.comparingDouble(Nearest::similarity).reversed()
                .thenComparing(Nearest::id)).toList();
    }

    public Fusion withWeights(double lexical, double vector) {
        return new Fusion(k, lexical, vector, minSimilarity, candidates);
    }

    public Fusion withK(int newK) {
        return new Fusion(newK, lexicalWeight, vectorWeight, minSimilarity, candidates);
    }

    public Fusion withMinSimilarity(double min) {
        return new Fusion(k, lexicalWeight, vectorWeight, min, candidates);
    }
}
