package org.huiying.server.ticket;

import org.huiying.routing.TicketType;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.server.storage.RandomIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a ticket opens, whatever opened it (a customer's first message, a voice-menu choice, a
 * technician's question, a follow-up): about the customer's vehicle when they have just one, linked to the
 * earlier visit it reworks, stored OPEN in its queue with its SLA clock started from the
 * policy of its type, the clock's STARTED line logged, and {@link TicketEvents.TicketOpened} and
 * {@link TicketEvents.SlaClockChanged} published — all in the caller's transaction.
 */
@Component
class TicketOpening {

    private final TicketRepository tickets;
    private final SlaSettings sla;
    private final ApplicationEventPublisher events;
    private final VehicleDirectory vehicles;
    private final ReworkVisits rework;

    TicketOpening(TicketRepository tickets, SlaSettings sla, ApplicationEventPublisher events, VehicleDirectory vehicles,
                  ReworkVisits rework) {
        this.vehicles = vehicles;
        this.rework = rework;
        this.tickets = tickets;
        this.sla = sla;
        this.events = events;
    }

    Ticket open(NewTicket asked) {
        NewTicket request = asked.vehicleId() != null || asked.type() == TicketType.TECH_SUPPORT ? asked
                : vehicles.soleVehicleOf(asked.conversationId()).map(v -> asked.withVehicle(v.id(), v.model())).orElse(asked);
        String id = RandomIds.id("tk");
        String reworkOf = rework.earlierVisit(id, request.vehicleId(), request.type(), request.category(), request.skills(),
                request.at()).orElse(null);
        SlaTimes times = SlaTimes.start(sla.policies().forType(request.type()), request.at(), sla.warnAt());
        Ticket ticket = new Ticket(id, request.conversationId(), request.type(), request.category(),
                request.skills(), request.priority(), TicketStatus.OPEN, request.queue(), request.vehicleModel(), null,
                request.at(), request.at(), null, null, null, times, request.parentId(), request.vehicleId(), reworkOf);
        tickets.insert(ticket, request.requestedBy());
        tickets.logSla(ticket.id(), "STARTED", null, null, request.at());
        events.publishEvent(new TicketEvents.TicketOpened(ticket.id(), ticket.conversationId(), ticket.type()));
        events.publishEvent(new TicketEvents.SlaClockChanged(ticket.id()));
        if (reworkOf != null) {
            events.publishEvent(new TicketEvents.ReworkDetected(ticket.id(), reworkOf, ticket.vehicleId(), ticket.vehicleModel()));
        }
        return ticket;
    }
}
