package org.huiying.server.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleStatus;
import org.huiying.kb.KnowledgeBase;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Article writes: every change becomes the next version, goes to the index and to the history,
 * and moves through the lifecycle DRAFT → PUBLISHED → RETIRED only.
 */
@Service
class Articles {

    static final int BATCH = 500;

    private final KnowledgeBase kb;
    private final ArticleHistory history;
    private final Clock clock;

    Articles(KnowledgeBase kb, ArticleHistory history, Clock clock) {
        this.kb = kb;
        this.history = history;
        this.clock = clock;
    }

    /** Imported articles: new ids start at version 1, known ids get the next version (replaced). */
    synchronized int importAll(List<Article> incoming) {
        for (int from = 0; from < incoming.size(); from += BATCH) {
            List<Article> batch = dedupeById(incoming.subList(from, Math.min(incoming.size(), from + BATCH)));
            Instant now = clock.instant();
            List<Article> versions = new ArrayList<>();
            for (Article a : batch) {
                versions.add(a.withVersion(history.lastVersion(a.id()) + 1, now));
            }
            save(versions);
        }
        return incoming.size();
    }

    synchronized Article create(Article draft) {
        if (kb.find(draft.id()).isPresent()) {
            throw ApiException.conflict("article_exists", "An article with id " + draft.id() + " exists; use PUT to change it.");
        }
        Article first = draft.withVersion(history.lastVersion(draft.id()) + 1, clock.instant());
        save(List.of(first));
        return first;
    }

    synchronized Article update(String id, Article content) {
        Article next = current(id).revise(content, clock.instant());
        save(List.of(next));
        return next;
    }

    synchronized Article move(String id, ArticleStatus status) {
        try {
            Article next = current(id).moveTo(status, clock.instant());
            save(List.of(next));
            return next;
        } catch (IllegalStateException e) {
            throw ApiException.conflict("invalid_transition", e.getMessage());
        }
    }

    synchronized void delete(String id) {
        if (!kb.delete(id)) {
            throw ApiException.notFound("article " + id);
        }
    }

    /** Deletes the article, if any, and its saved versions. */
    synchronized void erase(String id) {
        kb.delete(id);
        history.forget(id);
    }

    Optional<Article> find(String id) {
        return kb.find(id);
    }

    List<Article> versions(String id) {
        List<Article> versions = history.versions(id);
        if (versions.isEmpty()) {
            throw ApiException.notFound("article " + id);
        }
        return versions;
    }

    private Article current(String id) {
        return kb.find(id).orElseThrow(() -> ApiException.notFound("article " + id));
    }

    private void save(Collection<Article> versions) {
        history.record(versions);
        kb.saveAll(versions);
    }

    /** Within one file, the last line for an id wins, as if the lines were imported one by one. */
    private static List<Article> dedupeById(List<Article> batch) {
        Map<String, Article> last = new HashMap<>();
        batch.forEach(a -> last.put(a.id(), a));
        return batch.stream().filter(a -> last.get(a.id()) == a).toList();
    }
}
