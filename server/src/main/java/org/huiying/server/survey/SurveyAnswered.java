package org.huiying.server.survey;

/** A customer answered a survey (stored). {@code followUpTicketId} is set when a low score opened one. */
public record SurveyAnswered(String ticketId, Integer score, String comment, String followUpTicketId) {
}
