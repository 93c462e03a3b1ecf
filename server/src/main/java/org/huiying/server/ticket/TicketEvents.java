package org.huiying.server.ticket;

/**
 * The ticket feature's events, all published after the change was stored. Listeners that push
 * to people run after commit.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /** A ticket opened and waits in its queue. */
    public record TicketOpened(String ticketId, String conversationId) {
    }

    /** A ticket was given to a staff member. */
    public record TicketAssigned(String ticketId, long staffId, String conversationId) {
    }

    /** A ticket left a staff member's hands without being resolved (transfer). */
    public record TicketReleased(String ticketId, long staffId) {
    }

    /** A ticket was resolved; its SLA clock stopped. */
    public record TicketResolved(String ticketId, Long staffId) {
    }
}
