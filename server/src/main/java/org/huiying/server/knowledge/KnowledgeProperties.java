package org.huiying.server.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.kb.*}: which backend holds the index ({@code lucene}, the default, under the data
 * dir; or {@code elasticsearch} at {@code spring.elasticsearch.uris}), the Elasticsearch index name,
 * whether the sample articles are loaded on the first embedded start, how often the synonym
 * file in the data dir is checked for edits, and whether search uses the embedding model as well as
 * words ({@code semantic}, on by default; off, or a model that cannot load, leaves search lexical).
 */
@ConfigurationProperties("huiying.kb")
record KnowledgeProperties(Backend backend, Boolean loadSamples, String index, Duration dictionaryCheckEvery,
        Boolean semantic) {

    public enum Backend { LUCENE, ELASTICSEARCH }

    public KnowledgeProperties {
        backend = backend == null ? Backend.LUCENE : backend;
        loadSamples = loadSamples == null ? Boolean.TRUE : loadSamples;
        index = index == null || index.isBlank() ? "huiying-kb" : index;
        dictionaryCheckEvery = dictionaryCheckEvery == null ? Duration.ofSeconds(5) : dictionaryCheckEvery;
        semantic = semantic == null ? Boolean.TRUE : semantic;
    }
}
