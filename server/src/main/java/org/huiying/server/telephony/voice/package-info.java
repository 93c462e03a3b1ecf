/**
 * The voice hotline through Twilio: the Mandarin menu (IVR) and its follow-up webhooks, one voice
 * conversation per caller number, the ticket a menu choice opens or joins, the queue or — when
 * nobody can answer soon — a callback or voicemail, the calls placed to keep callbacks, and call
 * status callbacks. Everything spoken comes from admin-editable Chinese prompts; all TwiML is
 * built with the Twilio SDK.
 */
package org.huiying.server.telephony.voice;
