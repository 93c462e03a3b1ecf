package org.huiying.server.knowledge;

import org.huiying.kb.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * After a start with another embedding model than the index was built with (or the first start
 * with one at all), recomputes every article's vectors on a background thread: with 50,000
 * articles that takes a long while, and search answers by words meanwhile ({@code /actuator/health}
 * shows the progress under {@code knowledgeBase}).
 */
@Component
class Reembedding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Reembedding.class);

    private final KnowledgeBase kb;

    Reembedding(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (kb.semanticStatus().mode() != org.huiying.kb.SemanticStatus.Mode.REEMBEDDING) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                long n = kb.reembedIfStale();
                log.info("Re-embedded {} knowledge-base articles for {}", n, kb.semanticStatus().model());
            } catch (RuntimeException e) {
                log.warn("Re-embedding the knowledge base failed; search stays lexical until the next start: {}",
                        e.getMessage());
            }
        }, "kb-reembedding");
        worker.setDaemon(true);
        worker.start();
    }
}
