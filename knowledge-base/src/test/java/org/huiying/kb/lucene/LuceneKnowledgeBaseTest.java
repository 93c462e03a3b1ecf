package org.huiying.kb.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.KnowledgeBaseContract;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded Lucene backend, plus what only an on-disk index can show. */
class LuceneKnowledgeBaseTest extends KnowledgeBaseContract {

    @Override
    protected KnowledgeBase newKnowledgeBase(ChineseAnalysis analysis) {
        return LuceneKnowledgeBase.inMemory(analysis);
    }

    @Test
    void keepsArticlesAcrossReopeningTheIndexDirectory(@TempDir Path dir) {
        ChineseAnalysis chain = new ChineseAnalysis(SynonymDictionary.defaults());
        try (KnowledgeBase first = LuceneKnowledgeBase.open(dir, chain)) {
            first.saveAll(ArticleImport.samples());
        }
        try (KnowledgeBase reopened = LuceneKnowledgeBase.open(dir, chain)) {
            assertThat(reopened.count()).isEqualTo(ArticleImport.samples().size());
            assertThat(reopened.search(SearchRequest.of("P0AA6 绝缘 排查", 1)).ids()).containsExactly("kb-hv-001");
        }
    }
}
