package org.huiying.server.escalation;

import java.time.Clock;
import java.util.List;
import org.huiying.server.survey.SurveyAnswered;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A customer scored the service 1 or 2: the supervisors hear of it with the follow-up complaint it opened. */
@Component
class LowSatisfaction {

    static final String KIND = "LOW_SATISFACTION";

    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LowSatisfaction(Escalations escalations, ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the answer's transaction, so the escalation is stored with the answer and its follow-up or
     * not at all; supervisors are told once it is committed (told earlier, a console reading the
     * escalations could miss it).
     */
    @EventListener
    void onAnswered(SurveyAnswered answered) {
        if (answered.score() == null || answered.score() > 2 || answered.followUpTicketId() == null) {
            return;
        }
        if (escalations.counts(KIND, answered.ticketId())) {
            return; // one low-satisfaction escalation per ticket
        }
        String subject = "满意度 " + answered.score() + " 分" + (answered.comment() == null || answered.comment().isBlank() ? "" : "：" + answered.comment());
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, subject.length() > 200 ? subject.substring(0, 200) : subject,
                List.of(answered.ticketId(), answered.followUpTicketId()), Timestamps.now(clock));
        escalations.raise(raised);
        AfterCommit.run(() -> events.publishEvent(raised));
    }
}
