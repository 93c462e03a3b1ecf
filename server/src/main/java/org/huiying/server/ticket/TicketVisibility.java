package org.huiying.server.ticket;

import java.util.ArrayList;
import java.util.List;
import org.huiying.server.security.CurrentStaff;

/**
 * Which tickets a staff member may see, as one SQL condition on the ticket table (aliased
 * {@code t}) with its bound parameters: the single place the read policy is written down, so a
 * ticket list and a ticket lookup can never disagree.
 *
 * <ul>
 * <li>SUPERVISOR, ADMIN: every ticket.</li>
 * <li>AGENT, EXPERT: tickets assigned to them now or at any time before, and unassigned, unresolved
 * tickets waiting for their role (customer tickets for agents, technical questions for experts).</li>
 * <li>EXPERT also: every technical question (TECH_SUPPORT): experts are one pool and learn from
 * each other's answers; these hold technicians' questions, not customers' personal data.</li>
 * <li>TECHNICIAN: the tickets of their own questions (the ticket's {@code requested_by}).</li>
 * </ul>
 */
record TicketVisibility(String sql, List<Object> params) {

    static TicketVisibility of(CurrentStaff me) {
        if (me.has("SUPERVISOR") || me.has("ADMIN")) {
            return new TicketVisibility("1 = 1", List.of());
        }
        List<String> any = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (me.has("AGENT") || me.has("EXPERT")) {
            any.add("t.assignee_id = ?");
            params.add(me.id());
            any.add("EXISTS (SELECT 1 FROM ticket_participant p WHERE p.ticket_id = t.id AND p.staff_id = ?)");
            params.add(me.id());
        }
        if (me.has("AGENT")) {
            any.add("(t.assignee_id IS NULL AND t.status <> 'RESOLVED' AND t.type <> 'TECH_SUPPORT')");
        }
        if (me.has("EXPERT")) {
            any.add("t.type = 'TECH_SUPPORT'");
        }
        if (me.has("TECHNICIAN")) {
            any.add("t.requested_by = ?");
            params.add(me.id());
        }
        return any.isEmpty() ? new TicketVisibility("1 = 0", List.of())
                : new TicketVisibility("(" + String.join(" OR ", any) + ")", List.copyOf(params));
    }
}
