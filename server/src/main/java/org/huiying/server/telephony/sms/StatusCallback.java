package org.huiying.server.telephony.sms;

import java.util.Map;

/** Twilio's message status callback: which message, its new status, and the error code if it failed. */
record StatusCallback(Long outboxId, String messageSid, String status, String errorCode) {

    static StatusCallback of(Map<String, String> params, Long outboxId) {
        String sid = params.get("MessageSid") != null ? params.get("MessageSid") : params.get("SmsSid");
        String status = params.get("MessageStatus") != null ? params.get("MessageStatus") : params.get("SmsStatus");
        return new StatusCallback(outboxId, sid, status, params.get("ErrorCode"));
    }
}
