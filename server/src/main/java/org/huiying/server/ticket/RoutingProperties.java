package org.huiying.server.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.routing.*}.
 *
 * @param answerWithin    an assignee who has not answered by then loses the ticket to the queue
 * @param ageingStep      every step waited raises a queued ticket's priority by one
 * @param repeatThreshold how many same technical problems make an R&D escalation
 * @param repeatWindow    how far back those problems are counted
 * @param sweepEvery      how often overdue answer deadlines are looked up in the database, behind
 *                        the timers (a restart or a jump of the wall clock never strands a ticket)
 * @param passGap         the least time between the starts of two dispatch passes: under load the
 *                        requests of that time (each opened or resolved ticket asks for one) share one
 *                        read of the queue instead of one each
 * @param reworkWindow    a complaint about a vehicle and system seen within this long is a repeat visit
 */
@ConfigurationProperties("huiying.routing")
public record RoutingProperties(Duration answerWithin, Duration ageingStep, int repeatThreshold, Duration repeatWindow,
                                Duration sweepEvery, Duration passGap, Duration reworkWindow) {

    public RoutingProperties {
        answerWithin = answerWithin == null ? Duration.ofMinutes(3) : answerWithin;
        ageingStep = ageingStep == null ? Duration.ofMinutes(10) : ageingStep;
        repeatThreshold = repeatThreshold <= 0 ? 3 : repeatThreshold;
        repeatWindow = repeatWindow == null ? Duration.ofDays(30) : repeatWindow;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        passGap = passGap == null ? Duration.ofMillis(50) : passGap;
        reworkWindow = reworkWindow == null ? Duration.ofDays(30) : reworkWindow;
    }
}
