package org.huiying.server.ticket;

/**
 * The ticket feature's events, all published inside the transaction that stored the change;
 * listeners that push to people or start other work listen after commit.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /** A ticket opened and waits in its queue. */
    public record TicketOpened(String ticketId, String conversationId) {
    }

    /** A ticket entered a queue again (released, resumed, transferred to a queue). */
    public record TicketQueued(String ticketId) {
    }

    /**
     * A ticket was given to a staff member, who must answer by {@code answerDue} (carried here so
     * the answer watch need not read the ticket back).
     */
    public record TicketAssigned(String ticketId, long staffId, String conversationId, java.time.Instant answerDue) {
    }

    /** A ticket left a staff member's hands unresolved: transferred, unanswered in time, or they went offline. */
    public record TicketReleased(String ticketId, long staffId, String reason) {
    }

    /** A ticket was resolved; its SLA clock stopped. */
    public record TicketResolved(String ticketId, Long staffId) {
    }

    /** A ticket's SLA clock changed (opened, answered, paused, resumed, resolved). */
    public record SlaClockChanged(String ticketId) {
    }
}
