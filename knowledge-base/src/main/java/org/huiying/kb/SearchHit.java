package org.huiying.kb;

/**
 * One found article: its id, title, relevance score (only comparable within one result), a
 * snippet of its body around the matched words (HTML-escaped, matches wrapped in {@code <em>}; null
 * where snippets were not asked for) and {@code passage}: the passage of the article that matched,
 * as plain text (the one nearest in meaning when the search used the embedding model).
 */
public record SearchHit(String id, String title, double score, String highlight, String passage) {
}
