package org.huiying.server.telephony.voice;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What a caller in line hears (the Enqueue wait URL, requested again each time it finishes):
 * how many are ahead. One who has waited past {@code huiying.voice.max-wait} leaves the queue
 * and, through the Enqueue action, is offered a callback instead.
 */
@Service
class QueueAnnouncements {

    private final VoiceTwiml twiml;
    private final CallbackOffers offers;
    private final VoiceProperties voice;
    private final CallOffers dispatcher;

    QueueAnnouncements(VoiceTwiml twiml, CallbackOffers offers, VoiceProperties voice, CallOffers dispatcher) {
        this.dispatcher = dispatcher;
        this.twiml = twiml;
        this.offers = offers;
        this.voice = voice;
    }

    String waiting(Map<String, String> params) {
        long waited = number(params.get("QueueTime"));
        if (waited > voice.maxWait().toSeconds()) {
            return twiml.leaveQueue();
        }
        long ahead = Math.max(0, number(params.get("QueuePosition")) - 1);
        return twiml.waiting(ahead == 0 ? twiml.prompt("queue.next") : twiml.prompt("queue.position", Map.of("position", ahead)));
    }

    /** The Enqueue action: an agent took the call, or the caller hung up — or they left the line and get the offer. */
    String left(Map<String, String> params, String ticket) {
        String result = params.getOrDefault("QueueResult", "");
        if (!"bridged".equals(result) && !"redirected".equals(result)) {
            left(params.get("CallSid"), "hangup".equals(result) ? VoiceCalls.DequeueReason.HANGUP : VoiceCalls.DequeueReason.CALLBACK_OFFER);
        }
        return switch (result) {
            case "bridged", "hangup", "redirected" -> twiml.empty();
            default -> offers.offer("offer.busy", ticket);
        };
    }

    /** Hung up or left for the callback offer: no longer waiting for a person, no longer offered. */
    private void left(String callSid, VoiceCalls.DequeueReason reason) {
        if (callSid != null && !callSid.isBlank()) {
            dispatcher.callerLeft(callSid, reason);
        }
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
