package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.huiying.server.callback.CallerCallbacks;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.Timestamps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twilio's call status callbacks. Each (CallSid, status) counts once, and a call only moves
 * forward, so repeats and late arrivals change nothing. A callback call that is answered keeps
 * its task's promise; one nobody answers is tried again later, up to the task's last attempt.
 */
@Service
class CallStatuses {

    private final VoiceCalls calls;
    private final CallerCallbacks callbacks;
    private final CallOffers dispatcher;
    private final CallWrapUps wrapUps;
    private final Clock clock;

    CallStatuses(VoiceCalls calls, CallerCallbacks callbacks, CallOffers dispatcher, CallWrapUps wrapUps, Clock clock) {
        this.wrapUps = wrapUps;
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Transactional
    public void apply(Map<String, String> params) {
        String sid = params.get("CallSid");
        CallStatus status = CallStatus.of(params.get("CallStatus")).orElse(null);
        if (sid == null || sid.isBlank() || status == null) {
            return;
        }
        Instant now = Timestamps.now(clock);
        if (!calls.firstReport(sid, status, now) || !calls.advance(sid, status, now)) {
            return;
        }
        if (status.rank >= CallStatus.COMPLETED.rank) {
            dispatcher.callerLeft(sid, VoiceCalls.DequeueReason.HANGUP); // only while still waiting: abandoned
            calls.resumed(sid, now); // hung up on hold: that time counts too
            calls.ended(sid, now);
            wrapUps.callEnded(sid, now);
            AfterCommit.run(dispatcher::wake); // an agent's voice seat may be free again, once this commits
        }
        calls.find(sid).map(VoiceCalls.OutboundCall::callbackTaskId).ifPresent(task -> {
            if (status.answered()) {
                callbacks.answered(task, "回电已接通（" + sid + "）");
            } else if (status.unanswered()) {
                callbacks.unanswered(task, "回电未接通：" + status.wire() + "（" + sid + "）");
            }
        });
    }
}
