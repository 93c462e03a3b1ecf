package org.huiying.kb;

/** A search text the knowledge base refuses: empty, or longer than {@link KnowledgeBase#MAX_QUERY_CHARS}. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
