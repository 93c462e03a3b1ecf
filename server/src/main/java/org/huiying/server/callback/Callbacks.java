package org.huiying.server.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.routing.TicketType;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.Role;
import org.huiying.server.staff.Staff;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketEvents;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules follow-up calls, lists them to the people who make them, and records what they found. */
@Service
class Callbacks {

    enum Outcome { REACHED, FIXED, NOT_FIXED, NO_ANSWER, WRONG_NUMBER }

    static final String AFTER_SERVICE = "AFTER_SERVICE";
    static final String MONTHLY_CHECK = "MONTHLY_CHECK";
    /** Where an owner's console hears that a callback was given to them. */
    static final String PUSH_DESTINATION = "/queue/callbacks";

    private final CallbackRepository callbacks;
    private final CallbackAccess access;
    private final Tickets tickets;
    private final StaffRepository staff;
    private final StaffPush push;
    private final CallbackProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    Callbacks(CallbackRepository callbacks, CallbackAccess access, Tickets tickets, StaffRepository staff, StaffPush push,
              CallbackProperties properties, HuiyingProperties huiying, Clock clock) {
        this.callbacks = callbacks;
        this.access = access;
        this.tickets = tickets;
        this.staff = staff;
        this.push = push;
        this.properties = properties;
        this.zone = huiying.zone();
        this.clock = clock;
    }

    /** In the resolving transaction: the callback is stored with the resolution or not at all. */
    @EventListener
    void onResolved(TicketEvents.TicketResolved event) {
        Ticket ticket = tickets.get(event.ticketId());
        if (ticket.type() == TicketType.TECH_SUPPORT) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Instant due = ticket.sla().resolvedAt().atZone(zone).plus(properties.after()).toInstant();
        callbacks.insertOnce(RandomIds.id("cb"), ticket.id(), AFTER_SERVICE, due,
                ticket.assigneeId() != null ? ticket.assigneeId() : event.staffId(), now);
    }

    /**
     * Supervisors and admins see every task; others their own, and the open ones nobody owns yet whose
     * tickets they have the skills for. {@code DUE}: open and due by the end of today (overdue ones included).
     */
    List<CallbackTask> list(String status, CurrentStaff me) {
        Instant now = clock.instant();
        boolean all = CallbackAccess.seesAll(me);
        List<CallbackTask> found = callbacks.list(status, all ? null : me.id(), !all && me.has("AGENT"), now, endOfToday(now));
        Map<String, Ticket> byId = access.ticketsOf(found);
        Set<String> skills = all ? Set.of() : access.skillsOf(me);
        return found.stream()
                .filter(t -> all || access.fits(t, skills, byId))
                .map(t -> t.withTicket(summary(byId.get(t.ticketId()))))
                .toList();
    }

    /** One task as its list shows it; 404 for those the caller may not work. */
    CallbackTask get(String id, CurrentStaff me) {
        CallbackTask task = callbacks.find(id, clock.instant()).filter(t -> access.mayWork(t, me))
                .orElseThrow(() -> ApiException.notFound("callback"));
        return task.withTicket(summary(tickets.get(task.ticketId())));
    }

    /** How much is due today and overdue: everyone's (per owner) for supervisors, one's own and the unowned for others. */
    CallbackCounts counts(CurrentStaff me) {
        Instant now = clock.instant();
        List<CallbackRepository.OwnerCount> rows = callbacks.countDue(now, endOfToday(now));
        boolean all = CallbackAccess.seesAll(me);
        return CallbackCounts.of(all ? rows : rows.stream()
                .filter(r -> r.ownerId() == null || r.ownerId() == me.id()).toList(), all);
    }

    /** Records a call's result; NOT_FIXED reopens the problem as a linked ticket, FIXED on a complaint books next month's check. */
    @Transactional
    public CallbackTask record(String id, Outcome outcome, String note, CurrentStaff me) {
        Instant now = Timestamps.now(clock);
        CallbackTask task = lockWorkable(id, me, now);
        long owner = task.ownerId() != null ? task.ownerId() : me.id();
        if (task.ownerId() == null) {
            callbacks.setOwner(id, owner); // whoever calls an unowned one answers for it
        }
        int attempts = task.attempts() + 1;
        switch (outcome) {
            case NO_ANSWER -> {
                if (attempts < properties.maxAttempts()) {
                    callbacks.retry(id, now.plus(properties.retryAfter()), attempts, note);
                } else {
                    callbacks.complete(id, outcome.name(), note, attempts, null, now);
                }
            }
            case NOT_FIXED -> {
                Ticket original = tickets.get(task.ticketId());
                String reopened = tickets.openFollowUp(original.id(), original.type(), original.skills());
                callbacks.complete(id, outcome.name(), note, attempts, reopened, now);
            }
            case FIXED -> {
                callbacks.complete(id, outcome.name(), note, attempts, null, now);
                if (wasComplaint(tickets.get(task.ticketId())) && task.reason().equals(AFTER_SERVICE)) {
                    callbacks.insertOnce(RandomIds.id("cb"), task.ticketId(), MONTHLY_CHECK,
                            now.atZone(zone).plus(properties.monthlyAfter()).toInstant(), owner, now);
                }
            }
            case REACHED, WRONG_NUMBER -> callbacks.complete(id, outcome.name(), note, attempts, null, now);
        }
        return callbacks.lock(id, now).orElseThrow();
    }

    /**
     * The one click that starts a call, taken by the caller if nobody owned it: marks the attempt as placed
     * ({@code mode} VOICE when the voice channel calls, MANUAL when the agent dials it themselves).
     * Returns the task as it was before, so a call the channel then refuses can be unmarked.
     */
    @Transactional
    public CallbackTask markDialled(String id, String mode, CurrentStaff me) {
        Instant now = Timestamps.now(clock);
        CallbackTask before = lockWorkable(id, me, now);
        if (before.ownerId() == null) {
            callbacks.setOwner(id, me.id());
        }
        callbacks.dialled(id, now, me.id(), mode);
        return before;
    }

    /** The channel refused the call: the task shows what it showed before the click. */
    @Transactional
    public void unmarkDialled(CallbackTask before) {
        callbacks.dialled(before.id(), before.dialledAt(), before.dialledBy(), before.dialMode());
    }

    /** Supervisors and admins give an open task to an agent, who hears of it on {@code /user/queue/callbacks}. */
    @Transactional
    public CallbackTask reassign(String id, Long ownerId, CurrentStaff me) {
        if (!CallbackAccess.seesAll(me)) {
            throw ApiException.forbidden("Only supervisors and admins reassign callbacks.");
        }
        if (ownerId == null) {
            throw ApiException.badRequest("invalid_owner", "ownerId: the id of an agent");
        }
        Staff owner = staff.findById(ownerId).filter(s -> !s.disabled() && s.roles().contains(Role.AGENT))
                .orElseThrow(() -> ApiException.badRequest("invalid_owner", "ownerId: the id of an active agent"));
        Instant now = Timestamps.now(clock);
        CallbackTask task = callbacks.lock(id, now).orElseThrow(() -> ApiException.notFound("callback"));
        if (!task.open()) {
            throw ApiException.conflict("callback_done", "This callback has its result already.");
        }
        callbacks.setOwner(id, owner.id());
        CallbackTask changed = callbacks.lock(id, now).orElseThrow().withTicket(summary(tickets.get(task.ticketId())));
        AfterCommit.run(() -> {
            push.toUser(owner.id(), PUSH_DESTINATION, Map.of("type", "assigned", "task", changed));
            if (task.ownerId() != null && task.ownerId() != owner.id()) {
                push.toUser(task.ownerId(), PUSH_DESTINATION, Map.of("type", "removed", "id", id));
            }
        });
        return changed;
    }

    private CallbackTask lockWorkable(String id, CurrentStaff me, Instant now) {
        CallbackTask task = callbacks.lock(id, now).filter(t -> access.mayWork(t, me))
                // someone else's callback is not in this person's list: answer as if it did not exist
                .orElseThrow(() -> ApiException.notFound("callback"));
        if (!task.open()) {
            throw ApiException.conflict("callback_done", "This callback has its result already.");
        }
        return task;
    }

    private Instant endOfToday(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static CallbackTask.TicketSummary summary(Ticket t) {
        return t == null ? null : new CallbackTask.TicketSummary(t.type().name(), t.category() == null ? null : t.category().name(),
                t.vehicleModel(), t.skills(), t.status().name(), t.openedAt(), t.sla().resolvedAt(), t.conversationId());
    }

    private boolean wasComplaint(Ticket ticket) {
        if (ticket.type() == TicketType.COMPLAINT) {
            return true;
        }
        return ticket.parentId() != null && tickets.get(ticket.parentId()).type() == TicketType.COMPLAINT;
    }
}
