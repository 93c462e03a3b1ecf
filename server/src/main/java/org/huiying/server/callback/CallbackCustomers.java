package org.huiying.server.callback;

import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.Masking;
import org.huiying.server.privacy.PrivacyProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a callback calls, for whoever may work it: the ticket card is for those who may see the ticket, and
 * a callback given to another agent is theirs to make without the ticket. Masked; each view audited.
 */
@Service
class CallbackCustomers {

    private final Callbacks callbacks;
    private final Tickets tickets;
    private final CustomerFiles customers;
    private final AuditLog audit;
    private final PrivacyProperties privacy;

    CallbackCustomers(Callbacks callbacks, Tickets tickets, CustomerFiles customers, AuditLog audit, PrivacyProperties privacy) {
        this.callbacks = callbacks;
        this.tickets = tickets;
        this.customers = customers;
        this.audit = audit;
        this.privacy = privacy;
    }

    @Transactional
    CallbackCustomer of(String callbackId, CurrentStaff me) {
        CallbackTask task = callbacks.get(callbackId, me);
        Ticket ticket = tickets.get(task.ticketId());
        CallbackCustomer card = customers.forConversation(ticket.conversationId())
                .map(c -> new CallbackCustomer(c.customerId(), Masking.name(c.name()), Masking.phone(c.phone()), c.vin(),
                        ticket.vehicleModel() != null ? ticket.vehicleModel() : c.vehicleModel(), privacy.mayReveal(me.roles())))
                .orElseThrow(() -> ApiException.notFound("customer"));
        audit.record(me.id(), AuditAction.CARD_VIEW, card.customerId(), ticket.id(), null, null);
        return card;
    }
}
