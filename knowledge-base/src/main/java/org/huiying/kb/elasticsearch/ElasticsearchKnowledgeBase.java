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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.huiying.kb.search.AnalysedArticle;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.search.SearchPlan;
import org.huiying.kb.search.Snippets;

/**
 * The scale-out backend: one index on a stock Elasticsearch 8.19 (no plugins). Text is analysed
 * in-process by the same {@link ChineseAnalysis} as the embedded backend and sent as
 * space-separated terms to fields with the built-in {@code whitespace} analyzer; queries are the
 * same {@link SearchPlan}, translated clause by clause. One primary shard, so term statistics are
 * those of the whole index, as in Lucene. Writes refresh before returning (read-your-writes).
 */
public final class ElasticsearchKnowledgeBase implements KnowledgeBase {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final String index;
    private final ChineseAnalysis analysis;
    private final Snippets snippets;
    private final AutoCloseable owned;

    public ElasticsearchKnowledgeBase(ElasticsearchClient client, String index, ChineseAnalysis analysis) {
        this(client, index, analysis, null);
    }

    private ElasticsearchKnowledgeBase(ElasticsearchClient client, String index, ChineseAnalysis analysis,
            AutoCloseable owned) {
        this.client = client;
        this.index = index;
        this.analysis = analysis;
        this.snippets = new Snippets(analysis);
        this.owned = owned;
        IndexLayout.ensureIndex(client, index);
    }

    /** Connects to {@code uris} (e.g. {@code http://127.0.0.1:9200}) and owns the connection. */
    public static ElasticsearchKnowledgeBase connect(List<String> uris, String index, ChineseAnalysis analysis) {
        ElasticsearchTransport transport = transport(uris);
        return new ElasticsearchKnowledgeBase(new ElasticsearchClient(transport), index, analysis, transport);
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
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.True);
        for (AnalysedArticle analysed : AnalysedArticle.all(articles, analysis)) {
            Map<String, Object> doc = document(analysed);
            bulk.operations(op -> op.index(i -> i.id(analysed.article().id()).document(doc)));
        }
        BulkResponse response = call(() -> client.bulk(bulk.build()));
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse("unknown");
            throw new IllegalStateException("Elasticsearch refused articles: " + reason);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Optional<Article> find(String id) {
        GetResponse<Map> response = call(() -> client.get(g -> g.index(index).id(id), Map.class));
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
    @SuppressWarnings("rawtypes")
    public SearchResult search(SearchRequest request) {
        SearchPlan plan = SearchPlan.of(request, analysis);
        if (plan.isEmpty()) {
            return SearchResult.EMPTY;
        }
        Query query = ElasticsearchQueries.toQuery(plan, request);
        // Ranked by score alone (lets Elasticsearch skip hopeless documents); ties are then broken by
        // id over a few extra candidates, exactly as the Lucene backend does.
        SearchResponse<Map> response = call(() -> client.search(s -> s.index(index)
                .size(request.size() + SearchResult.TIE_MARGIN).query(query)
                .trackTotalHits(t -> t.count(SearchResult.TOTAL_LIMIT)), Map.class));
        Map<String, Article> byId = new LinkedHashMap<>();
        List<SearchHit> candidates = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Article a = article(hit.source());
            byId.put(a.id(), a);
            candidates.add(new SearchHit(a.id(), a.title(), hit.score() == null ? 0 : hit.score(), null));
        }
        List<SearchHit> hits = new ArrayList<>();
        for (SearchHit best : SearchResult.best(candidates, request.size())) {
            Article a = byId.get(best.id());
            hits.add(new SearchHit(a.id(), a.title(), best.score(), snippets.highlight(a.body(), plan)));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(Math.min(total, SearchResult.TOTAL_LIMIT), hits);
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

    private static Map<String, Object> document(AnalysedArticle analysed) {
        Article a = analysed.article();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(ArticleFields.ID, a.id());
        doc.put(ArticleFields.STATUS, a.status().name());
        doc.put(ArticleFields.CATEGORY, a.category());
        doc.put(ArticleFields.MODEL, analysed.models());
        doc.putAll(analysed.analysedFields());
        doc.put(ArticleFields.SOURCE, ArticleJson.write(a));
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
