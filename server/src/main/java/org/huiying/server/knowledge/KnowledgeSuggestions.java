package org.huiying.server.knowledge;

import java.util.List;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.Suggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Knowledge-base articles to show next to a ticket: the published articles that best match the
 * ticket's text, best first. Any text is accepted (long messages are cut to what a search takes;
 * empty text suggests nothing), and a failing backend yields no suggestions rather than a failed
 * ticket.
 */
@Component
public class KnowledgeSuggestions {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSuggestions.class);

    private final KnowledgeBase kb;

    KnowledgeSuggestions(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Up to {@code max} suggestions ({@code id}, {@code title}, {@code score}) for {@code text}. */
    public List<Suggestion> suggest(String text, int max) {
        try {
            return kb.suggest(text, max);
        } catch (RuntimeException e) {
            log.warn("No knowledge suggestions: {}", e.getMessage());
            return List.of();
        }
    }
}
