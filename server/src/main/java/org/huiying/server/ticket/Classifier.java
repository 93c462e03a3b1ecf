package org.huiying.server.ticket;

import org.huiying.routing.classification.Classification;
import org.huiying.routing.classification.ClassifierRules;
import org.huiying.routing.classification.PhraseClassifier;
import org.huiying.server.runtime.EditableRule;
import org.huiying.server.runtime.RuleTexts;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.stereotype.Component;

/**
 * The shipped classification rules plus the admin's own lines, edited in /admin/ and kept in the database
 * (formerly {@code <data dir>/classifier-rules.txt}, which becomes their first version).
 */
@Component
public class Classifier {

    static final String RULES = "classifier-rules";

    private final EditableRule<PhraseClassifier> classifier;

    Classifier(HuiyingProperties properties, RuleTexts rules) {
        this.classifier = rules.rule(RULES, () -> new PhraseClassifier(ClassifierRules.defaults()),
                (defaults, in) -> new PhraseClassifier(ClassifierRules.defaults().copy().add(in, "line")),
                properties.dataDir().resolve("classifier-rules.txt"));
    }

    public Classification classify(String text) {
        return classifier.get().classify(text);
    }

    EditableRule<PhraseClassifier> rules() {
        return classifier;
    }
}
