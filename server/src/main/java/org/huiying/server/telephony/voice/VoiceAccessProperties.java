package org.huiying.server.telephony.voice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console's softphone needs to register with Twilio ({@code huiying.twilio.*}, beside the REST
 * credentials): an API key and its secret to sign access tokens, and the TwiML app its outgoing calls use.
 * Without all three (and the account SID) there is no browser phone: {@code 503 voice_not_configured}.
 */
@ConfigurationProperties("huiying.twilio")
record VoiceAccessProperties(String accountSid, String apiKey, String apiSecret, String twimlAppSid) {

    boolean configured() {
        return present(accountSid) && present(apiKey) && present(apiSecret) && present(twimlAppSid);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The secret signs tokens: never in a log line. */
    @Override
    public String toString() {
        return "VoiceAccessProperties[accountSid=" + accountSid + ", apiKey=" + apiKey + ", apiSecret="
                + (present(apiSecret) ? "***" : "unset") + ", twimlAppSid=" + twimlAppSid + "]";
    }
}
