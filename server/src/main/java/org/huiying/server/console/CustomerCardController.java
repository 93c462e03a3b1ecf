package org.huiying.server.console;

import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.PrivacyProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer and vehicle beside a ticket's conversation in the agent console (any staff, like the
 * ticket), always masked; each view is audited. The full values come from the customer reveal.
 */
@RestController
class CustomerCardController {

    private final JdbcClient jdbc;
    private final RecordAccess access;
    private final AuditLog audit;
    private final PrivacyProperties privacy;

    CustomerCardController(JdbcClient jdbc, RecordAccess access, AuditLog audit, PrivacyProperties privacy) {
        this.access = access;
        this.jdbc = jdbc;
        this.audit = audit;
        this.privacy = privacy;
    }

    @GetMapping("/api/console/tickets/{id}/customer")
    CustomerCard customer(@PathVariable String id, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(id, me);
        boolean canReveal = privacy.mayReveal(me.roles());
        CustomerCard card = jdbc.sql("""
                SELECT c.id, c.name, c.phone, c.vin, COALESCE(t.vehicle_model, c.vehicle_model) AS model
                FROM ticket t JOIN conversation v ON v.id = t.conversation_id JOIN customer c ON c.id = v.customer_id
                WHERE t.id = ?""")
                .param(id)
                .query((rs, n) -> CustomerCard.masked(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("vin"), rs.getString("model"), canReveal))
                .optional()
                .orElseThrow(() -> ApiException.notFound("ticket"));
        audit.record(me.id(), AuditAction.CARD_VIEW, card.customerId(), id, null, null);
        return card;
    }
}
