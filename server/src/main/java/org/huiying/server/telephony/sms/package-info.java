/**
 * The SMS channel. Inbound: {@code POST /twilio/sms} (signed) stores the text in the customer's SMS
 * conversation, deduplicated by MessageSid, then answers with empty TwiML. Outbound: any staff or
 * system message on an SMS conversation is written to the outbox in the transaction that stores it
 * ({@link org.huiying.server.telephony.sms.OutboundSms}) and sent by the
 * {@link org.huiying.server.telephony.sms.OutboxWorker}; {@code POST /twilio/status} moves its
 * delivery state forward. Opted-out numbers get nothing. Other features send through
 * {@link org.huiying.server.telephony.sms.SmsSender}.
 */
package org.huiying.server.telephony.sms;
