package org.huiying.kb.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.huiying.kb.search.ArticleFields;

/**
 * The index as Elasticsearch must hold it for rankings to match Lucene's: one shard, analysed
 * fields split on whitespace only (the terms were made in-process), keywords for filters and
 * sorting, the article JSON stored but not indexed.
 */
final class IndexLayout {

    private IndexLayout() {
    }

    static void ensureIndex(ElasticsearchClient client, String index) {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(m -> {
                        m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict);
                        for (String keyword : new String[] {ArticleFields.ID, ArticleFields.STATUS,
                                ArticleFields.CATEGORY, ArticleFields.MODEL}) {
                            m.properties(keyword, p -> p.keyword(k -> k));
                        }
                        for (String analysed : ArticleFields.ANALYSED) {
                            m.properties(analysed, p -> p.text(t -> t.analyzer("whitespace")));
                        }
                        m.properties(ArticleFields.SOURCE, p -> p.keyword(k -> k.index(false).docValues(false)));
                        return m;
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable: " + e.getMessage(), e);
        }
    }
}
