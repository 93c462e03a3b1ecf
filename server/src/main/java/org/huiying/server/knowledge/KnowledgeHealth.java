package org.huiying.server.knowledge;

import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SemanticStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code knowledgeBase} in {@code /actuator/health}: how knowledge search works right now.
 * {@code UP} searches by words and meaning; {@code LEXICAL_ONLY} (no embedding model: its reason
 * in the details) and {@code REEMBEDDING} (vectors of another model being recomputed) still answer
 * every search, by words, so they do not pull the node's overall status down.
 */
@Component("knowledgeBaseHealthIndicator") // shown as knowledgeBase
class KnowledgeHealth implements HealthIndicator {

    static final Status LEXICAL_ONLY = new Status("LEXICAL_ONLY", "search by words only");
    static final Status REEMBEDDING = new Status("REEMBEDDING", "search by words until the articles are re-embedded");

    private final KnowledgeBase kb;

    KnowledgeHealth(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public Health health() {
        SemanticStatus s = kb.semanticStatus();
        Health.Builder health = switch (s.mode()) {
            case HYBRID -> Health.up();
            case LEXICAL -> Health.status(LEXICAL_ONLY);
            case REEMBEDDING -> Health.status(REEMBEDDING).withDetail("progress", s.progress()).withDetail("total", s.total());
        };
        health.withDetail("search", s.semantic() ? "words and meaning" : "words only");
        if (s.model() != null) {
            health.withDetail("model", s.model());
        }
        if (s.reason() != null) {
            health.withDetail("reason", s.reason());
        }
        return health.build();
    }
}
