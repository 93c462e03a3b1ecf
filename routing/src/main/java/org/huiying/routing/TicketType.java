package org.huiying.routing;

/** What a ticket is about; each type has its own SLA policy. */
public enum TicketType {
    INQUIRY, COMPLAINT, APPOINTMENT, TECH_SUPPORT, CALLBACK
}
