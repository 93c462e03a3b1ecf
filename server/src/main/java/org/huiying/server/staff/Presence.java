package org.huiying.server.staff;

/** Whether a staff member takes new work right now. */
public enum Presence {
    ONLINE, AWAY, OFFLINE
}
