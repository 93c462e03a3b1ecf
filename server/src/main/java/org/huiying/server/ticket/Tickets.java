package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.Presence;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.system.ApiException;
import org.huiying.server.system.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do with a ticket: read it, answer it, pass it on, resolve it. */
@Service
public class Tickets {

    private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final TicketRepository tickets;
    private final Conversations conversations;
    private final StaffRepository staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tickets(TicketRepository tickets, Conversations conversations, StaffRepository staff,
            ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    public Ticket get(String id) {
        return tickets.findById(id).orElseThrow(() -> ApiException.notFound("ticket"));
    }

    public java.util.Optional<Ticket> unresolvedFor(String conversationId) {
        return tickets.findUnresolvedForConversation(conversationId);
    }

    List<Ticket> list(TicketStatus status, String queue, Long assigneeId) {
        return tickets.find(status, queue, assigneeId, 500);
    }

    /** Sends the reply on the customer's channel; the first one stops the first-response clock. */
    @Transactional
    public Appended reply(String ticketId, CurrentStaff by, String text) {
        Ticket ticket = mayWorkOn(ticketId, by);
        if (ticket.status() == TicketStatus.RESOLVED) {
            throw ApiException.conflict("ticket_resolved", "This ticket is resolved; the customer's next message opens a new one.");
        }
        Appended appended = conversations.append(ticket.conversationId(), Sender.AGENT, by.id(), null, text);
        tickets.recordFirstResponse(ticketId, appended.message().at());
        return appended;
    }

    @Transactional
    public Ticket resolve(String ticketId, CurrentStaff by) {
        mayWorkOn(ticketId, by);
        if (!tickets.resolve(ticketId, Timestamps.now(clock))) {
            throw ApiException.conflict("ticket_resolved", "This ticket is resolved already.");
        }
        events.publishEvent(new TicketEvents.TicketResolved(ticketId, by.id()));
        return get(ticketId);
    }

    /** To a staff id (digits): they take it now. To a queue name: it waits there for the dispatcher. */
    @Transactional
    public Ticket transfer(String ticketId, CurrentStaff by, String to) {
        Ticket ticket = mayWorkOn(ticketId, by);
        if (ticket.status() == TicketStatus.RESOLVED) {
            throw ApiException.conflict("ticket_resolved", "A resolved ticket cannot be transferred.");
        }
        if (to == null || to.isBlank()) {
            throw ApiException.badRequest("invalid_target", "to: a staff id or a queue name");
        }
        Instant now = Timestamps.now(clock);
        if (to.chars().allMatch(Character::isDigit)) {
            long target = parseStaffId(to);
            var person = staff.findById(target).orElseThrow(() -> ApiException.notFound("staff member"));
            if (!person.roleNames().contains(ticket.requiredRole())) {
                throw ApiException.badRequest("invalid_target", "That staff member does not handle " + ticket.type() + " tickets.");
            }
            if (person.presence() == Presence.OFFLINE) {
                throw ApiException.conflict("target_offline", "That staff member is offline.");
            }
            tickets.assign(ticketId, target, now);
            staff.recordAssignment(target, now);
            events.publishEvent(new TicketEvents.TicketAssigned(ticketId, target, ticket.conversationId()));
        } else if (QUEUE.matcher(to).matches()) {
            tickets.requeue(ticketId, to, now);
        } else {
            throw ApiException.badRequest("invalid_target", "to: a staff id or a queue name (lower-case letters, digits, '-')");
        }
        if (ticket.assigneeId() != null && !to.equals(ticket.assigneeId().toString())) {
            events.publishEvent(new TicketEvents.TicketReleased(ticketId, ticket.assigneeId()));
        }
        return get(ticketId);
    }

    private static long parseStaffId(String to) {
        try {
            return Long.parseLong(to);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("staff member");
        }
    }

    /** The assignee works on a ticket; supervisors and admins may step in on any. */
    private Ticket mayWorkOn(String ticketId, CurrentStaff by) {
        Ticket ticket = get(ticketId);
        boolean assignee = ticket.assigneeId() != null && ticket.assigneeId() == by.id();
        if (!assignee && !by.has("SUPERVISOR") && !by.has("ADMIN")) {
            throw ApiException.forbidden("This ticket is assigned to someone else.");
        }
        return ticket;
    }
}
