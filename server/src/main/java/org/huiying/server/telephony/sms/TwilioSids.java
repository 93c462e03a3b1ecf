package org.huiying.server.telephony.sms;

/** Twilio message SIDs: {@code SM…} for SMS, {@code MM…} for MMS, 34 characters. */
final class TwilioSids {

    private TwilioSids() {
    }

    static boolean isInboundMessageSid(String clientMessageId) {
        return clientMessageId != null && clientMessageId.length() == 34
                && (clientMessageId.startsWith("SM") || clientMessageId.startsWith("MM"));
    }
}
