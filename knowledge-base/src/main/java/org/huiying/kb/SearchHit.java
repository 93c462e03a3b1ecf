package org.huiying.kb;

/**
 * One found article: its id, title, relevance score (only comparable within one result) and a
 * snippet of its body around the matched words, HTML-escaped, matches wrapped in {@code <em>}.
 */
public record SearchHit(String id, String title, double score, String highlight) {
}
