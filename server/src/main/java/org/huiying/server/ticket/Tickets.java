package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.staff.Presence;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do with a ticket: read it, answer it, wait on the customer, pass it on, resolve it. */
@Service
public class Tickets {

    private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** A customer who already had to come back goes ahead of first-time work. */
    private static final int FOLLOW_UP_BOOST = 3;

    private final TicketRepository tickets;
    private final Conversations conversations;
    private final StaffRepository staff;
    private final RoutingProperties routing;
    private final TicketOpening opening;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordAccess access;

    Tickets(TicketRepository tickets, Conversations conversations, StaffRepository staff, RoutingProperties routing,
            TicketOpening opening, ApplicationEventPublisher events, Clock clock, RecordAccess access) {
        this.access = access;
        this.opening = opening;
        this.tickets = tickets;
        this.conversations = conversations;
        this.staff = staff;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    public Ticket get(String id) {
        return tickets.findById(id).orElseThrow(() -> ApiException.notFound("ticket"));
    }

    public Optional<Ticket> unresolvedFor(String conversationId) {
        return tickets.findUnresolvedForConversation(conversationId);
    }

    /** Many tickets in one read (chunked), by id; unknown ids are absent. */
    public Map<String, Ticket> getAll(Collection<String> ids) {
        return tickets.findByIds(ids);
    }

    /** The staff member who asked for a ticket on this conversation (a technician's question), if any. */
    public Optional<Long> requesterOf(String conversationId) {
        return tickets.findRequester(conversationId);
    }

    /** {@link #unresolvedFor} for many conversations in one read; those without one are absent. */
    /** A customer's tickets across their conversations, newest first, at most {@code limit}. */
    public List<Ticket> ofConversations(Collection<String> conversationIds, int limit) {
        return tickets.findForConversations(conversationIds, limit);
    }

    public Map<String, Ticket> unresolvedForEach(Collection<String> conversationIds) {
        return tickets.findUnresolvedForConversations(conversationIds);
    }

    /** Only the tickets {@code me} may see ({@link TicketVisibility}). */
    List<Ticket> list(TicketStatus status, String queue, Long assigneeId, CurrentStaff me) {
        return tickets.find(status, queue, assigneeId, TicketVisibility.of(me), 500);
    }

    /**
     * Opens a ticket following up {@code parentId} on the same conversation: its own SLA clock from
     * the policy for {@code type}, ahead of ordinary work in the queue.
     */
    @Transactional
    public String openFollowUp(String parentId, TicketType type, Set<String> skills) {
        Ticket parent = get(parentId);
        NewTicket followUp = NewTicket.of(parent.conversationId(), type, Timestamps.now(clock)).withCategory(parent.category());
        return opening.open(followUp.withSkills(skills).withPriority(followUp.priority() + FOLLOW_UP_BOOST)
                .withVehicleModel(parent.vehicleModel()).followingUp(parentId)).id();
    }

    /**
     * Opens the TECH_SUPPORT ticket of a technician's question: technical, routed to an expert
     * holding {@code skills}, on the 5-minute first-response clock of its policy, started at
     * {@code now}: the moment the question was stored.
     */
    @Transactional
    public String openTechSupport(String conversationId, long technicianId, Set<String> skills, String vehicleModel, Instant now) {
        return opening.open(NewTicket.of(conversationId, TicketType.TECH_SUPPORT, now).withCategory(Category.TECHNICAL)
                .withSkills(skills).withVehicleModel(vehicleModel).requestedBy(technicianId)).id();
    }

    /**
     * Opens a ticket of {@code type} on a conversation whose channel already said what it is about
     * (a choice in the voice menu), instead of classifying a message: its SLA clock from the policy
     * for {@code type}, waiting in {@code queue} at {@code priority} for an agent.
     */
    @Transactional
    public String openChosen(String conversationId, TicketType type, int priority, String queue) {
        return opening.open(NewTicket.of(conversationId, type, Timestamps.now(clock)).withPriority(priority).withQueue(queue)
                .withVehicleModel(conversations.vehicleModel(conversationId).orElse(null))).id();
    }

    /** How many customers' tickets wait unassigned at {@code ticket}'s priority or above (the voice queue's estimate). */
    public long customerTicketsAhead(Ticket ticket) {
        return tickets.countOpenCustomerTicketsAtOrAbove(ticket.id(), ticket.priority());
    }

    /** Moves a ticket up the queue (escalations); never lowers it. */
    @Transactional
    public void raisePriority(String ticketId, int priority) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> ApiException.notFound("ticket"));
        if (ticket.priority() < priority) {
            tickets.updatePriority(ticketId, priority, Timestamps.now(clock));
        }
    }

    /** Sends the reply on the customer's channel; the first one stops the first-response clock. */
    @Transactional
    public Appended reply(String ticketId, CurrentStaff by, String text) {
        // Locks in the order a customer's message takes them (conversation, then ticket), so the
        // two can never deadlock; the ticket is checked again once locked, and a change since
        // rolls the reply back with everything else.
        Ticket seen = mayWorkOn(visible(ticketId, by), by);
        refuseIfResolved(seen);
        Appended appended = conversations.append(seen.conversationId(), Sender.AGENT, by.id(), null, text);
        Ticket ticket = mayWorkOn(tickets.lock(ticketId).orElseThrow(), by);
        refuseIfResolved(ticket);
        Instant at = appended.message().at();
        tickets.answered(ticketId, at);
        if (ticket.sla().firstRespondedAt() == null) {
            tickets.updateSla(ticketId, ticket.sla().respondedAt(at), at);
            tickets.logSla(ticketId, "MET", "FIRST_RESPONSE", ticket.sla().firstResponseDue(), at);
            events.publishEvent(new TicketEvents.SlaClockChanged(ticketId));
        }
        return appended;
    }

    /**
     * An agent answered the ticket's caller on the hotline: the ticket becomes theirs (taken from whoever
     * held it as chat work) and, a person now talking to the customer, its first response is recorded at
     * {@code at}. A resolved ticket is left as it is.
     */
    @Transactional
    public Ticket takeByPhone(String ticketId, long staffId, Instant at) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> ApiException.notFound("ticket"));
        if (ticket.status() == TicketStatus.RESOLVED) {
            return ticket;
        }
        if (!Long.valueOf(staffId).equals(ticket.assigneeId())) {
            tickets.assign(ticketId, staffId, at, at.plus(routing.answerWithin()));
            staff.recordAssignment(staffId, at);
            if (ticket.assigneeId() != null) {
                events.publishEvent(new TicketEvents.TicketReleased(ticketId, ticket.assigneeId(), "answered-by-phone"));
            }
        }
        tickets.answered(ticketId, at);
        if (ticket.sla().firstRespondedAt() == null) {
            tickets.updateSla(ticketId, ticket.sla().respondedAt(at), at);
            tickets.logSla(ticketId, "MET", "FIRST_RESPONSE", ticket.sla().firstResponseDue(), at);
        }
        Ticket taken = get(ticketId);
        if (!Long.valueOf(staffId).equals(ticket.assigneeId())) {
            events.publishEvent(new TicketEvents.TicketAssigned(ticketId, staffId, ticket.conversationId(), at.plus(routing.answerWithin()), taken));
        }
        events.publishEvent(new TicketEvents.SlaClockChanged(ticketId));
        return taken;
    }

    /**
     * The customer waiting on a live line for this ticket left it unanswered (hung up, or left the queue for
     * the callback offer): no longer held back by {@link WaitingOnTheLine}, it is queued work for the
     * dispatcher again, once the caller's transaction commits.
     */
    public void leftTheLine(String ticketId) {
        events.publishEvent(new TicketEvents.TicketQueued(ticketId));
    }

    /** The agent asked the customer something: the SLA clock stops until the customer writes back. */
    @Transactional
    public Ticket waitForCustomer(String ticketId, CurrentStaff by) {
        Ticket ticket = lockForWork(ticketId, by);
        if (ticket.status() != TicketStatus.ASSIGNED) {
            throw ApiException.conflict("not_assigned", "Only an assigned ticket can wait on the customer.");
        }
        Instant now = Timestamps.now(clock);
        tickets.updateStatus(ticketId, TicketStatus.WAITING_CUSTOMER, now);
        tickets.answered(ticketId, now);
        tickets.updateSla(ticketId, ticket.sla().pausedAt(now), now);
        tickets.logSla(ticketId, "PAUSED", null, null, now);
        events.publishEvent(new TicketEvents.SlaClockChanged(ticketId));
        return get(ticketId);
    }

    @Transactional
    public Ticket resolve(String ticketId, CurrentStaff by) {
        return resolveLocked(lockForWork(ticketId, by), by);
    }

    /**
     * The staff member who asked for the ticket (a technician, their question) closes it: answered to
     * their satisfaction. Anyone else gets the 404 of a ticket that does not exist.
     */
    @Transactional
    public Ticket resolveForRequester(String ticketId, CurrentStaff requester) {
        access.requireTicket(ticketId, requester);
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> ApiException.notFound("ticket"));
        if (!tickets.findRequester(ticket.conversationId()).map(id -> id == requester.id()).orElse(false)) {
            throw ApiException.notFound("ticket");
        }
        return resolveLocked(ticket, requester);
    }

    private Ticket resolveLocked(Ticket ticket, CurrentStaff by) {
        String ticketId = ticket.id();
        if (ticket.status() == TicketStatus.RESOLVED) {
            throw ApiException.conflict("ticket_resolved", "This ticket is resolved already.");
        }
        Instant now = Timestamps.now(clock);
        SlaTimes stopped = ticket.sla().resolvedAt(now);
        tickets.updateSla(ticketId, stopped, now);
        tickets.updateStatus(ticketId, TicketStatus.RESOLVED, now);
        tickets.logSla(ticketId, "RESOLVED", null, null, now);
        events.publishEvent(new TicketEvents.TicketResolved(ticketId, by.id()));
        events.publishEvent(new TicketEvents.SlaClockChanged(ticketId));
        return get(ticketId);
    }

    /**
     * To a staff id (digits): they take it now. To a queue name: it waits there for the
     * dispatcher. Supervisors use this to reassign any ticket.
     */
    @Transactional
    public Ticket transfer(String ticketId, CurrentStaff by, String to) {
        Ticket ticket = lockForWork(ticketId, by);
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
            Instant answerDue = now.plus(routing.answerWithin());
            tickets.assign(ticketId, target, now, answerDue);
            staff.recordAssignment(target, now);
            events.publishEvent(new TicketEvents.TicketAssigned(ticketId, target, ticket.conversationId(), answerDue, get(ticketId)));
        } else if (QUEUE.matcher(to).matches()) {
            tickets.requeue(ticketId, to, null, now);
            events.publishEvent(new TicketEvents.TicketQueued(ticketId));
        } else {
            throw ApiException.badRequest("invalid_target", "to: a staff id or a queue name (lower-case letters, digits, '-')");
        }
        if (ticket.assigneeId() != null && !to.equals(ticket.assigneeId().toString())) {
            events.publishEvent(new TicketEvents.TicketReleased(ticketId, ticket.assigneeId(), "transferred"));
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

    /** The assignee works on a ticket; supervisors and admins may step in on any. Locks it until commit. */
    private Ticket lockForWork(String ticketId, CurrentStaff by) {
        access.requireTicket(ticketId, by);
        return mayWorkOn(tickets.lock(ticketId).orElseThrow(() -> ApiException.notFound("ticket")), by);
    }

    /** 404 for a ticket {@code by} may not see, exactly as for one that does not exist. */
    private Ticket visible(String ticketId, CurrentStaff by) {
        access.requireTicket(ticketId, by);
        return get(ticketId);
    }

    /** Seeing a ticket is not working on it: a former assignee may read it, but not act (403). */
    private static Ticket mayWorkOn(Ticket ticket, CurrentStaff by) {
        boolean assignee = ticket.assigneeId() != null && ticket.assigneeId() == by.id();
        if (!assignee && !by.has("SUPERVISOR") && !by.has("ADMIN")) {
            throw ApiException.forbidden("This ticket is assigned to someone else.");
        }
        return ticket;
    }

    private static void refuseIfResolved(Ticket ticket) {
        if (ticket.status() == TicketStatus.RESOLVED) {
            throw ApiException.conflict("ticket_resolved", "This ticket is resolved; the customer's next message opens a new one.");
        }
    }
}
