package org.huiying.kb.lucene;

import java.nio.file.Path;
import org.huiying.kb.HybridKnowledgeBaseContract;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.semantic.SemanticModel;
import org.junit.jupiter.api.io.TempDir;

/** The hybrid contract on the embedded backend, each name an index directory on disk. */
class HybridLuceneKnowledgeBaseTest extends HybridKnowledgeBaseContract {

    @TempDir
    Path dir;

    @Override
    protected KnowledgeBase open(String name, ChineseAnalysis analysis, SemanticModel semantic) {
        try {
            return new LuceneKnowledgeBase(org.apache.lucene.store.FSDirectory.open(dir.resolve(name)), analysis,
                    semantic, Fusion.DEFAULT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
