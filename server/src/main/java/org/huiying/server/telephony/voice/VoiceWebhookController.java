package org.huiying.server.telephony.voice;

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
 * Twilio's voice webhooks: the number's Voice URL, the menu's follow-up URLs, the fallback URL and
 * call status callbacks. Thin: every request is signature-checked first (403, nothing changes,
 * when it does not match), then handed to one service whose TwiML is the answer.
 * {@code attempt} and {@code ticket} are our own query parameters, signed with the URL.
 */
@RestController
@PublicEndpoint
class VoiceWebhookController {

    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final TwilioSignatures signatures;
    private final IncomingCalls incoming;
    private final CallbackOffers offers;
    private final QueueAnnouncements queue;
    private final CallStatuses statuses;
    private final ConferenceEvents conferences;
    private final VoiceTwiml twiml;

    VoiceWebhookController(TwilioSignatures signatures, IncomingCalls incoming, CallbackOffers offers,
                           QueueAnnouncements queue, CallStatuses statuses, ConferenceEvents conferences, VoiceTwiml twiml) {
        this.conferences = conferences;
        this.twiml = twiml;
        this.signatures = signatures;
        this.incoming = incoming;
        this.offers = offers;
        this.queue = queue;
        this.statuses = statuses;
    }

    @PostMapping(path = "/twilio/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> call(HttpServletRequest request) {
        return xml(incoming.answer(InboundCall.of(signatures.verifiedParameters(request))));
    }

    @PostMapping(path = "/twilio/voice/menu", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> menu(HttpServletRequest request, @RequestParam(defaultValue = "1") int attempt) {
        return xml(incoming.choose(InboundCall.of(signatures.verifiedParameters(request)), attempt));
    }

    @PostMapping(path = "/twilio/voice/callback-offer", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> callbackOffer(HttpServletRequest request, @RequestParam(required = false) String ticket,
                                         @RequestParam(defaultValue = "1") int attempt) {
        return xml(offers.choose(InboundCall.of(signatures.verifiedParameters(request)), ticket, attempt));
    }

    @PostMapping(path = "/twilio/voice/recording", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> recording(HttpServletRequest request, @RequestParam(required = false) String ticket) {
        return xml(offers.recorded(InboundCall.of(signatures.verifiedParameters(request)), ticket));
    }

    @PostMapping(path = "/twilio/voice/call-recording", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> callRecording(HttpServletRequest request, @RequestParam(required = false) String ticket) {
        offers.callRecorded(signatures.verifiedParameters(request), ticket);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/twilio/voice/transcription", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> transcription(HttpServletRequest request, @RequestParam(required = false) String ticket) {
        offers.transcribed(InboundCall.of(signatures.verifiedParameters(request)), ticket);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/twilio/voice/queue-wait", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> queueWait(HttpServletRequest request) {
        return xml(queue.waiting(signatures.verifiedParameters(request)));
    }

    @PostMapping(path = "/twilio/voice/queue-exit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> queueExit(HttpServletRequest request, @RequestParam(required = false) String ticket) {
        return xml(queue.left(signatures.verifiedParameters(request), ticket));
    }

    /** The number's fallback URL: Twilio comes here when the Voice URL failed. An apology, and the callback offer. */
    @PostMapping(path = "/twilio/voice/fallback", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> fallback(HttpServletRequest request) {
        signatures.verifiedParameters(request);
        return xml(offers.offer("fallback", null));
    }

    @PostMapping(path = "/twilio/voice/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request) {
        Map<String, String> params = signatures.verifiedParameters(request);
        statuses.apply(params);
        return ResponseEntity.noContent().build();
    }

    /** The status callback of an answered caller's conference ({@code call}: the caller's CallSid, ours). */
    @PostMapping(path = "/twilio/voice/conference", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> conference(HttpServletRequest request, @RequestParam(required = false) String call) {
        conferences.conference(signatures.verifiedParameters(request), call);
        return ResponseEntity.noContent().build();
    }

    /** The status callback of a call placed to an agent ({@code staff}) for the caller's {@code call}. */
    @PostMapping(path = "/twilio/voice/agent-leg", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> agentLeg(HttpServletRequest request, @RequestParam(required = false) String call,
                                  @RequestParam(defaultValue = "0") long staff) {
        conferences.agentLeg(signatures.verifiedParameters(request), call, staff);
        return ResponseEntity.noContent().build();
    }

    /** What a caller waiting in their conference hears: being connected, on hold, being transferred. */
    @PostMapping(path = "/twilio/voice/hold", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> hold(HttpServletRequest request, @RequestParam(name = "for", defaultValue = "hold") String reason) {
        signatures.verifiedParameters(request);
        VoiceTwiml.HoldReason why = java.util.Arrays.stream(VoiceTwiml.HoldReason.values())
                .filter(r -> r.name().equalsIgnoreCase(reason)).findFirst().orElse(VoiceTwiml.HoldReason.HOLD);
        return xml(twiml.onHold(why));
    }

    private static ResponseEntity<String> xml(String twiml) {
        return ResponseEntity.ok().contentType(XML).body(twiml);
    }
}
