package org.huiying.server.knowledge;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.bench.SentenceMeanEmbedder;
import org.huiying.kb.bench.SyntheticArticles;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.huiying.kb.semantic.BgeSmallZhEmbedder;
import org.huiying.kb.semantic.SemanticModel;
import org.huiying.kb.quality.LabelledQueries;
import org.huiying.server.support.RunningServer;

/**
 * Benchmark program (not a test): the real server on a fresh data dir, N synthetic articles
 * imported through {@code POST /api/kb/import} (1000 lines per request), then the labelled queries
 * through {@code GET /api/kb/search}, one client, round after round; prints import rate and search
 * latency percentiles as a client sees them.
 *
 * <pre>java … org.huiying.server.knowledge.KnowledgeApiBenchmark [articles=50000] [rounds=10] [server args…]</pre>
 * e.g. add {@code --huiying.kb.backend=elasticsearch --spring.elasticsearch.uris=http://127.0.0.1:9200}.
 *
 * <p>With {@code -Dbench.prebuilt=sentences} the embedded index is built before the server starts,
 * with vectors from {@link SentenceMeanEmbedder} (embedding 50,000 articles with the model takes
 * hours on 2 cores; the search cost depends on the size of the HNSW graph, not on the vectors'
 * values), and nothing is imported through the API: the server opens that index as its own (same
 * model id) and embeds every query with the real model.
 */
public final class KnowledgeApiBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> serverArgs = new ArrayList<>(List.of("--huiying.kb.load-samples=false", "--huiying.kb.index=kb-api-bench"));
        serverArgs.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        Path dataDir = Files.createTempDirectory("huiying-kb-bench-");
        List<Article> corpus = SyntheticArticles.generate(count, 42);
        List<String> queries = LabelledQueries.load().queries().stream().map(LabelledQueries.Query::text).toList();
        HttpClient http = HttpClient.newHttpClient();
        boolean prebuilt = "sentences".equals(System.getProperty("bench.prebuilt"));
        if (prebuilt) {
            long start = System.nanoTime();
            SemanticModel model = SemanticModel.of(new SentenceMeanEmbedder(BgeSmallZhEmbedder.load()));
            try (KnowledgeBase kb = LuceneKnowledgeBase.open(dataDir.resolve("kb").resolve("index"),
                    new ChineseAnalysis(SynonymDictionary.defaults()), model)) {
                for (int from = 0; from < corpus.size(); from += 1000) {
                    kb.saveAll(corpus.subList(from, Math.min(corpus.size(), from + 1000)));
                }
            }
            System.out.printf("prebuilt index (sentence-mean vectors): %d articles in %.1f s%n", count,
                    (System.nanoTime() - start) / 1e9);
        }

        try (RunningServer server = new RunningServer(dataDir, serverArgs.toArray(String[]::new)).start()) {
            String base = "http://127.0.0.1:" + server.httpPort();
            String admin = server.api().adminToken();
            long start = System.nanoTime();
            for (int from = 0; !prebuilt && from < corpus.size(); from += 1000) {
                String body = SyntheticArticles.ndjson(corpus.subList(from, Math.min(corpus.size(), from + 1000)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kb/import"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!prebuilt) {
                System.out.printf("API import: %d articles in %.1f s = %.1f articles/s%n", count, seconds, count / seconds);
            }
            System.out.println("knowledge search: " + server.api().get("/actuator/health", null).body()
                    .get("components").get("knowledgeBase").get("status").asString());

            List<Long> nanos = new ArrayList<>();
            for (int r = -3; r < rounds; r++) { // three warm-up rounds, not recorded
                for (String q : queries) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/kb/search?size=10&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("search failed: " + response.body());
                    }
                    if (r >= 0) {
                        nanos.add(took);
                    }
                }
            }
            org.huiying.kb.bench.KnowledgeBaseBenchmark.report("API search (GET /api/kb/search, size=10)", nanos);
        }
        System.exit(0); // the server leaves non-daemon scheduler threads behind; the run is over
    }
}
