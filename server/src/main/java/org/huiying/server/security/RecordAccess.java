package org.huiying.server.security;

import java.util.ArrayList;
import java.util.List;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Object-level checks for staff: may this person see this ticket or conversation? A record they may
 * not see answers exactly like one that does not exist (404), so ids cannot be probed. The rules
 * are {@link TicketVisibility}'s; a conversation is visible through any visible ticket on it.
 */
@Component
public class RecordAccess {

    private final JdbcClient jdbc;

    RecordAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws 404 {@code not_found} unless the ticket exists and {@code me} may see it. */
    public void requireTicket(String ticketId, CurrentStaff me) {
        if (!visible("SELECT COUNT(*) FROM ticket t WHERE t.id = ?", ticketId, me)) {
            throw ApiException.notFound("ticket");
        }
    }

    /** Throws 404 {@code not_found} unless the conversation exists and {@code me} may see it. */
    public void requireConversation(String conversationId, CurrentStaff me) {
        boolean ok = me.has("SUPERVISOR") || me.has("ADMIN")
                ? jdbc.sql("SELECT COUNT(*) FROM conversation WHERE id = ?").param(conversationId).query(Long.class).single() > 0
                : visible("SELECT COUNT(*) FROM ticket t WHERE t.conversation_id = ?", conversationId, me);
        if (!ok) {
            throw ApiException.notFound("conversation");
        }
    }

    private boolean visible(String select, String id, CurrentStaff me) {
        TicketVisibility visibility = TicketVisibility.of(me);
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(visibility.params());
        return jdbc.sql(select + " AND " + visibility.sql()).params(params).query(Long.class).single() > 0;
    }
}
