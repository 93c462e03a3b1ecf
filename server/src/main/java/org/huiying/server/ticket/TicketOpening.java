package org.huiying.server.ticket;

import org.huiying.routing.sla.SlaTimes;
import org.huiying.server.storage.RandomIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a ticket opens, whatever opened it (a customer's first message, a voice-menu choice, a
 * technician's question, a follow-up): stored OPEN in its queue with its SLA clock started from the
 * policy of its type, the clock's STARTED line logged, and {@link TicketEvents.TicketOpened} and
 * {@link TicketEvents.SlaClockChanged} published — all in the caller's transaction.
 */
@Component
class TicketOpening {

    private final TicketRepository tickets;
    private final SlaSettings sla;
    private final ApplicationEventPublisher events;

    TicketOpening(TicketRepository tickets, SlaSettings sla, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.sla = sla;
        this.events = events;
    }

    Ticket open(NewTicket request) {
        SlaTimes times = SlaTimes.start(sla.policies().forType(request.type()), request.at(), sla.warnAt());
        Ticket ticket = new Ticket(RandomIds.id("tk"), request.conversationId(), request.type(), request.category(),
                request.skills(), request.priority(), TicketStatus.OPEN, request.queue(), request.vehicleModel(), null,
                request.at(), request.at(), null, null, null, times, request.parentId());
        tickets.insert(ticket, request.requestedBy());
        tickets.logSla(ticket.id(), "STARTED", null, null, request.at());
        events.publishEvent(new TicketEvents.TicketOpened(ticket.id(), ticket.conversationId()));
        events.publishEvent(new TicketEvents.SlaClockChanged(ticket.id()));
        return ticket;
    }
}
