package org.huiying.server.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.huiying.routing.classification.Classification;
import org.huiying.routing.classification.ClassifierRules;
import org.huiying.routing.classification.PhraseClassifier;
import org.huiying.server.system.HuiyingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shipped classification rules plus the admin's own in {@code <data dir>/classifier-rules.txt},
 * re-read when that file changes, without a restart. A broken file is reported in the log and the
 * last good rules stay in force.
 */
@Component
class Classifier {

    private static final Logger log = LoggerFactory.getLogger(Classifier.class);

    private final Path file;
    private volatile PhraseClassifier current = new PhraseClassifier(ClassifierRules.defaults());
    private volatile FileTime loaded;

    Classifier(HuiyingProperties properties) {
        this.file = properties.dataDir().resolve("classifier-rules.txt");
    }

    Classification classify(String text) {
        reloadIfChanged();
        return current.classify(text);
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null ? loaded == null : modified.equals(loaded)) {
                return;
            }
            synchronized (this) {
                ClassifierRules rules = ClassifierRules.defaults();
                if (modified != null) {
                    try (InputStream in = Files.newInputStream(file)) {
                        rules = rules.copy().add(in, file.getFileName().toString());
                    }
                    log.info("Classification rules reloaded from {}", file);
                }
                current = new PhraseClassifier(rules);
                loaded = modified;
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring {}: {}; the previous rules stay in force", file, e.getMessage());
        }
    }
}
