package org.huiying.server.telephony.voice;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Twilio's callbacks about the calls around an answered caller. The conference's status callback names
 * the conference (its SID is what holding a participant needs). An agent's call that rang out or failed
 * before they picked up gives the caller back — to the queue, or, in a transfer, to the agent who asked
 * for it; the call of an agent who handed the caller over ending means they have left.
 */
@Service
class ConferenceEvents {

    private final VoiceCalls calls;
    private final CallAnswers answers;
    private final CallTransfers transfers;

    ConferenceEvents(VoiceCalls calls, CallAnswers answers, CallTransfers transfers) {
        this.calls = calls;
        this.answers = answers;
        this.transfers = transfers;
    }

    /** {@code callSid}: the caller's call, from our own (signed) query parameter. */
    void conference(Map<String, String> params, String callSid) {
        String conferenceSid = params.get("ConferenceSid");
        if (callSid != null && conferenceSid != null && !conferenceSid.isBlank()
                && VoiceTwiml.conferenceName(callSid).equals(params.get("FriendlyName"))) {
            calls.conference(callSid, conferenceSid);
        }
    }

    /** The status callback of the call placed to agent {@code staffId} for the caller's {@code callSid}. */
    void agentLeg(Map<String, String> params, String callSid, long staffId) {
        String leg = params.get("CallSid");
        CallStatus status = CallStatus.of(params.get("CallStatus")).orElse(null);
        if (callSid == null || leg == null || status == null) {
            return;
        }
        if (status.unanswered()) {
            calls.hotline(callSid).filter(c -> Long.valueOf(staffId).equals(c.answeredBy()) && leg.equals(c.agentLegSid()))
                    .ifPresent(call -> {
                        if (call.handedOverBy() != null) {
                            transfers.notConnected(callSid, staffId, leg);
                        } else {
                            answers.agentNotConnected(callSid, staffId, leg);
                        }
                    });
        } else if (status == CallStatus.COMPLETED) {
            transfers.handingOverAgentHungUp(callSid, leg);
        }
    }
}
