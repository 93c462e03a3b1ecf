package org.huiying.server.callback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.huiying.server.ticket.ConversationTickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notes staff typed while calling the customer back, which may repeat what the customer said. */
@Component
class CallbackPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final ConversationTickets tickets;

    CallbackPersonalData(JdbcClient jdbc, ConversationTickets tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    /** Before tickets (a callback points at its ticket); in the export, after the surveys and before the calls. */
    @Override
    public int getOrder() {
        return 200;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        List<String> ticketIds = tickets.idsOn(List.of(conversationId));
        if (!ticketIds.isEmpty()) {
            jdbc.sql("UPDATE callback_task SET note = NULL WHERE ticket_id IN (:tickets)")
                    .param("tickets", InLists.padded(ticketIds)).update();
        }
        return 0;
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        List<String> ticketIds = tickets.idsOn(conversationIds);
        return Map.of("callbacks", ticketIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT id, ticket_id, reason, due_at, status, attempts, outcome, note, completed_at FROM callback_task"
                                + " WHERE ticket_id IN (:tickets) ORDER BY created_at")
                .param("tickets", InLists.padded(ticketIds)).query().listOfRows()));
    }
}
