package org.huiying.server.staff;

/** What a staff member may do. {@code RND} (研发): R&D engineers, who work the escalations routed to R&D. */
public enum Role {
    AGENT, EXPERT, SUPERVISOR, ADMIN, TECHNICIAN, RND
}
