package org.huiying.kb.elasticsearch;


import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.kb.HybridKnowledgeBaseContract;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.semantic.SemanticModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The hybrid contract on a real Elasticsearch 8.19 node: vectors in nested dense_vector fields. */
class HybridElasticsearchKnowledgeBaseTest extends HybridKnowledgeBaseContract {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static ElasticsearchTransport transport;
    private final List<ElasticsearchKnowledgeBase> opened = new ArrayList<>();
    private final String prefix = "kb-hybrid-" + TESTS.incrementAndGet() + "-";

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
    protected KnowledgeBase open(String name, ChineseAnalysis analysis, SemanticModel semantic) {
        ElasticsearchKnowledgeBase kb = new ElasticsearchKnowledgeBase(new ElasticsearchClient(transport),
                prefix + name, analysis, semantic, Fusion.DEFAULT);
        opened.add(kb);
        return kb;
    }

    @AfterEach
    void dropIndexes() {
        opened.forEach(ElasticsearchKnowledgeBase::dropIndex);
    }
}
