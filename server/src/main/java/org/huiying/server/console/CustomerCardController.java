package org.huiying.server.console;

import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.PrivacyProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private final Tickets tickets;
    private final CustomerFiles customers;
    private final RecordAccess access;
    private final AuditLog audit;
    private final PrivacyProperties privacy;

    CustomerCardController(Tickets tickets, CustomerFiles customers, RecordAccess access, AuditLog audit, PrivacyProperties privacy) {
        this.access = access;
        this.tickets = tickets;
        this.customers = customers;
        this.audit = audit;
        this.privacy = privacy;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/console/tickets/{id}/customer")
    CustomerCard customer(@PathVariable String id, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(id, me);
        boolean canReveal = privacy.mayReveal(me.roles());
        Ticket ticket = tickets.get(id);
        CustomerCard card = customers.forConversation(ticket.conversationId())
                .map(c -> CustomerCard.masked(c.customerId(), c.name(), c.phone(), c.vin(),
                        ticket.vehicleModel() != null ? ticket.vehicleModel() : c.vehicleModel(), canReveal))
                .orElseThrow(() -> ApiException.notFound("ticket"));
        audit.record(me.id(), AuditAction.CARD_VIEW, card.customerId(), id, null, null);
        return card;
    }
}
