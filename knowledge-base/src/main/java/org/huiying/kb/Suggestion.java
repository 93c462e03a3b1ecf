package org.huiying.kb;

/** An article suggested for a ticket's text: what an agent sees next to the conversation. */
public record Suggestion(String id, String title, double score) {
}
