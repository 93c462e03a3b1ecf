package org.huiying.server.knowledge;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies edits of the synonym file without a restart: checks it every
 * {@code huiying.kb.dictionary-check-every}, or at once through {@code POST /api/kb/synonyms/reload},
 * then re-analyses the stored articles so documents and queries agree again.
 */
@Component
class DictionaryReloader implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DictionaryReloader.class);

    private final DictionaryFile file;
    private final ChineseAnalysis analysis;
    private final KnowledgeBase kb;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-dictionary");
        t.setDaemon(true);
        return t;
    });

    DictionaryReloader(DictionaryFile file, ChineseAnalysis analysis, KnowledgeBase kb, KnowledgeProperties props) {
        this.file = file;
        this.analysis = analysis;
        this.kb = kb;
        long every = props.dictionaryCheckEvery().toMillis();
        timer.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /** Reads the file and re-analyses every article; returns what was loaded. */
    synchronized SynonymDictionary reload() {
        SynonymDictionary dictionary = file.read();
        analysis.useSynonyms(dictionary);
        kb.reindex();
        log.info("Synonym dictionary {} loaded: {} groups, {} entries; articles re-analysed",
                file.path(), dictionary.groups().size(), dictionary.entryCount());
        return dictionary;
    }

    private void reloadIfChanged() {
        try {
            if (file.changed()) {
                reload();
            }
        } catch (RuntimeException e) {
            log.warn("Synonym dictionary {} not reloaded: {}", file.path(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
