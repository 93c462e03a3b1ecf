package org.huiying.server.staff;

/** A staff member went online, away or offline (already stored). */
public record PresenceChanged(long staffId, Presence presence) {
}
