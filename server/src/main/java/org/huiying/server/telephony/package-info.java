/**
 * Twilio: the SMS channel ({@code sms/}: inbound webhook, outbox and worker, delivery status,
 * opt-out) and what any Twilio channel needs — signed-webhook checks against the public URL,
 * phone numbers in E.164, the SDK's REST client pointed at the configured API base URL.
 * Voice lives beside it in {@code voice/}.
 */
package org.huiying.server.telephony;
