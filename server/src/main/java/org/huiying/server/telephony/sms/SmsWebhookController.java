package org.huiying.server.telephony.sms;

import com.twilio.twiml.MessagingResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.huiying.server.security.PublicEndpoint;
import org.huiying.server.telephony.TwilioSignatures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's SMS webhooks. Thin: check the signature (403, nothing stored, when it does not match),
 * hand the parameters to one service, answer at once. The answer is empty TwiML: replies go out
 * through the outbox, never inline, so they are durable and retried.
 */
@RestController
@PublicEndpoint
class SmsWebhookController {

    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    private static final String EMPTY_TWIML = new MessagingResponse.Builder().build().toXml();

    private final TwilioSignatures signatures;
    private final IncomingSmsService incoming;
    private final StatusCallbacks statuses;

    SmsWebhookController(TwilioSignatures signatures, IncomingSmsService incoming, StatusCallbacks statuses) {
        this.signatures = signatures;
        this.incoming = incoming;
        this.statuses = statuses;
    }

    @PostMapping(path = "/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> incoming(HttpServletRequest request) {
        Map<String, String> params = signatures.verifiedParameters(request);
        incoming.receive(InboundSms.of(params));
        return ResponseEntity.ok().contentType(XML).body(EMPTY_TWIML);
    }

    /** {@code outbox} is our own query parameter on the callback URL (signed with it), naming the outbox row. */
    @PostMapping(path = "/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request, @RequestParam(name = "outbox", required = false) Long outboxId) {
        Map<String, String> params = signatures.verifiedParameters(request);
        statuses.apply(StatusCallback.of(params, outboxId));
        return ResponseEntity.noContent().build();
    }
}
