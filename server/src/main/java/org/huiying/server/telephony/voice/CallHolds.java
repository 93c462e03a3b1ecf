package org.huiying.server.telephony.voice;

import java.time.Clock;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The agent puts the caller on hold (they hear that they are held, and wait in the conference) and takes
 * them back, through the Conference Participants API. Holding a held caller, or resuming one who is not,
 * changes nothing. The time on hold is added up on the call; the SLA clocks do not stop for it.
 */
@Service
class CallHolds {

    private static final Logger log = LoggerFactory.getLogger(CallHolds.class);

    record Hold(String callSid, boolean held, long holdSeconds) {
    }

    private final VoiceCalls calls;
    private final HotlineLegs legs;
    private final Clock clock;

    CallHolds(VoiceCalls calls, HotlineLegs legs, Clock clock) {
        this.calls = calls;
        this.legs = legs;
        this.clock = clock;
    }

    Hold hold(String callSid, CurrentStaff me) {
        VoiceCalls.HotlineCall call = yours(callSid, me);
        if (!call.held()) {
            ask(call, true);
            calls.held(callSid, Timestamps.now(clock));
        }
        return state(callSid);
    }

    Hold resume(String callSid, CurrentStaff me) {
        VoiceCalls.HotlineCall call = yours(callSid, me);
        if (call.held()) {
            ask(call, false);
            calls.resumed(callSid, Timestamps.now(clock));
        }
        return state(callSid);
    }

    private void ask(VoiceCalls.HotlineCall call, boolean hold) {
        if (!legs.live()) {
            log.info("Dry run: hotline call {} {} without Twilio", call.callSid(), hold ? "held" : "resumed");
            return;
        }
        if (call.conferenceSid() == null) {
            throw ApiException.conflict("not_connected", "The call is not connected yet.");
        }
        try {
            legs.hold(call.conferenceSid(), call.callSid(), hold, VoiceTwiml.HoldReason.HOLD);
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Hotline call {}: {}", call.callSid(), e.getMessage());
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not " + (hold ? "hold" : "resume") + " the caller.");
        }
    }

    private Hold state(String callSid) {
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow();
        return new Hold(callSid, call.held(), call.holdSeconds());
    }

    private VoiceCalls.HotlineCall yours(String callSid, CurrentStaff me) {
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow(() -> ApiException.notFound("call"));
        if (!Long.valueOf(me.id()).equals(call.answeredBy())) {
            throw ApiException.conflict("not_your_call", "This call is not yours.");
        }
        if (call.ended()) {
            throw ApiException.conflict("call_ended", "The call is over.");
        }
        return call;
    }
}
