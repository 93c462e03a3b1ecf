package org.huiying.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the short-lived access token a staff member presents on REST and on the STOMP CONNECT
 * frame, and the refresh token that buys the next one. Token lifetimes follow the wall clock, not
 * the application clock (which tests move to drive SLA timers), because the decoder checks expiry
 * against the wall clock.
 */
@Component
public class StaffTokens {

    static final String ROLES_CLAIM = "roles";
    static final String VERSION_CLAIM = "ver";

    private final JwtEncoder encoder;
    private final RefreshTokens refreshTokens;
    private final SecurityProperties properties;
    private final Clock wallClock = Clock.systemUTC();

    StaffTokens(JwtEncoder encoder, RefreshTokens refreshTokens, SecurityProperties properties) {
        this.encoder = encoder;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
    }

    /** What a login or a refresh answers with. {@code expiresIn}: the access token's lifetime in seconds. */
    public record Issued(String token, String refreshToken, long expiresIn) {
    }

    /**
     * The subject is the staff id, so renaming a user never breaks a session; {@code tokenVersion}
     * is the account's current one, so a password change can revoke every token issued before it.
     */
    public Issued issue(long staffId, String username, Collection<String> roles, int tokenVersion) {
        Instant now = wallClock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("huiying")
                .subject(Long.toString(staffId))
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("username", username)
                .claim(ROLES_CLAIM, roles)
                .claim(VERSION_CLAIM, tokenVersion)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String access = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        String refresh = refreshTokens.create(staffId, tokenVersion, now.plus(properties.refreshTokenTtl()), now);
        return new Issued(access, refresh, properties.accessTokenTtl().toSeconds());
    }
}
