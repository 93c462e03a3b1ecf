package org.huiying.server.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated staff member behind a request or a STOMP session. */
public record CurrentStaff(long id, Set<String> roles) {

    public static CurrentStaff of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentStaff(Long.parseLong(authentication.getName()), roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
