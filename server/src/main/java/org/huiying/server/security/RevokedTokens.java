package org.huiying.server.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses a signed, unexpired token whose account is gone, disabled, or has changed its password
 * since (the token's {@code ver} is older than the account's). Runs inside the JWT decoder, so REST
 * and STOMP CONNECT both get it; STOMP asks again on every SEND and SUBSCRIBE of an open session.
 * One primary-key lookup per request buys immediate revocation without a deny-list.
 */
@Component
class RevokedTokens implements OAuth2TokenValidator<Jwt>, TokenRevocation {

    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked.", null);

    private final TokenVersions versions;

    RevokedTokens(TokenVersions versions) {
        this.versions = versions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return isCurrent(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
    }

    @Override
    public boolean isCurrent(Jwt jwt) {
        Object version = jwt.getClaims().get(StaffTokens.VERSION_CLAIM);
        long staffId;
        try {
            staffId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return false;
        }
        if (!(version instanceof Number number)) {
            return false;
        }
        return versions.isCurrent(staffId, number.intValue());
    }
}
