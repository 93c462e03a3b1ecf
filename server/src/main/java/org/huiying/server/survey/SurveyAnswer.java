package org.huiying.server.survey;

/** A customer's answer: a score of 1–5 and whatever else they wrote (may be empty). */
record SurveyAnswer(int score, String comment) {

    boolean satisfied() {
        return score >= 4;
    }
}
