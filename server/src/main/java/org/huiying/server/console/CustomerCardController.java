package org.huiying.server.console;

import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.system.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer and vehicle beside a ticket's conversation in the agent console (any staff, like the ticket). */
@RestController
class CustomerCardController {

    private final JdbcClient jdbc;
    private final RecordAccess access;

    CustomerCardController(JdbcClient jdbc, RecordAccess access) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/console/tickets/{id}/customer")
    CustomerCard customer(@PathVariable String id, Authentication auth) {
        access.requireTicket(id, CurrentStaff.of(auth));
        return jdbc.sql("""
                SELECT c.name, c.phone, c.vin, COALESCE(t.vehicle_model, c.vehicle_model) AS model
                FROM ticket t JOIN conversation v ON v.id = t.conversation_id JOIN customer c ON c.id = v.customer_id
                WHERE t.id = ?""")
                .param(id)
                .query((rs, n) -> CustomerCard.of(rs.getString("name"), rs.getString("phone"), rs.getString("vin"),
                        rs.getString("model")))
                .optional()
                .orElseThrow(() -> ApiException.notFound("ticket"));
    }
}
