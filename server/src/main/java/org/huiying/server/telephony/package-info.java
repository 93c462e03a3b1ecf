/**
 * Twilio: the SMS channel ({@code sms/}: inbound webhook, outbox and worker, delivery status,
 * opt-out) and the voice channel ({@code voice/}), with what any Twilio channel needs —
 * signed-webhook checks against the public URL and the SDK's REST client pointed at the configured
 * API base URL. Other modules text customers through {@link org.huiying.server.telephony.sms.SmsSender},
 * the one type of {@code sms/} they may use (named interface {@code sms}).
 */
package org.huiying.server.telephony;
