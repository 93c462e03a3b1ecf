package org.huiying.server.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** Whether a signed, unexpired staff token still stands (not revoked by a password change or disabling). */
@FunctionalInterface
public interface TokenRevocation {

    boolean isCurrent(Jwt jwt);
}
