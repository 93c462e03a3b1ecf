package org.huiying.server.gateway;

import org.huiying.server.survey.Surveys;
import org.springframework.stereotype.Component;

/** Where a chat customer's {@code rating} frame goes: the survey awaiting their answer, if any. */
@Component
class Ratings {

    private final Surveys surveys;

    Ratings(Surveys surveys) {
        this.surveys = surveys;
    }

    /** False when no survey awaits this conversation's answer. */
    boolean rate(String conversationId, int score, String comment) {
        return surveys.rate(conversationId, score, comment);
    }
}
