package org.huiying.server.ticket;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Renders tickets with their SLA state as of now. */
@Component
public class TicketViews {

    private final Tickets tickets;
    private final Clock clock;

    TicketViews(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    public TicketView of(Ticket t) {
        return TicketView.of(t, clock.instant());
    }

    public TicketView byId(String id) {
        return of(tickets.get(id));
    }
}
