package org.huiying.server.telephony.voice;

import java.util.Map;
import org.huiying.server.web.ApiException;
import org.huiying.server.phone.PhoneNumbers;

/** The parameters Twilio posts with every request about a call we answer. */
record InboundCall(String callSid, String phone, String status, Map<String, String> params) {

    static InboundCall of(Map<String, String> params) {
        String sid = params.get("CallSid");
        String from = params.get("From");
        if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
            throw ApiException.badRequest("invalid_webhook", "CallSid and From are required");
        }
        return new InboundCall(sid, PhoneNumbers.identity(from), params.get("CallStatus"), params);
    }

    String param(String name) {
        return params.get(name);
    }
}
