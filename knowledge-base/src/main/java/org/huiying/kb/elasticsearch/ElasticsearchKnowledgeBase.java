package org.huiying.kb.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleJson;
import org.huiying.kb.ArticleStatus;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchHit;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.SearchResult;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.SemanticStatus;
import org.huiying.kb.search.AnalysedArticle;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.search.EmbeddedArticles;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.search.HybridSearch;
import org.huiying.kb.search.SearchPlan;
import org.huiying.kb.semantic.SemanticModel;

/**
 * The scale-out backend: one index on a stock Elasticsearch 8.19 (no plugins). Text is analysed
 * in-process by the same {@link ChineseAnalysis} as the embedded backend and sent as
 * space-separated terms to fields with the built-in {@code whitespace} analyzer; queries are the
 * same {@link SearchPlan}, translated clause by clause. One primary shard, so term statistics are
 * those of the whole index, as in Lucene. Writes refresh before returning (read-your-writes).
 *
 * <p>Vectors are computed here too, by the same model, and stored as nested {@code dense_vector}s
 * (one per passage); a kNN search on them scores each article by its best passage. Word and
 * meaning candidates are fetched by two searches and fused here, by the same
 * {@link HybridSearch} as the embedded backend.
 */
public final class ElasticsearchKnowledgeBase implements KnowledgeBase {

    private static final int PAGE = 1000;
    private static final int REEMBED_BATCH = 200;
    private static final List<String> SOURCE_ONLY = List.of(ArticleFields.SOURCE);

    private final ElasticsearchClient client;
    private final String index;
    private final ChineseAnalysis analysis;
    private final SemanticModel model;
    private final HybridSearch hybrid;
    private final AutoCloseable owned;
    private volatile String indexedWith;
    private final AtomicLong reembedded = new AtomicLong();
    private volatile long reembedTotal;

    public ElasticsearchKnowledgeBase(ElasticsearchClient client, String index, ChineseAnalysis analysis) {
        this(client, index, analysis, SemanticModel.none("no embedding model configured"), Fusion.DEFAULT, null);
    }

    public ElasticsearchKnowledgeBase(ElasticsearchClient client, String index, ChineseAnalysis analysis,
            SemanticModel model, Fusion fusion) {
        this(client, index, analysis, model, fusion, null);
    }

    private ElasticsearchKnowledgeBase(ElasticsearchClient client, String index, ChineseAnalysis analysis,
            SemanticModel model, Fusion fusion, AutoCloseable owned) {
        this.client = client;
        this.index = index;
        this.analysis = analysis;
        this.model = model;
        this.hybrid = new HybridSearch(analysis, fusion);
        this.owned = owned;
        int dims = model.embedder().map(e -> e.dimensions()).orElse(0);
        String stored = IndexLayout.ensureIndex(client, index, dims, model.signature());
        this.indexedWith = count() == 0 ? model.signature() : stored;
        if (!indexedWith.equals(stored)) {
            IndexLayout.recordSignature(client, index, indexedWith);
        }
    }

    /** Connects to {@code uris} (e.g. {@code http://127.0.0.1:9200}) and owns the connection; words only. */
    public static ElasticsearchKnowledgeBase connect(List<String> uris, String index, ChineseAnalysis analysis) {
        return connect(uris, index, analysis, SemanticModel.none("no embedding model configured"));
    }

    public static ElasticsearchKnowledgeBase connect(List<String> uris, String index, ChineseAnalysis analysis,
            SemanticModel model) {
        ElasticsearchTransport transport = transport(uris);
        return new ElasticsearchKnowledgeBase(new ElasticsearchClient(transport), index, analysis, model,
                Fusion.DEFAULT, transport);
    }

    /** A client for {@code uris}; the caller closes its transport. */
    public static ElasticsearchTransport transport(List<String> uris) {
        RestClient rest = RestClient.builder(uris.stream().map(HttpHost::create).toArray(HttpHost[]::new)).build();
        return new RestClientTransport(rest, new Jackson3JsonpMapper());
    }

    @Override
    public void saveAll(Collection<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        EmbeddedArticles embedded = EmbeddedArticles.of(articles, analysis, model.embedder().orElse(null));
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.True);
        for (int i = 0; i < embedded.size(); i++) {
            AnalysedArticle analysed = embedded.analysed().get(i);
            Map<String, Object> doc = document(analysed, embedded.vectors().get(i));
            bulk.operations(op -> op.index(x -> x.id(analysed.article().id()).document(doc)));
        }
        BulkResponse response = call(() -> client.bulk(bulk.build()));
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse("unknown");
            throw new IllegalStateException("Elasticsearch refused articles: " + reason);
        }
        if (!model.available() && !SemanticModel.NO_VECTORS.equals(indexedWith)) {
            indexedWith = SemanticModel.NO_VECTORS; // these articles have no vectors
            IndexLayout.recordSignature(client, index, indexedWith);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Optional<Article> find(String id) {
        GetResponse<Map> response = call(() -> client.get(g -> g.index(index).id(id).sourceIncludes(SOURCE_ONLY), Map.class));
        return response.found() ? Optional.of(article(response.source())) : Optional.empty();
    }

    @Override
    public boolean delete(String id) {
        return call(() -> client.delete(d -> d.index(index).id(id).refresh(Refresh.True))).result() == Result.Deleted;
    }

    @Override
    public List<Article> list(ArticleStatus status) {
        return all(Query.of(q -> q.term(t -> t.field(ArticleFields.STATUS).value(status.name()))));
    }

    @Override
    public long count() {
        return call(() -> client.count(c -> c.index(index))).count();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return hybrid.search(request, new View(), vectorsUsable() ? model.embedder().get() : null, true);
    }

    @Override
    public SearchResult searchWithoutSnippets(SearchRequest request) {
        return hybrid.search(request, new View(), vectorsUsable() ? model.embedder().get() : null, false);
    }

    private boolean vectorsUsable() {
        return model.available() && model.signature().equals(indexedWith);
    }

    @Override
    public SemanticStatus semanticStatus() {
        if (!model.available()) {
            return SemanticStatus.lexical(model.reason());
        }
        String id = model.embedder().get().modelId();
        return vectorsUsable() ? SemanticStatus.hybrid(id) : SemanticStatus.reembedding(id, reembedded.get(), reembedTotal);
    }

    @Override
    public synchronized long reembedIfStale() {
        if (!model.available() || vectorsUsable()) {
            return 0;
        }
        List<Article> everything = all(Query.of(q -> q.matchAll(m -> m)));
        int dims = model.embedder().get().dimensions();
        if (IndexLayout.dimensions(client, index) != dims) {
            // a vector field's dimensions cannot change: the index is made anew from the articles read above
            dropIndex();
            IndexLayout.ensureIndex(client, index, dims, indexedWith);
        }
        reembedTotal = everything.size();
        reembedded.set(0);
        for (int from = 0; from < everything.size(); from += REEMBED_BATCH) {
            List<Article> batch = everything.subList(from, Math.min(everything.size(), from + REEMBED_BATCH));
            List<Article> current = batch.stream().map(a -> find(a.id()).orElse(a)).toList();
            saveAll(current);
            reembedded.addAndGet(batch.size());
        }
        indexedWith = model.signature();
        IndexLayout.recordSignature(client, index, indexedWith);
        return everything.size();
    }

    /** Answers a hybrid search's questions; articles read by either search are kept for the result. */
    private final class View implements HybridSearch.Index {

        private final Map<String, Article> seen = new HashMap<>();

        @Override
        @SuppressWarnings("rawtypes")
        public HybridSearch.Lexical lexical(SearchPlan plan, SearchRequest request, int n) {
            Query query = ElasticsearchQueries.toQuery(plan, request);
            // Ranked by score alone (lets Elasticsearch skip hopeless documents); ties are then broken by
            // id, exactly as the Lucene backend does.
            SearchResponse<Map> response = call(() -> client.search(s -> s.index(index).size(n).query(query)
                    .source(src -> src.filter(f -> f.includes(SOURCE_ONLY)))
                    .trackTotalHits(t -> t.count(SearchResult.TOTAL_LIMIT)), Map.class));
            List<Fusion.Ranked> ranked = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Article a = article(hit.source());
                seen.put(a.id(), a);
                ranked.add(new Fusion.Ranked(a.id(), hit.score() == null ? 0 : hit.score()));
            }
            ranked.sort(Comparator.comparingDouble(Fusion.Ranked::score).reversed().thenComparing(Fusion.Ranked::id));
            long total = response.hits().total() == null ? ranked.size() : response.hits().total().value();
            return new HybridSearch.Lexical(Math.min(total, SearchResult.TOTAL_LIMIT), ranked);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Fusion.Nearest> nearest(float[] query, SearchRequest request, int k) {
            List<Float> vector = new ArrayList<>(query.length);
            for (float x : query) {
                vector.add(x);
            }
            List<Query> filters = ElasticsearchQueries.filters(request);
            SearchResponse<Map> response = call(() -> client.search(s -> s.index(index).size(k)
                    .source(src -> src.filter(f -> f.includes(SOURCE_ONLY)))
                    .knn(knn -> knn.field(ArticleFields.PASSAGES + "." + ArticleFields.VECTOR).queryVector(vector)
                            .k(k).numCandidates(k * 3).filter(filters)
                            .innerHits(ih -> ih.size(1).source(src -> src.fetch(false)))), Map.class));
            List<Fusion.Nearest> out = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Article a = article(hit.source());
                seen.put(a.id(), a);
                int passage = 0;
                var inner = hit.innerHits().get(ArticleFields.PASSAGES);
                if (inner != null && !inner.hits().hits().isEmpty() && inner.hits().hits().get(0).nested() != null) {
                    passage = inner.hits().hits().get(0).nested().offset();
                }
                // dot_product scores (1 + cos) / 2
                double score = hit.score() == null ? 0 : hit.score();
                out.add(new Fusion.Nearest(a.id(), 2.0 * score - 1.0, passage));
            }
            return out;
        }

        @Override
        public Map<String, Article> articles(Collection<String> ids) {
            Map<String, Article> out = new HashMap<>();
            for (String id : ids) {
                Article a = seen.get(id);
                if (a == null) {
                    a = find(id).orElse(null);
                }
                if (a != null) {
                    out.put(id, a);
                }
            }
            return out;
        }
    }

    @Override
    public void reindex() {
        List<Article> everything = all(Query.of(q -> q.matchAll(m -> m)));
        for (int from = 0; from < everything.size(); from += PAGE) {
            saveAll(everything.subList(from, Math.min(everything.size(), from + PAGE)));
        }
    }

    /** Removes the whole index (tests and re-creation). */
    public void dropIndex() {
        call(() -> client.indices().delete(d -> d.index(index).ignoreUnavailable(true)));
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the Elasticsearch connection", e);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private List<Article> all(Query filter) {
        List<Article> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Map> page = call(() -> client.search(s -> {
                s.index(index).size(PAGE).query(q -> q.bool(b -> b.filter(filter)))
                        .source(src -> src.filter(f -> f.includes(SOURCE_ONLY)))
                        .sort(so -> so.field(f -> f.field(ArticleFields.ID).order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Map.class));
            List<Hit<Map>> hits = page.hits().hits();
            hits.forEach(h -> out.add(article(h.source())));
            if (hits.size() < PAGE) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static Map<String, Object> document(AnalysedArticle analysed, List<float[]> vectors) {
        Article a = analysed.article();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(ArticleFields.ID, a.id());
        doc.put(ArticleFields.STATUS, a.status().name());
        doc.put(ArticleFields.CATEGORY, a.category());
        doc.put(ArticleFields.MODEL, analysed.models());
        doc.putAll(analysed.analysedFields());
        doc.put(ArticleFields.SOURCE, ArticleJson.write(a));
        if (!vectors.isEmpty()) {
            List<Map<String, Object>> passages = new ArrayList<>();
            for (float[] v : vectors) {
                passages.add(Map.of(ArticleFields.VECTOR, v));
            }
            doc.put(ArticleFields.PASSAGES, passages);
        }
        return doc;
    }

    private static Article article(Map<?, ?> source) {
        return ArticleJson.read((String) source.get(ArticleFields.SOURCE));
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable: " + e.getMessage(), e);
        }
    }
}
