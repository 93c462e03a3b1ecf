package org.huiying.server.ticket;

import java.time.Clock;
import org.huiying.server.sla.SlaSettings;
import org.springframework.stereotype.Component;

/** Renders tickets with their SLA state as of now. */
@Component
public class TicketViews {

    private final Tickets tickets;
    private final SlaSettings sla;
    private final Clock clock;

    TicketViews(Tickets tickets, SlaSettings sla, Clock clock) {
        this.tickets = tickets;
        this.sla = sla;
        this.clock = clock;
    }

    public TicketView of(Ticket t) {
        return TicketView.of(t, clock.instant(), sla.warnAt());
    }

    public TicketView byId(String id) {
        return of(tickets.get(id));
    }
}
