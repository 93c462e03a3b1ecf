package org.huiying.server.telephony.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.huiying.server.telephony.PublicBaseUrl;
import org.huiying.server.telephony.TwilioClient;
import org.huiying.server.telephony.TwilioProperties;
import org.springframework.stereotype.Component;

/** Twilio's Messages API through the SDK: send one SMS, or look for one sent earlier. */
@Component
class TwilioMessages {

    /** The recipient replied STOP to Twilio: Twilio will not deliver to them. */
    static final int OPTED_OUT = 21610;
    /** How many of the number's latest messages to look through for a lost attempt. */
    private static final int RECENT = 20;

    private final TwilioClient client;
    private final TwilioProperties twilio;
    private final PublicBaseUrl publicBase;

    TwilioMessages(TwilioClient client, TwilioProperties twilio, PublicBaseUrl publicBase) {
        this.client = client;
        this.twilio = twilio;
        this.publicBase = publicBase;
    }

    record Accepted(String sid, String status) {
    }

    /** Why a send did not go through, and whether trying again can help. */
    static final class SendFailure extends RuntimeException {

        enum Kind { TRANSIENT, OPTED_OUT, PERMANENT }

        final Kind kind;
        /** No answer, or a 5xx: Twilio may have taken the message all the same. */
        final boolean mayHaveArrived;

        SendFailure(Kind kind, boolean mayHaveArrived, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
            this.mayHaveArrived = mayHaveArrived;
        }
    }

    Accepted send(OutboxRow row) {
        TwilioRestClient rest = client.rest().orElseThrow(() -> new IllegalStateException("no Twilio account configured"));
        MessageCreator creator = twilio.messagingServiceSid() != null
                ? Message.creator(new PhoneNumber(row.toPhone()), twilio.messagingServiceSid(), row.body())
                : Message.creator(new PhoneNumber(row.toPhone()), new PhoneNumber(twilio.from()), row.body());
        String callback = publicBase.of("/twilio/status?outbox=" + row.id());
        if (callback != null) {
            creator.setStatusCallback(callback);
        }
        try {
            Message sent = creator.create(rest);
            return new Accepted(sent.getSid(), sent.getStatus() == null ? null : sent.getStatus().toString());
        } catch (ApiException e) {
            throw classify(e);
        } catch (RuntimeException e) {
            throw new SendFailure(SendFailure.Kind.TRANSIENT, true, "Twilio unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * A message to this number with this body that Twilio already has, created on or after
     * {@code since} and not already ours ({@code unclaimed} tells): the trace of an attempt whose
     * outcome we never recorded. An identical text sent earlier is not mistaken for it.
     */
    Optional<String> findSent(String to, String body, Instant since, Predicate<String> unclaimed) {
        TwilioRestClient rest = client.rest().orElseThrow();
        Instant from = since.minusSeconds(60);
        try {
            // newest first; not filtered by DateSent, which a still-queued message does not have yet
            var recent = Message.reader().setTo(new PhoneNumber(to)).setPageSize((long) RECENT).read(rest).setLimit(RECENT);
            for (Message m : recent) {
                boolean recentEnough = m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(from);
                if (recentEnough && body.equals(m.getBody()) && unclaimed.test(m.getSid())) {
                    return Optional.of(m.getSid());
                }
            }
            return Optional.empty();
        } catch (ApiException e) {
            throw classify(e);
        } catch (RuntimeException e) {
            throw new SendFailure(SendFailure.Kind.TRANSIENT, true, "Twilio unreachable: " + e.getMessage(), e);
        }
    }

    /** No HTTP status: the request may not have arrived (I/O). 429 and 5xx: Twilio asks us to come back. */
    private static SendFailure classify(ApiException e) {
        Integer http = e.getStatusCode();
        String what = "Twilio " + (http == null ? "I/O error" : http) + (e.getCode() == null ? "" : " error " + e.getCode())
                + ": " + e.getMessage();
        if (http == null || http >= 500) {
            return new SendFailure(SendFailure.Kind.TRANSIENT, true, what, e);
        }
        if (http == 429) {
            return new SendFailure(SendFailure.Kind.TRANSIENT, false, what, e);
        }
        if (e.getCode() != null && e.getCode() == OPTED_OUT) {
            return new SendFailure(SendFailure.Kind.OPTED_OUT, false, what, e);
        }
        return new SendFailure(SendFailure.Kind.PERMANENT, false, what, e);
    }
}
