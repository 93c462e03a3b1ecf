package org.huiying.server.ticket;

import org.huiying.routing.TicketType;

/**
 * The ticket feature's events, all published inside the transaction that stored the change;
 * listeners that push to people or start other work listen after commit.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /** A ticket opened and waits in its queue. */
    public record TicketOpened(String ticketId, String conversationId, TicketType type) {
    }

    /**
     * A ticket turned out to be a repeat visit: the same vehicle and system as {@code firstTicketId}
     * within the rework window.
     */
    public record ReworkDetected(String ticketId, String firstTicketId, long vehicleId, String vehicleModel) {
    }

    /** Staff corrected a ticket's type, category, skills or vehicle. */
    public record TicketReclassified(String ticketId, long byStaffId) {
    }

    /** A ticket entered a queue again (released, resumed, transferred to a queue). */
    public record TicketQueued(String ticketId) {
    }

    /**
     * A ticket was given to a staff member, who must answer by {@code answerDue}; {@code ticket} is the
     * ticket as that transaction left it. Carried here so the answer watch and the assignment push need
     * not read it back (the dispatcher reads all of a claim's tickets in one statement).
     */
    public record TicketAssigned(String ticketId, long staffId, String conversationId, java.time.Instant answerDue, Ticket ticket) {
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
