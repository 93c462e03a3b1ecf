package org.huiying.server.staff;

/** What a staff member may do. */
public enum Role {
    AGENT, EXPERT, SUPERVISOR, ADMIN, TECHNICIAN
}
