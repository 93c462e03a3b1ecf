package org.huiying.server.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketEvents;
import org.huiying.server.ticket.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules follow-up calls and records what they found. */
@Service
class Callbacks {

    enum Outcome { REACHED, FIXED, NOT_FIXED, NO_ANSWER }

    static final String AFTER_SERVICE = "AFTER_SERVICE";
    static final String MONTHLY_CHECK = "MONTHLY_CHECK";

    private final CallbackRepository callbacks;
    private final Tickets tickets;
    private final CallbackProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    Callbacks(CallbackRepository callbacks, Tickets tickets, CallbackProperties properties, HuiyingProperties huiying, Clock clock) {
        this.callbacks = callbacks;
        this.tickets = tickets;
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

    List<CallbackTask> list(String status, CurrentStaff me) {
        Long owner = me.has("SUPERVISOR") || me.has("ADMIN") ? null : me.id();
        return callbacks.list(status, owner, clock.instant());
    }

    /** Records a call's result; NOT_FIXED reopens the problem as a linked ticket, FIXED on a complaint books next month's check. */
    @Transactional
    public CallbackTask record(String id, Outcome outcome, String note, CurrentStaff me) {
        Instant now = Timestamps.now(clock);
        CallbackTask task = callbacks.lock(id, now).orElseThrow(() -> ApiException.notFound("callback"));
        if (task.ownerId() != null && task.ownerId() != me.id() && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            // someone else's callback is not in this person's list: answer as if it did not exist
            throw ApiException.notFound("callback");
        }
        if (!task.status().equals("OPEN")) {
            throw ApiException.conflict("callback_done", "This callback has its result already.");
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
                            now.atZone(zone).plus(properties.monthlyAfter()).toInstant(), task.ownerId(), now);
                }
            }
            case REACHED -> callbacks.complete(id, outcome.name(), note, attempts, null, now);
        }
        return callbacks.lock(id, now).orElseThrow();
    }

    private boolean wasComplaint(Ticket ticket) {
        if (ticket.type() == TicketType.COMPLAINT) {
            return true;
        }
        return ticket.parentId() != null && tickets.get(ticket.parentId()).type() == TicketType.COMPLAINT;
    }
}
