package org.huiying.server.telephony.voice;

import com.twilio.rest.api.v2010.account.Call;
import java.time.Clock;
import java.time.Instant;
import org.huiying.server.privacy.LogSafe;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.storage.Timestamps;
import java.util.Optional;
import org.huiying.server.staff.StaffPhones;
import org.huiying.server.telephony.TwilioClient;
import org.huiying.server.telephony.TwilioProperties;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent answers the caller offered to them: exactly one agent wins a caller (the call's row says who,
 * set by a conditional update), the ticket becomes theirs with its first response recorded, and only
 * then is the caller's live call redirected through the Calls API to TwiML that dials the agent's
 * softphone, or their own phone. Should Twilio refuse, the caller is given back to the queue.
 */
@Service
class CallAnswers {

    private static final Logger log = LoggerFactory.getLogger(CallAnswers.class);

    /** What the console gets back: which call and ticket, and the softphone identity the call now rings. */
    record Answered(String callSid, String ticketId, String identity, String via, boolean bridged) {
    }

    private final VoiceCalls calls;
    private final VoiceOffers offers;
    private final CallOffers dispatcher;
    private final Tickets tickets;
    private final VoiceTwiml twiml;
    private final TwilioClient client;
    private final TransactionTemplate tx;
    private final VoiceProperties voice;
    private final VoiceAccessProperties access;
    private final StaffPhones phones;
    private final TwilioProperties twilio;
    private final Clock clock;

    CallAnswers(VoiceCalls calls, VoiceOffers offers, CallOffers dispatcher, Tickets tickets, VoiceTwiml twiml,
                TwilioClient client, TransactionTemplate tx, VoiceProperties voice, VoiceAccessProperties access,
                StaffPhones phones, TwilioProperties twilio, Clock clock) {
        this.access = access;
        this.phones = phones;
        this.twilio = twilio;
        this.voice = voice;
        this.calls = calls;
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.twiml = twiml;
        this.client = client;
        this.tx = tx;
        this.clock = clock;
    }

    /** How the agent takes the call: the browser softphone, or their own phone ({@code null}: whichever they have). */
    enum Via { BROWSER, PHONE }

    Answered answer(String callSid, Via requested, CurrentStaff me) {
        Optional<String> ownPhone = phones.phoneOf(me.id());
        if (requested == Via.PHONE && ownPhone.isEmpty()) {
            throw ApiException.badRequest("no_phone", "Set your phone first (PUT /api/staff/me/phone), or answer in the browser.");
        }
        Via via = requested != null ? requested : access.configured() || ownPhone.isEmpty() ? Via.BROWSER : Via.PHONE;
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow(() -> ApiException.notFound("call"));
        if (call.answeredBy() != null) {
            throw ApiException.conflict("already_answered", "Another agent has answered this caller.");
        }
        if (call.endedAt() != null || call.dequeuedAt() != null || call.ticketId() == null) {
            throw ApiException.conflict("call_ended", "The caller is no longer waiting.");
        }
        VoiceOffers.Offer offer = offers.open(callSid).filter(o -> o.staffId() == me.id())
                .orElseThrow(() -> ApiException.conflict("not_offered", "This call is not ringing on your console."));
        Instant now = Timestamps.now(clock);
        tx.executeWithoutResult(status -> {
            if (!offers.settle(offer.id(), "ANSWERED")) {
                throw ApiException.conflict("not_offered", "The offer ended before it was answered.");
            }
            if (!calls.claimAnswer(callSid, me.id(), now)) {
                throw ApiException.conflict("already_answered", "Another agent has answered this caller.");
            }
            tickets.takeByPhone(call.ticketId(), me.id(), now);
        });
        String identity = VoiceTokens.identityOf(me.id());
        String twimlToAgent = via == Via.PHONE
                ? twiml.bridgeToPhone(ownPhone.get(), twilio.from(), call.ticketId(), voice.record())
                : twiml.bridgeToAgent(identity, callSid, call.ticketId(), voice.record());
        boolean bridged = bridge(callSid, twimlToAgent, me.id());
        return new Answered(callSid, call.ticketId(), via == Via.PHONE ? null : identity, via.name(), bridged);
    }

    /** Redirects the live call to the agent; without Twilio credentials (dry run) nothing is sent. */
    private boolean bridge(String callSid, String twimlToAgent, long staffId) {
        var rest = client.rest();
        if (rest.isEmpty()) {
            log.info("Dry run: hotline call {} answered by agent {}, not bridged (no Twilio credentials)", callSid, staffId);
            return false;
        }
        try {
            Call.updater(callSid).setTwiml(twimlToAgent).update(rest.get());
            log.info("Hotline call {} bridged to agent {}", callSid, staffId);
            return true;
        } catch (RuntimeException e) {
            log.warn("Twilio refused to bridge call {} to agent {}: {}", callSid, staffId, LogSafe.text(e.getMessage()));
            calls.unclaimAnswer(callSid, staffId);
            dispatcher.wake();
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not connect the call; it is offered again.");
        }
    }
}
