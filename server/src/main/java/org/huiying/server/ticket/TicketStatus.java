package org.huiying.server.ticket;

/** Where a ticket is in its life. OPEN means waiting in its queue for someone to take it. */
public enum TicketStatus {
    OPEN, ASSIGNED, WAITING_CUSTOMER, RESOLVED
}
