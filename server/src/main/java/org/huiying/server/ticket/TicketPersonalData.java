package org.huiying.server.ticket;

import java.time.Instant;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tickets are kept whole for the statistics; staff notes, which may quote the customer, are erased
 * with the conversation's texts. This module's part is that, the export, and keeping retention away from a conversation whose work is not finished.
 */
@Component
class TicketPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    TicketPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * After what points at tickets (calls, callbacks, surveys, escalations), before media and the
     * conversation module (tickets point at conversations); the export lists tickets after the media.
     */
    @Override
    public int getOrder() {
        return 500;
    }

    /** A conversation with a ticket not yet resolved is still being worked on. */
    @Override
    public Set<String> stillNeeded(Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(InLists.inChunks(conversationIds, chunk -> jdbc.sql(
                        "SELECT DISTINCT conversation_id FROM ticket WHERE conversation_id IN (:ids) AND status <> 'RESOLVED'")
                .param("ids", chunk).query(String.class).list()));
    }

    /** Staff notes may quote the customer: they go with the conversation's texts. */
    @Override
    public int eraseConversation(String conversationId, Instant now) {
        return jdbc.sql("DELETE FROM ticket_note WHERE ticket_id IN (SELECT id FROM ticket WHERE conversation_id = ?)")
                .param(conversationId).update();
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of("tickets", conversationIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT id, conversation_id, type, category, status, queue, vehicle_model, priority, opened_at,"
                                + " first_responded_at, resolved_at, parent_id FROM ticket WHERE conversation_id IN (:ids)"
                                + " ORDER BY opened_at")
                .param("ids", InLists.padded(conversationIds)).query().listOfRows()));
    }
}
