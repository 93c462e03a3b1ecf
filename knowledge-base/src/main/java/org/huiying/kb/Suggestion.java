package org.huiying.kb;

/**
 * An article suggested for a ticket's text, as an agent sees it next to the conversation: its
 * title and the passage of it that matched (plain text).
 */
public record Suggestion(String id, String title, double score, String passage) {
}
