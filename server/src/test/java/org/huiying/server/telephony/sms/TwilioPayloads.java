package org.huiying.server.telephony.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.huiying.server.support.TwilioStandIn;

/** Webhook parameters shaped like the ones Twilio really posts. */
public final class TwilioPayloads {

    static final String HOTLINE = TwilioStandIn.FROM;
    private static final AtomicLong SIDS = new AtomicLong(0x5eed00L);

    private TwilioPayloads() {
    }

    public static String newMessageSid() {
        return String.format("SM%032x", SIDS.incrementAndGet());
    }

    /** An incoming SMS from a Chinese mobile number to the hotline. */
    public static Map<String, String> incomingSms(String messageSid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("ToState", "CA");
        p.put("SmsMessageSid", messageSid);
        p.put("NumMedia", "0");
        p.put("ToCity", "");
        p.put("FromZip", "");
        p.put("SmsSid", messageSid);
        p.put("FromState", "");
        p.put("SmsStatus", "received");
        p.put("FromCity", "");
        p.put("Body", body);
        p.put("FromCountry", "CN");
        p.put("To", HOTLINE);
        p.put("ToZip", "");
        p.put("NumSegments", "1");
        p.put("MessageSid", messageSid);
        p.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** An MMS with photos: Twilio adds NumMedia, MediaUrlN and MediaContentTypeN. */
    static Map<String, String> incomingMms(String messageSid, String from, String body, String... mediaUrls) {
        Map<String, String> p = incomingSms(messageSid, from, body);
        p.put("NumMedia", Integer.toString(mediaUrls.length));
        for (int i = 0; i < mediaUrls.length; i++) {
            p.put("MediaUrl" + i, mediaUrls[i]);
            p.put("MediaContentType" + i, "image/jpeg");
        }
        return p;
    }

    /** A status callback for an outbound message. */
    static Map<String, String> status(String messageSid, String to, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SmsSid", messageSid);
        p.put("SmsStatus", status);
        p.put("MessageStatus", status);
        p.put("To", to);
        p.put("MessageSid", messageSid);
        p.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        p.put("From", HOTLINE);
        p.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }
}
