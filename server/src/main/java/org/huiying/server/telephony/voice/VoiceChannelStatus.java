package org.huiying.server.telephony.voice;

import org.springframework.stereotype.Component;

/** Whether the browser softphone can be used (API key, secret and TwiML app set), for the admin's channel status. */
@Component
public class VoiceChannelStatus {

    private final VoiceAccessProperties access;

    VoiceChannelStatus(VoiceAccessProperties access) {
        this.access = access;
    }

    public boolean softphoneConfigured() {
        return access.configured();
    }
}
