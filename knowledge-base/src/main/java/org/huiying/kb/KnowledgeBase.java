package org.huiying.kb;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base: stores articles and finds the right one for colloquial Chinese. Every
 * implementation analyses text with the same {@link org.huiying.kb.analysis.ChineseAnalysis}
 * chain and runs the same {@link org.huiying.kb.search.SearchPlan}, so for the same articles and
 * the same question they return the same articles in the same order (the contract tests prove it).
 *
 * <p>Promises: a saved article is visible to the next call (read-your-writes); saving an id that
 * exists replaces it; search sees only PUBLISHED articles unless the request asks for another
 * status; search text is never interpreted as query syntax. Implementations are thread-safe.
 */
public interface KnowledgeBase extends AutoCloseable {

    /** Longest search text accepted; longer ones are refused rather than silently cut. */
    int MAX_QUERY_CHARS = 256;

    /** Stores (or replaces) articles, visible to search when this returns. */
    void saveAll(Collection<Article> articles);

    default void save(Article article) {
        saveAll(List.of(article));
    }

    Optional<Article> find(String id);

    /** Removes an article; false when there was none. */
    boolean delete(String id);

    /** Every article in {@code status}, by id. */
    List<Article> list(ArticleStatus status);

    long count();

    /**
     * Ranks articles for {@code request}. Throws {@link InvalidQueryException} for an empty or too
     * long text; a text with nothing searchable in it (only punctuation) finds nothing.
     */
    SearchResult search(SearchRequest request);

    /** As {@link #search}, where the hits' snippets will not be shown; a backend that can skip highlighting does. */
    default SearchResult searchWithoutSnippets(SearchRequest request) {
        return search(request);
    }

    /**
     * Up to {@code max} published articles for a ticket's text, best first. Long texts are fine:
     * only their first {@link #MAX_QUERY_CHARS} characters are used; empty text suggests nothing.
     */
    default List<Suggestion> suggest(String text, int max) {
        if (text == null || text.isBlank() || max <= 0) {
            return List.of();
        }
        String head = text.strip();
        head = head.length() > MAX_QUERY_CHARS ? head.substring(0, MAX_QUERY_CHARS) : head;
        return searchWithoutSnippets(SearchRequest.of(head, max)).hits().stream()
                .map(h -> new Suggestion(h.id(), h.title(), h.score(), h.passage())).toList();
    }

    /** Re-analyses every stored article, e.g. after the synonym dictionary changed. */
    void reindex();

    /** Whether search uses meaning as well as words right now, and if not, why. */
    default SemanticStatus semanticStatus() {
        return SemanticStatus.lexical("no embedding model configured");
    }

    /**
     * When the stored vectors were made by another model (or none), recomputes them for every
     * article; search stays lexical meanwhile. Returns how many articles were re-embedded (0 when
     * the index was current). Long: call it off the request path.
     */
    default long reembedIfStale() {
        return 0;
    }

    @Override
    void close();
}
