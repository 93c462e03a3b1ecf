package org.huiying.server.ticket;

import java.util.Collection;
import java.util.List;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which tickets were opened on given conversations, for modules whose rows hang off tickets
 * (callbacks, escalations) and need them without reading the ticket table themselves.
 */
@Component
public class ConversationTickets {

    private final JdbcClient jdbc;

    ConversationTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of all tickets, resolved or not, on any of these conversations; empty for none. */
    public List<String> idsOn(Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return InLists.inChunks(conversationIds, chunk -> jdbc.sql("SELECT id FROM ticket WHERE conversation_id IN (:ids)")
                .param("ids", chunk).query(String.class).list());
    }
}
