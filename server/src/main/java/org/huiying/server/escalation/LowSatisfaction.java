package org.huiying.server.escalation;

import java.time.Clock;
import java.util.List;
import org.huiying.server.survey.SurveyAnswered;
import org.huiying.server.system.RandomIds;
import org.huiying.server.system.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer scored the service 1 or 2: the supervisors hear of it with the follow-up complaint it opened. */
@Component
class LowSatisfaction {

    static final String KIND = "LOW_SATISFACTION";

    private final EscalationRepository escalations;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LowSatisfaction(EscalationRepository escalations, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAnswered(SurveyAnswered answered) {
        if (answered.score() == null || answered.score() > 2 || answered.followUpTicketId() == null) {
            return;
        }
        String subject = "满意度 " + answered.score() + " 分" + (answered.comment() == null || answered.comment().isBlank() ? "" : "：" + answered.comment());
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, subject.length() > 200 ? subject.substring(0, 200) : subject,
                List.of(answered.ticketId(), answered.followUpTicketId()), Timestamps.now(clock));
        try {
            tx.executeWithoutResult(status -> escalations.insert(raised));
            events.publishEvent(raised);
        } catch (DuplicateKeyException alreadyRaised) {
            // one low-satisfaction escalation per ticket
        }
    }
}
