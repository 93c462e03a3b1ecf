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

/** Issues the bearer token a staff member presents on REST and on the STOMP CONNECT frame. */
@Component
public class StaffTokens {

    static final String ROLES_CLAIM = "roles";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final SecurityProperties properties;

    StaffTokens(JwtEncoder encoder, Clock clock, SecurityProperties properties) {
        this.encoder = encoder;
        this.clock = clock;
        this.properties = properties;
    }

    /** The subject is the staff id, so renaming a user never breaks a session. */
    public String issue(long staffId, String username, Collection<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("huiying")
                .subject(Long.toString(staffId))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim("username", username)
                .claim(ROLES_CLAIM, roles)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
