package org.huiying.server.console;

import org.huiying.server.cluster.StaffPush;
import org.huiying.server.sla.SlaCrossed;
import org.huiying.server.ticket.TicketView;
import org.huiying.server.ticket.TicketViews;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the agent holding a ticket when its SLA turns amber or red, on {@code /user/queue/sla} (the ticket
 * as {@code GET /api/tickets/{id}} shows it), so their console colours it without waiting for a refresh.
 * Supervisors get the same crossings on {@code /topic/sla}.
 */
@Component
class AssigneeSlaPush {

    private final StaffPush stomp;
    private final TicketViews views;

    AssigneeSlaPush(StaffPush stomp, TicketViews views) {
        this.stomp = stomp;
        this.views = views;
    }

    @EventListener
    void onSlaCrossed(SlaCrossed crossed) {
        TicketView ticket = views.byId(crossed.ticketId());
        if (ticket.assignee() != null) {
            stomp.toUser(ticket.assignee(), "/queue/sla", ticket);
        }
    }
}
