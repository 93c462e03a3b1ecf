package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huiying.server.callback.FixChecks;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.Staff;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations from raising to closing: stored (with the webhook's delivery of the R&D ones), listed to R&D
 * (their queue) and to supervisors (all), acknowledged by the one who owns them from then on, discussed,
 * and closed. A fix of an R&D escalation books a check call to every affected customer a month later,
 * and the agents of its tickets hear of it.
 */
@Service
class Escalations {

    /** Where an agent's console hears that a problem they handled was fixed at its root. */
    static final String AGENT_PUSH = "/queue/escalations";
    static final String BOARD_PUSH = "/topic/escalations";

    /** A validated move: {@code to} with what it needs. */
    record Transition(EscalationStatus to, String rootCause, String fix, String reason) {
    }

    private final EscalationRepository escalations;
    private final EscalationWebhook webhook;
    private final EscalationProperties properties;
    private final FixChecks fixChecks;
    private final Tickets tickets;
    private final StaffRepository staff;
    private final StaffPush push;
    private final Clock clock;

    Escalations(EscalationRepository escalations, EscalationWebhook webhook, EscalationProperties properties, FixChecks fixChecks,
                Tickets tickets, StaffRepository staff, StaffPush push, Clock clock) {
        this.escalations = escalations;
        this.webhook = webhook;
        this.properties = properties;
        this.fixChecks = fixChecks;
        this.tickets = tickets;
        this.staff = staff;
        this.push = push;
        this.clock = clock;
    }

    /** Stores a new escalation, OPEN; in the caller's transaction, which must also hold what it escalates. */
    void raise(EscalationRaised raised) {
        escalations.insert(raised);
        EscalationRow row = new EscalationRow(raised.id(), raised.kind(), raised.subject(), raised.ticketIds(),
                raised.createdAt(), EscalationStatus.OPEN, null, null, null, null, null, null);
        webhook.announce(view(row, Map.of(), raised.createdAt()), raised.createdAt());
    }

    /** Whether the ticket counts towards an escalation of this kind already. */
    boolean counts(String kind, String ticketId) {
        return escalations.counts(kind, ticketId);
    }

    List<EscalationView> list(EscalationRepository.Filter filter) {
        Instant now = clock.instant();
        Map<Long, String> names = names();
        return escalations.list(filter).stream().map(r -> view(r, names, now)).toList();
    }

    EscalationDetail detail(String id, CurrentStaff me) {
        EscalationRow row = escalations.find(id).filter(r -> visible(r, me)).orElseThrow(() -> ApiException.notFound("escalation"));
        Map<Long, String> names = names();
        List<EscalationDetail.Comment> comments = escalations.comments(id).stream()
                .map(c -> new EscalationDetail.Comment(c.id(), c.authorId(), names.get(c.authorId()), c.text(), c.createdAt()))
                .toList();
        Map<String, Ticket> byId = tickets.getAll(row.ticketIds());
        List<EscalationDetail.LinkedTicket> linked = row.ticketIds().stream().map(byId::get).filter(t -> t != null)
                .map(t -> new EscalationDetail.LinkedTicket(t.id(), t.type().name(), t.category() == null ? null : t.category().name(),
                        t.status().name(), t.vehicleModel(), t.skills(), t.openedAt(), t.sla().resolvedAt(), t.assigneeId(),
                        t.assigneeId() == null ? null : names.get(t.assigneeId())))
                .toList();
        return new EscalationDetail(view(row, names, clock.instant()), comments, linked);
    }

    /** One step of the escalation's life; a step that skips one, or goes back, is a conflict and changes nothing. */
    @Transactional
    public EscalationView move(String id, Transition step, CurrentStaff me) {
        Instant now = Timestamps.now(clock);
        EscalationRow row = escalations.lock(id).filter(r -> visible(r, me)).orElseThrow(() -> ApiException.notFound("escalation"));
        if (!row.status().mayBecome(step.to())) {
            throw ApiException.conflict("invalid_transition", row.status().closed()
                    ? "This escalation is " + row.status() + " already; nothing follows."
                    : "From " + row.status() + " the next step is " + next(row.status()) + ", not " + step.to() + ".");
        }
        if (step.to() != EscalationStatus.ACKNOWLEDGED && !owns(row, me)) {
            throw ApiException.forbidden("Only the one who acknowledged it, a supervisor or an admin closes this escalation.");
        }
        switch (step.to()) {
            case ACKNOWLEDGED -> escalations.acknowledge(id, me.id(), now);
            case RESOLVED -> escalations.resolve(id, step.rootCause(), step.fix(), now);
            case REJECTED -> escalations.reject(id, step.reason(), now);
            case OPEN -> throw new IllegalStateException("nothing moves back to OPEN");
        }
        EscalationView changed = view(escalations.find(id).orElseThrow(), names(), now);
        if (step.to() == EscalationStatus.RESOLVED && EscalationQueues.isRnd(row.kind())) {
            fixChecks.bookAfterFix(id, row.ticketIds());
        }
        webhook.announce(changed, now);
        Set<Long> agents = step.to() == EscalationStatus.RESOLVED ? agentsOf(row) : Set.of();
        AfterCommit.run(() -> {
            push.toTopic(BOARD_PUSH, changed);
            agents.forEach(agent -> push.toUser(agent, AGENT_PUSH, Map.of("type", "resolved", "escalation", changed)));
        });
        return changed;
    }

    @Transactional
    public EscalationDetail.Comment comment(String id, String text, CurrentStaff me) {
        escalations.find(id).filter(r -> visible(r, me)).orElseThrow(() -> ApiException.notFound("escalation"));
        Instant now = Timestamps.now(clock);
        long commentId = escalations.addComment(id, me.id(), text, now);
        return new EscalationDetail.Comment(commentId, me.id(), names().get(me.id()), text, now);
    }

    /** R&D sees its own queue; supervisors and admins every escalation. */
    static boolean visible(EscalationRow row, CurrentStaff me) {
        return me.has("SUPERVISOR") || me.has("ADMIN") || me.has("RND") && EscalationQueues.isRnd(row.kind());
    }

    private static boolean owns(EscalationRow row, CurrentStaff me) {
        return me.has("SUPERVISOR") || me.has("ADMIN") || row.ownerId() != null && row.ownerId() == me.id();
    }

    private static String next(EscalationStatus status) {
        return status == EscalationStatus.OPEN ? "ACKNOWLEDGED" : "RESOLVED or REJECTED";
    }

    /** The staff members holding (or last holding) the escalation's tickets. */
    private Set<Long> agentsOf(EscalationRow row) {
        return tickets.getAll(row.ticketIds()).values().stream().map(Ticket::assigneeId).filter(a -> a != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Map<Long, String> names() {
        return staff.findAll().stream().collect(Collectors.toMap(Staff::id, Staff::displayName, (a, b) -> a));
    }

    private EscalationView view(EscalationRow r, Map<Long, String> names, Instant now) {
        boolean late = r.status() == EscalationStatus.OPEN && !r.createdAt().plus(properties.acknowledgeWithin()).isAfter(now);
        return new EscalationView(r.id(), r.kind(), EscalationQueues.of(r.kind()), r.subject(), r.ticketIds(), r.createdAt(),
                r.status().name(), r.ownerId(), r.ownerId() == null ? null : names.get(r.ownerId()), r.acknowledgedAt(),
                r.closedAt(), r.rootCause(), r.fix(), r.rejectReason(), late);
    }
}
