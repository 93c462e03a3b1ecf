package org.huiying.routing;

/** What a ticket is about; each type has its own SLA policy. */
public enum TicketType {
    INQUIRY, COMPLAINT, APPOINTMENT, TECH_SUPPORT, CALLBACK,
    /** A vehicle stranded on the road (抛锚, 趴窝): top priority, help on site within the resolution target. */
    ROADSIDE
}
