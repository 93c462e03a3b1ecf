package org.huiying.server.staff;

import java.util.Set;

/** A staff account as shown over the API: never the password hash. */
record StaffView(long id, String username, String displayName, Set<Role> roles, Set<String> skills,
                 int maxConcurrent, Presence presence, boolean disabled) {

    static StaffView of(Staff s) {
        return new StaffView(s.id(), s.username(), s.displayName(), s.roles(), s.skills(), s.maxConcurrent(), s.presence(), s.disabled());
    }
}
