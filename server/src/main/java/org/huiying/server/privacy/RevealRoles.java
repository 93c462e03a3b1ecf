package org.huiying.server.privacy;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The reveal's roles are configured ({@code huiying.privacy.reveal-roles}), so its {@code @PreAuthorize} asks
 * here: {@code @revealRoles.include(authentication)}.
 */
@Component("revealRoles")
class RevealRoles {

    private final PrivacyProperties privacy;

    RevealRoles(PrivacyProperties privacy) {
        this.privacy = privacy;
    }

    public boolean include(Authentication caller) {
        Set<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
        return privacy.mayReveal(roles);
    }
}
