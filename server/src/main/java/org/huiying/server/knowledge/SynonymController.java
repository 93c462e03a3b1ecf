package org.huiying.server.knowledge;

import java.time.Instant;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.server.runtime.EditableRule;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The synonym dictionary read and edited by those who keep the knowledge base; an edit re-analyses the articles. */
@RestController
class SynonymController {

    static final int MAX_TEXT = 200_000;

    private final SynonymText synonyms;
    private final DictionaryReloader reloader;

    SynonymController(SynonymText synonyms, DictionaryReloader reloader) {
        this.synonyms = synonyms;
        this.reloader = reloader;
    }

    record DictionaryView(String text, int groups, int entries, Long updatedBy, Instant updatedAt) {
    }

    record TextBody(String text) {
    }

    @GetMapping("/api/kb/synonyms")
    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    DictionaryView dictionary() {
        EditableRule.Text text = synonyms.text();
        SynonymDictionary d = synonyms.dictionary();
        return new DictionaryView(text.body(), d.groups().size(), d.entryCount(), text.updatedBy(), text.updatedAt());
    }

    /** One group per line, canonical form first: {@code 充电桩, 充电站, 充电柱}. Applied here at once, elsewhere within a minute. */
    @PutMapping("/api/kb/synonyms")
    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    DictionaryView replace(@RequestBody(required = false) TextBody body, Authentication auth) {
        String text = body == null || body.text() == null ? "" : body.text();
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw ApiException.badRequest("invalid_dictionary", "text: 1 to " + MAX_TEXT + " characters, one synonym group per line");
        }
        synonyms.replace(text, CurrentStaff.of(auth).id());
        reloader.reload();
        return dictionary();
    }
}
