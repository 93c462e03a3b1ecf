package org.huiying.server.ticket;

import org.huiying.routing.classification.Classification;
import org.huiying.routing.classification.ClassifierRules;
import org.huiying.routing.classification.PhraseClassifier;
import org.huiying.server.runtime.EditableFile;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.stereotype.Component;

/** The shipped classification rules plus the admin's own in {@code <data dir>/classifier-rules.txt}. */
@Component
public class Classifier {

    private final EditableFile<PhraseClassifier> classifier;

    Classifier(HuiyingProperties properties) {
        this.classifier = new EditableFile<>(properties.dataDir().resolve("classifier-rules.txt"),
                () -> new PhraseClassifier(ClassifierRules.defaults()),
                (defaults, in) -> new PhraseClassifier(ClassifierRules.defaults().copy().add(in, "classifier-rules.txt")));
    }

    public Classification classify(String text) {
        return classifier.get().classify(text);
    }
}
