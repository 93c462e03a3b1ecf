package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.StaffPhones;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
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
 * then is the caller's live call redirected through the Calls API into a conference of its own, and the
 * agent's softphone (or their own phone) called into it: a conference, so that the agent can hold the
 * caller and hand them over to a colleague. Should Twilio refuse, or the agent's call never connect,
 * the caller is given back to the queue. A colleague answering a transfer goes to {@link CallTransfers}.
 */
@Service
class CallAnswers {

    private static final Logger log = LoggerFactory.getLogger(CallAnswers.class);

    /**
     * What the console gets back: which call and ticket, the softphone identity the agent's call rings
     * ({@code legSid}: that call), and whether this is a transfer taken from a colleague.
     */
    record Answered(String callSid, String ticketId, String identity, String via, boolean bridged, String legSid,
                    boolean transfer) {
    }

    private final VoiceCalls calls;
    private final VoiceOffers offers;
    private final CallOffers dispatcher;
    private final CallTransfers transfers;
    private final Tickets tickets;
    private final VoiceTwiml twiml;
    private final HotlineLegs legs;
    private final StaffPush push;
    private final TransactionTemplate tx;
    private final VoiceProperties voice;
    private final VoiceAccessProperties access;
    private final StaffPhones phones;
    private final Clock clock;

    CallAnswers(VoiceCalls calls, VoiceOffers offers, CallOffers dispatcher, CallTransfers transfers, Tickets tickets,
                VoiceTwiml twiml, HotlineLegs legs, StaffPush push, TransactionTemplate tx, VoiceProperties voice,
                VoiceAccessProperties access, StaffPhones phones, Clock clock) {
        this.calls = calls;
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.transfers = transfers;
        this.tickets = tickets;
        this.twiml = twiml;
        this.legs = legs;
        this.push = push;
        this.tx = tx;
        this.voice = voice;
        this.access = access;
        this.phones = phones;
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
        String identity = VoiceTokens.identityOf(me.id());
        String phone = via == Via.PHONE ? ownPhone.get() : null;
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow(() -> ApiException.notFound("call"));
        Optional<VoiceOffers.Offer> transfer = offers.open(callSid).filter(o -> o.staffId() == me.id() && o.transfer());
        if (transfer.isPresent()) {
            return transfers.accept(call, transfer.get(), identity, phone, me);
        }
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
        String leg = bridge(call, me.id(), identity, phone);
        return new Answered(callSid, call.ticketId(), phone == null ? identity : null, via.name(), leg != null, leg, false);
    }

    /**
     * Moves the caller into their conference and calls the agent into it; without Twilio credentials (dry
     * run) nothing is sent and the result is null. Returns the agent's call.
     */
    private String bridge(VoiceCalls.HotlineCall call, long staffId, String identity, String phone) {
        String callSid = call.callSid();
        if (!legs.live()) {
            log.info("Dry run: hotline call {} answered by agent {}, not bridged (no Twilio credentials)", callSid, staffId);
            return null;
        }
        try {
            legs.redirect(callSid, twiml.callerToConference(callSid, call.ticketId(), voice.record()));
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Twilio refused to bridge call {} to agent {}: {}", callSid, staffId, e.getMessage());
            calls.unclaimAnswer(callSid, staffId);
            dispatcher.wake();
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not connect the call; it is offered again.");
        }
        String leg;
        try {
            leg = legs.dialAgent(callSid, staffId, identity, phone, null).orElseThrow();
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Twilio did not call agent {} for call {}: {}", staffId, callSid, e.getMessage());
            calls.unclaimAnswer(callSid, staffId);
            requeue(call);
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not connect the call; it is offered again.");
        }
        calls.agentLeg(callSid, staffId, leg);
        log.info("Hotline call {} bridged to agent {}", callSid, staffId);
        return leg;
    }

    /**
     * The agent's call rang out or failed before they picked up: the caller is back in the queue (they hear
     * so) and offered to the next agent; the agent's console is told.
     */
    void agentNotConnected(String callSid, long staffId, String legSid) {
        calls.hotline(callSid).filter(c -> !c.ended()).ifPresent(call -> {
            if (calls.unclaimLeg(callSid, staffId, legSid)) {
                push.toUser(staffId, CallOffers.DESTINATION, Map.of("type", "ended", "callSid", callSid, "reason", "not-connected"));
                log.info("Hotline call {}: agent {} did not pick up; the caller waits again", callSid, staffId);
                requeue(call);
            }
        });
    }

    private void requeue(VoiceCalls.HotlineCall call) {
        Ticket ticket = tickets.get(call.ticketId());
        try {
            legs.redirect(call.callSid(), twiml.enqueue(twiml.prompt("requeued"), ticket.queue(), ticket.id()));
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Hotline call {}: could not put the caller back in the queue: {}", call.callSid(), e.getMessage());
        }
        dispatcher.wake();
    }
}
