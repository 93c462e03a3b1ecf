package org.huiying.server.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.KnowledgeBase;
import org.huiying.server.runtime.HuiyingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped sample articles on the first start of the embedded backend, so a new
 * installation can search at once. Once only (a marker in the data dir): articles an admin later
 * deletes stay deleted. Off with {@code huiying.kb.load-samples=false}; never into Elasticsearch,
 * whose index is shared and managed by its admins.
 */
@Component
class SampleArticles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleArticles.class);

    private final KnowledgeProperties props;
    private final Articles articles;
    private final KnowledgeBase kb;
    private final Path marker;

    SampleArticles(KnowledgeProperties props, Articles articles, KnowledgeBase kb, HuiyingProperties huiying) {
        this.props = props;
        this.articles = articles;
        this.kb = kb;
        this.marker = huiying.dataDir().resolve("kb").resolve("samples-loaded");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!props.loadSamples() || props.backend() != KnowledgeProperties.Backend.LUCENE || Files.exists(marker)) {
            return;
        }
        try {
            if (kb.count() == 0) {
                int n = articles.importAll(ArticleImport.samples());
                log.info("Loaded {} sample knowledge-base articles", n);
            }
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "sample articles loaded once; delete this file to load them again\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
