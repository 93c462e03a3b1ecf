package org.huiying.kb.elasticsearch;


import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.KnowledgeBaseContract;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on a real Elasticsearch 8.19 node ({@link ElasticsearchNode}). Skipped with a
 * message where the node cannot start, except on CI (env {@code CI}), where that fails the build.
 */
class ElasticsearchKnowledgeBaseTest extends KnowledgeBaseContract {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static ElasticsearchTransport transport;
    private ElasticsearchKnowledgeBase current;

    @BeforeAll
    static void node() {
        transport = ElasticsearchKnowledgeBase.transport(List.of(ElasticsearchNode.urlOrSkip()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (transport != null) {
            transport.close();
        }
    }

    @Override
    protected KnowledgeBase newKnowledgeBase(ChineseAnalysis analysis) {
        current = new ElasticsearchKnowledgeBase(new ElasticsearchClient(transport),
                "kb-contract-" + INDEXES.incrementAndGet(), analysis);
        return current;
    }

    @AfterEach
    void dropIndex() {
        current.dropIndex();
    }
}
