package org.huiying.server.telephony.voice;

import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VoiceGrant;
import java.time.Duration;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Access tokens for the console's softphone: a Voice grant for one agent, valid for an hour at most. */
@Component
class VoiceTokens {

    static final Duration TTL = Duration.ofHours(1);

    record Token(String token, String identity, long expiresInSeconds) {
    }

    private final VoiceAccessProperties access;

    VoiceTokens(VoiceAccessProperties access) {
        this.access = access;
    }

    Token issue(CurrentStaff me) {
        if (!me.has("AGENT") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only agents and experts take hotline calls.");
        }
        if (!access.configured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "voice_not_configured",
                    "The browser phone needs huiying.twilio.api-key, api-secret and twiml-app-sid.");
        }
        String identity = identityOf(me.id());
        VoiceGrant grant = new VoiceGrant();
        grant.setOutgoingApplicationSid(access.twimlAppSid());
        grant.setIncomingAllow(true);
        String jwt = new AccessToken.Builder(access.accountSid(), access.apiKey(), access.apiSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .identity(identity).ttl((int) TTL.toSeconds()).grant(grant).build().toJwt();
        return new Token(jwt, identity, TTL.toSeconds());
    }

    /** The softphone's client name: the staff id, so a bridged call reaches exactly that agent. */
    static String identityOf(long staffId) {
        return Long.toString(staffId);
    }
}
