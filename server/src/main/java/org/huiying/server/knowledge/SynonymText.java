package org.huiying.server.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.server.runtime.EditableRule;
import org.huiying.server.runtime.RuleTexts;
import org.springframework.stereotype.Component;

/**
 * The synonym dictionary as data: edited in the knowledge-base page, kept in the database, the same on
 * every node. Its first version is the data directory's copy ({@code <data dir>/kb/synonyms.txt}, the
 * shipped dictionary unless an admin edited it there before).
 */
@Component
class SynonymText {

    private final EditableRule<SynonymDictionary> rule;

    SynonymText(RuleTexts rules, DictionaryFile file) {
        this.rule = rules.rule("kb-synonyms", file::read, (shipped, in) -> {
            try {
                return SynonymDictionary.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, file.path());
    }

    SynonymDictionary dictionary() {
        return rule.get();
    }

    EditableRule.Text text() {
        return rule.text();
    }

    void replace(String text, long byStaffId) {
        rule.replace(text, byStaffId);
    }
}
