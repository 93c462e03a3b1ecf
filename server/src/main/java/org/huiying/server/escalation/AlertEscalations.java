package org.huiying.server.escalation;

import java.time.Clock;
import java.util.List;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Escalations raised by a threshold (CSAT below target, a fault code on the rise, too many repeat
 * visits of a model, a ticket far past its deadline) rather than by one ticket's event: stored in the
 * caller's transaction, with the tickets behind the figure, in the supervisors' queue (none of these kinds is
 * R&D's), and pushed to them once it commits.
 */
@Component
public class AlertEscalations {

    private static final int SUBJECT_LENGTH = 200;

    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertEscalations(Escalations escalations, ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises one of {@code kind}, listing those of {@code ticketIds} not yet part of an escalation of that
     * kind (a ticket counts towards one of each kind).
     */
    public EscalationRaised raise(String kind, String subject, List<String> ticketIds) {
        List<String> fresh = ticketIds.stream().distinct().filter(id -> !escalations.counts(kind, id)).toList();
        String text = subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject;
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), kind, text, fresh, Timestamps.now(clock));
        escalations.raise(raised);
        AfterCommit.run(() -> events.publishEvent(raised));
        return raised;
    }
}
