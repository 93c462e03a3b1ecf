package org.huiying.kb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.elasticsearch.ElasticsearchKnowledgeBase;
import org.huiying.kb.elasticsearch.ElasticsearchNode;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.huiying.kb.quality.LabelledQueries;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.semantic.BgeSmallZhEmbedder;
import org.huiying.kb.semantic.SemanticModel;

/**
 * Benchmark program (not a test): indexes N synthetic articles into a backend, reports the import
 * rate, then runs the labelled queries round after round and reports search latency percentiles.
 *
 * <pre>java … org.huiying.kb.bench.KnowledgeBaseBenchmark lucene|elasticsearch [articles=50000] [rounds=20] [vectors=none|model|sentences]</pre>
 * For elasticsearch it starts the test node (as in the contract tests) unless HUIYING_TEST_ES_URL is set.
 * {@code vectors}: {@code none} searches by words only; {@code model} embeds every passage with the
 * model (the import rate with embeddings); {@code sentences} builds the vectors from the model's
 * vectors of the corpus's distinct sentences ({@link SentenceMeanEmbedder}: latency at 50,000
 * articles without hours of embedding). Queries are always embedded by the model.
 */
public final class KnowledgeBaseBenchmark {

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "lucene";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String vectors = args.length > 3 ? args[3] : "none";
        SemanticModel semantic = switch (vectors) {
            case "none" -> SemanticModel.none("benchmark without vectors");
            case "model" -> SemanticModel.of(BgeSmallZhEmbedder.load());
            case "sentences" -> SemanticModel.of(new SentenceMeanEmbedder(BgeSmallZhEmbedder.load()));
            default -> throw new IllegalArgumentException("vectors: none, model or sentences");
        };
        ChineseAnalysis analysis = new ChineseAnalysis(SynonymDictionary.defaults());
        List<Article> corpus = SyntheticArticles.generate(count, 42);
        List<String> queries = LabelledQueries.load().queries().stream().map(LabelledQueries.Query::text).toList();

        try (KnowledgeBase kb = open(backend, analysis, semantic)) {
            long start = System.nanoTime();
            for (int from = 0; from < corpus.size(); from += 1000) {
                kb.saveAll(corpus.subList(from, Math.min(corpus.size(), from + 1000)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s (vectors: %s, search %s): imported %d articles in %.1f s = %.1f articles/s%n", backend,
                    vectors, kb.semanticStatus().mode(), count, seconds, count / seconds);

            for (int i = 0; i < 3; i++) { // warm-up: JIT, caches
                queries.forEach(q -> kb.search(SearchRequest.of(q, 10)));
            }
            List<Long> nanos = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                for (String q : queries) {
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    kb.search(SearchRequest.of(q, 10));
                    nanos.add(System.nanoTime() - t);
                    cpu.add(threads.getCurrentThreadCpuTime() - c);
                }
            }
            report(backend + " search (in-process, size=10), wall clock", nanos);
            // CPU time of the searching thread: what a search costs, whatever else the machine runs
            // (for Elasticsearch only the client side, the node's work is in another process).
            report(backend + " search (in-process, size=10), thread CPU", cpu);
        }
    }

    public static void report(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d searches, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static KnowledgeBase open(String backend, ChineseAnalysis analysis, SemanticModel semantic) {
        if (backend.equals("elasticsearch")) {
            ElasticsearchNode node = ElasticsearchNode.shared();
            if (!node.available()) {
                throw new IllegalStateException(node.unavailableReason());
            }
            ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.connect(List.of(node.url()), "kb-bench", analysis);
            kb.dropIndex();
            kb.close();
            return ElasticsearchKnowledgeBase.connect(List.of(node.url()), "kb-bench", analysis, semantic);
        }
        if (!backend.equals("lucene")) {
            throw new IllegalArgumentException("backend: lucene or elasticsearch, not " + Arrays.toString(new String[] {backend}));
        }
        return LuceneKnowledgeBase.inMemory(analysis, semantic, Fusion.DEFAULT);
    }
}
