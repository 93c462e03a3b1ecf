package org.huiying.server.staff;

import java.time.Instant;
import java.util.Set;

/** A staff account as stored. */
public record Staff(long id, String username, String passwordHash, String displayName, Set<Role> roles,
                    Set<String> skills, int maxConcurrent, Presence presence, Instant lastAssignedAt,
                    int tokenVersion, boolean disabled) {

    public Set<String> roleNames() {
        return roles.stream().map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
