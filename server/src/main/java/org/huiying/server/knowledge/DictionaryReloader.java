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
 * Applies edits of the synonym dictionary ({@link SynonymText}, edited in the knowledge-base page) without
 * a restart: checks for a new version every {@code huiying.kb.dictionary-check-every} (how an edit made on
 * another node arrives), or at once after an edit here or {@code POST /api/kb/synonyms/reload}, then
 * re-analyses the stored articles so documents and queries agree again.
 */
@Component
class DictionaryReloader implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DictionaryReloader.class);

    private final SynonymText synonyms;
    private final ChineseAnalysis analysis;
    /** What the analysis uses now: the file's at start, then each version applied. */
    private volatile java.util.List<java.util.List<String>> applied;
    private final KnowledgeBase kb;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-dictionary");
        t.setDaemon(true);
        return t;
    });

    DictionaryReloader(DictionaryFile file, SynonymText synonyms, ChineseAnalysis analysis, KnowledgeBase kb, KnowledgeProperties props) {
        this.synonyms = synonyms;
        this.applied = file.read().groups();
        this.analysis = analysis;
        this.kb = kb;
        long every = props.dictionaryCheckEvery().toMillis();
        timer.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /** Applies the dictionary in force and re-analyses every article; returns what was loaded. */
    synchronized SynonymDictionary reload() {
        SynonymDictionary dictionary = synonyms.dictionary();
        analysis.useSynonyms(dictionary);
        kb.reindex();
        applied = dictionary.groups();
        log.info("Synonym dictionary loaded: {} groups, {} entries; articles re-analysed",
                dictionary.groups().size(), dictionary.entryCount());
        return dictionary;
    }

    private void reloadIfChanged() {
        try {
            if (!synonyms.dictionary().groups().equals(applied)) {
                reload();
            }
        } catch (RuntimeException e) {
            log.warn("Synonym dictionary not reloaded: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
