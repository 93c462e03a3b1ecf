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
import org.huiying.kb.bench.SyntheticArticles;
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

        try (RunningServer server = new RunningServer(dataDir, serverArgs.toArray(String[]::new)).start()) {
            String base = "http://127.0.0.1:" + server.httpPort();
            String admin = server.api().adminToken();
            long start = System.nanoTime();
            for (int from = 0; from < corpus.size(); from += 1000) {
                String body = SyntheticArticles.ndjson(corpus.subList(from, Math.min(corpus.size(), from + 1000)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kb/import"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("API import: %d articles in %.1f s = %.0f articles/s%n", count, seconds, count / seconds);

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
