package org.huiying.kb.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorIndexOptionsType;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.semantic.SemanticModel;

/**
 * The index as Elasticsearch must hold it for rankings to match Lucene's: one shard, analysed
 * fields split on whitespace only (the terms were made in-process), keywords for filters and
 * sorting, the article JSON stored but not indexed, and the passages' vectors as nested
 * {@code dense_vector}s with plain HNSW (no quantisation, Lucene's defaults m 16 and
 * ef_construction 100), so the nearest passages are those the embedded backend finds. Vectors are
 * left out of {@code _source}: they are never read back. The mapping's {@code _meta} records which
 * model made them.
 */
final class IndexLayout {

    static final String SIGNATURE = "huiying_embedding";

    private IndexLayout() {
    }

    /** Creates the index if missing; returns the signature its vectors were made with. */
    static String ensureIndex(ElasticsearchClient client, String index, int dimensions, String signature) {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                        .mappings(m -> mapping(m, dimensions, signature)));
                return signature;
            }
            TypeMapping mapping = mapping(client, index);
            Property passages = mapping.properties().get(ArticleFields.PASSAGES);
            Integer storedDims = passages == null ? null
                    : passages.nested().properties().get(ArticleFields.VECTOR).denseVector().dims();
            if (dimensions > 0 && storedDims == null) {
                client.indices().putMapping(p -> p.index(index).properties(ArticleFields.PASSAGES,
                        passagesProperty(dimensions)));
            }
            JsonData stored = mapping.meta().get(SIGNATURE);
            return stored == null ? SemanticModel.NO_VECTORS : stored.to(String.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable: " + e.getMessage(), e);
        }
    }

    /** The vector dimensions the index was created for; 0 when it holds no vectors. */
    static int dimensions(ElasticsearchClient client, String index) {
        try {
            Property passages = mapping(client, index).properties().get(ArticleFields.PASSAGES);
            return passages == null ? 0 : passages.nested().properties().get(ArticleFields.VECTOR).denseVector().dims();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable: " + e.getMessage(), e);
        }
    }

    static void recordSignature(ElasticsearchClient client, String index, String signature) {
        try {
            client.indices().putMapping(p -> p.index(index).meta(Map.of(SIGNATURE, JsonData.of(signature))));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable: " + e.getMessage(), e);
        }
    }

    private static TypeMapping mapping(ElasticsearchClient client, String index) throws IOException {
        Map<String, IndexMappingRecord> all = client.indices().getMapping(g -> g.index(index)).result();
        return all.values().iterator().next().mappings();
    }

    private static TypeMapping.Builder mapping(TypeMapping.Builder m, int dimensions, String signature) {
        m.dynamic(DynamicMapping.Strict);
        m.meta(Map.of(SIGNATURE, JsonData.of(signature)));
        for (String keyword : new String[] {ArticleFields.ID, ArticleFields.STATUS,
                ArticleFields.CATEGORY, ArticleFields.MODEL}) {
            m.properties(keyword, p -> p.keyword(k -> k));
        }
        for (String analysed : ArticleFields.ANALYSED) {
            m.properties(analysed, p -> p.text(t -> t.analyzer("whitespace")));
        }
        m.properties(ArticleFields.SOURCE, p -> p.keyword(k -> k.index(false).docValues(false)));
        if (dimensions > 0) {
            m.properties(ArticleFields.PASSAGES, passagesProperty(dimensions));
        }
        m.source(s -> s.excludes(ArticleFields.PASSAGES));
        return m;
    }

    private static Property passagesProperty(int dimensions) {
        return Property.of(p -> p.nested(n -> n.properties(ArticleFields.VECTOR, v -> v.denseVector(d -> d
                .dims(dimensions).index(true).similarity(DenseVectorSimilarity.DotProduct)
                .indexOptions(o -> o.type(DenseVectorIndexOptionsType.Hnsw).m(16).efConstruction(100))))));
    }
}
