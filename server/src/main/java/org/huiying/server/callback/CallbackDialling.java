package org.huiying.server.callback;

import org.huiying.server.security.CurrentStaff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The console's one click on a callback: through the voice channel when it can call out, else marked as
 * dialled by the agent themselves. The task is marked first, in its own transaction, and the channel asked
 * after the commit (nothing is held open while the provider answers); a call the channel refuses leaves the
 * task as it was.
 */
@Service
class CallbackDialling {

    static final String VOICE = "VOICE";
    static final String MANUAL = "MANUAL";

    /** The task after the click, how it is being called, and the voice call's id. */
    record Dialled(CallbackTask task, String via, String callSid) {
    }

    private final Callbacks callbacks;
    private final ObjectProvider<CallbackCalls> calls;

    CallbackDialling(Callbacks callbacks, ObjectProvider<CallbackCalls> calls) {
        this.callbacks = callbacks;
        this.calls = calls;
    }

    Dialled dial(String id, CurrentStaff me) {
        CallbackCalls voice = calls.getIfAvailable();
        boolean byVoice = voice != null && voice.canCall();
        CallbackTask before = callbacks.markDialled(id, byVoice ? VOICE : MANUAL, me);
        if (!byVoice) {
            return new Dialled(callbacks.get(id, me), MANUAL, null);
        }
        String callSid;
        try {
            callSid = voice.place(id, me);
        } catch (RuntimeException refused) {
            callbacks.unmarkDialled(before);
            throw refused;
        }
        return new Dialled(callbacks.get(id, me), VOICE, callSid);
    }
}
