package org.huiying.server.telephony.voice;

import org.huiying.server.callback.CallbackCalls;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.telephony.TwilioClient;
import org.huiying.server.telephony.TwilioProperties;
import org.springframework.stereotype.Component;

/** The callback queue's one click, through the Calls API when an account and a number to call from are configured. */
@Component
class VoiceCallbackCalls implements CallbackCalls {

    private final CallbackDialer dialer;
    private final TwilioClient client;
    private final TwilioProperties twilio;

    VoiceCallbackCalls(CallbackDialer dialer, TwilioClient client, TwilioProperties twilio) {
        this.dialer = dialer;
        this.client = client;
        this.twilio = twilio;
    }

    @Override
    public boolean canCall() {
        return client.rest().isPresent() && twilio.from() != null;
    }

    @Override
    public String place(String taskId, CurrentStaff me) {
        return dialer.call(taskId, me).callSid();
    }
}
