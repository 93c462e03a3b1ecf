package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.Presence;
import org.huiying.server.staff.Staff;
import org.huiying.server.staff.StaffRepository;
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
 * A warm transfer: the agent on a call asks an online colleague (an agent or an expert with a free voice
 * seat) to take it. It rings on the colleague's console like a waiting caller, for
 * {@code huiying.voice.offer-timeout}; not taken by then, the agent is told and the caller simply stays
 * with them. Taken, the call and its one ticket are the colleague's (the ticket's first response stays
 * as it was recorded; the wrap-up is theirs to write), the caller is held while the colleague hears a
 * whisper of the ticket and joins the conference, and the first agent may talk to them until they leave
 * — by completing the transfer, which brings the caller back, or by hanging up.
 */
@Service
class CallTransfers {

    private static final Logger log = LoggerFactory.getLogger(CallTransfers.class);
    private static final Set<String> TAKES_CALLS = Set.of("AGENT", "EXPERT");

    /** The colleagues one may transfer to, and whether each can take a call right now. */
    record Target(long staffId, String name, List<String> roles, boolean free) {
    }

    record Requested(String callSid, long toStaffId, String toName, Instant expiresAt) {
    }

    record Completed(String callSid, long toStaffId) {
    }

    private final VoiceCalls calls;
    private final VoiceOffers offers;
    private final CallOffers dispatcher;
    private final Tickets tickets;
    private final StaffRepository staff;
    private final StaffPush push;
    private final HotlineLegs legs;
    private final VoiceTwiml twiml;
    private final TransactionTemplate tx;
    private final VoiceProperties voice;
    private final Clock clock;

    CallTransfers(VoiceCalls calls, VoiceOffers offers, CallOffers dispatcher, Tickets tickets, StaffRepository staff,
                  StaffPush push, HotlineLegs legs, VoiceTwiml twiml, TransactionTemplate tx, VoiceProperties voice, Clock clock) {
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.offers = offers;
        this.tickets = tickets;
        this.staff = staff;
        this.push = push;
        this.legs = legs;
        this.twiml = twiml;
        this.tx = tx;
        this.voice = voice;
        this.clock = clock;
    }

    List<Target> targets(String callSid, CurrentStaff me) {
        yours(callSid, me);
        Set<Long> busy = busy();
        return staff.findOnline().stream()
                .filter(s -> s.id() != me.id() && s.roleNames().stream().anyMatch(TAKES_CALLS::contains))
                .map(s -> new Target(s.id(), nameOf(s), s.roleNames().stream().filter(TAKES_CALLS::contains).sorted().toList(),
                        !busy.contains(s.id())))
                .toList();
    }

    Requested request(String callSid, Long toStaffId, CurrentStaff me) {
        if (toStaffId == null) {
            throw ApiException.badRequest("invalid_transfer", "toStaffId: the colleague's staff id");
        }
        VoiceCalls.HotlineCall call = yours(callSid, me);
        if (toStaffId == me.id()) {
            throw ApiException.badRequest("invalid_transfer", "Transfer to a colleague, not to yourself.");
        }
        Staff colleague = staff.findById(toStaffId).filter(s -> !s.disabled())
                .orElseThrow(() -> ApiException.notFound("staff member"));
        if (colleague.roleNames().stream().noneMatch(TAKES_CALLS::contains)) {
            throw ApiException.badRequest("invalid_transfer", "Only agents and experts take calls.");
        }
        if (colleague.presence() != Presence.ONLINE) {
            throw ApiException.conflict("colleague_unavailable", "That colleague is not online.");
        }
        if (call.handedOverBy() != null) {
            throw ApiException.conflict("transfer_in_progress", "The last transfer of this call is not finished yet.");
        }
        if (legs.live() && call.conferenceSid() == null) {
            throw ApiException.conflict("not_connected", "The call is not connected yet.");
        }
        Instant now = Timestamps.now(clock);
        Instant expires = now.plus(voice.offerTimeout());
        tx.executeWithoutResult(status -> {
            calls.lock(callSid);
            if (offers.open(callSid).isPresent()) {
                throw ApiException.conflict("transfer_in_progress", "A transfer of this call is ringing already.");
            }
            if (staff.lockOnlineCapacities(List.of(toStaffId)).isEmpty()) {
                throw ApiException.conflict("colleague_unavailable", "That colleague is not online.");
            }
            if (busy().contains(toStaffId)) {
                throw ApiException.conflict("colleague_busy", "That colleague is on a call or has one ringing.");
            }
            offers.insertTransfer(callSid, toStaffId, me.id(), now, expires);
        });
        dispatcher.wake(); // its passes time the transfer out, as they time out a caller's offer
        Ticket ticket = tickets.get(call.ticketId());
        push.toUser(toStaffId, CallOffers.DESTINATION, Map.of("type", "offer", "transfer", true, "callSid", callSid,
                "ticketId", ticket.id(), "ticketType", ticket.type().name(), "caller", PhoneNumbers.mask(call.phone()),
                "waitedSeconds", waited(call, now).toSeconds(), "expiresAt", expires.toString(), "from", nameOf(me.id())));
        log.info("Hotline call {}: agent {} asks agent {} to take it", callSid, me.id(), toStaffId);
        return new Requested(callSid, toStaffId, nameOf(colleague), expires);
    }

    /** The agent takes back a transfer that still rings. */
    void cancel(String callSid, CurrentStaff me) {
        yours(callSid, me);
        VoiceOffers.Offer ringing = offers.open(callSid).filter(o -> Long.valueOf(me.id()).equals(o.fromStaffId()))
                .orElseThrow(() -> ApiException.conflict("no_transfer", "No transfer of this call is ringing."));
        if (offers.settle(ringing.id(), "WITHDRAWN")) {
            push.toUser(ringing.staffId(), CallOffers.DESTINATION, Map.of("type", "withdrawn", "callSid", callSid, "reason", "transfer-cancelled"));
        }
    }

    /** The colleague answers the transfer ringing on their console ({@code phone}: their own phone, else the softphone). */
    CallAnswers.Answered accept(VoiceCalls.HotlineCall call, VoiceOffers.Offer offer, String identity, String phone, CurrentStaff me) {
        String callSid = call.callSid();
        long from = offer.fromStaffId();
        if (call.ended()) {
            throw ApiException.conflict("call_ended", "The caller has hung up.");
        }
        Instant now = Timestamps.now(clock);
        tx.executeWithoutResult(status -> {
            if (!offers.settle(offer.id(), "ANSWERED")) {
                throw ApiException.conflict("not_offered", "The transfer ended before it was answered.");
            }
            if (!calls.handOver(callSid, from, me.id())) {
                throw ApiException.conflict("call_ended", "The call is no longer the transferring agent's.");
            }
            tickets.takeByPhone(call.ticketId(), me.id(), now);
        });
        push.toUser(from, CallOffers.DESTINATION, Map.of("type", "transfer-answered", "callSid", callSid, "toStaffId", me.id(),
                "toName", nameOf(me.id())));
        if (!legs.live()) {
            return new CallAnswers.Answered(callSid, call.ticketId(), phone == null ? identity : null, phone == null ? "BROWSER" : "PHONE",
                    false, null, true);
        }
        String leg;
        try {
            leg = legs.dialAgent(callSid, me.id(), identity, phone, whisper(call, from, now)).orElseThrow();
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Hotline call {}: Twilio did not call agent {} for the transfer: {}", callSid, me.id(), e.getMessage());
            notConnected(callSid, me.id(), null);
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not connect you; the caller stays with your colleague.");
        }
        calls.agentLeg(callSid, me.id(), leg);
        VoiceCalls.HotlineCall handedOver = calls.hotline(callSid).orElseThrow();
        // the two agents talk first; the one leaving no longer ends the conference for the caller
        quietly(() -> legs.endsOnExit(handedOver.conferenceSid(), handedOver.handedOverLegSid(), false));
        hold(handedOver, VoiceTwiml.HoldReason.TRANSFER);
        return new CallAnswers.Answered(callSid, call.ticketId(), phone == null ? identity : null, phone == null ? "BROWSER" : "PHONE",
                true, leg, true);
    }

    /** The agent who handed the call over leaves it: the caller, held while the two talked, is back. */
    Completed complete(String callSid, CurrentStaff me) {
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow(() -> ApiException.notFound("call"));
        if (call.ended()) {
            throw ApiException.conflict("call_ended", "The call is over.");
        }
        if (!Long.valueOf(me.id()).equals(call.handedOverBy())) {
            throw ApiException.conflict("not_your_call", "You have not handed this call over.");
        }
        left(call);
        if (call.handedOverLegSid() != null) {
            quietly(() -> legs.hangUp(call.handedOverLegSid()));
        }
        return new Completed(callSid, call.answeredBy());
    }

    /** The handing-over agent's own call ended (they hung up): as a completed transfer. */
    void handingOverAgentHungUp(String callSid, String legSid) {
        calls.hotline(callSid).filter(c -> !c.ended() && legSid.equals(c.handedOverLegSid())).ifPresent(this::left);
    }

    private void left(VoiceCalls.HotlineCall call) {
        if (!calls.handOverDone(call.callSid(), call.handedOverBy())) {
            return;
        }
        resume(call);
        push.toUser(call.answeredBy(), CallOffers.DESTINATION, Map.of("type", "transfer-completed", "callSid", call.callSid()));
        log.info("Hotline call {}: agent {} handed it over to agent {}", call.callSid(), call.handedOverBy(), call.answeredBy());
    }

    /**
     * The colleague's call never connected (Twilio refused it, or it rang out): the call and the ticket are
     * the first agent's again, the caller is back with them, and both agents are told.
     */
    void notConnected(String callSid, long colleague, String legSid) {
        VoiceCalls.HotlineCall before = calls.hotline(callSid).orElse(null);
        if (before == null || before.handedOverBy() == null) {
            return;
        }
        long first = before.handedOverBy();
        boolean handedBack = Boolean.TRUE.equals(tx.execute(status -> {
            if (!calls.handBack(callSid, colleague, legSid)) {
                return false;
            }
            tickets.takeByPhone(before.ticketId(), first, Timestamps.now(clock));
            return true;
        }));
        if (!handedBack) {
            return;
        }
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow();
        if (call.conferenceSid() != null && call.agentLegSid() != null) {
            quietly(() -> legs.endsOnExit(call.conferenceSid(), call.agentLegSid(), true));
        }
        resume(call);
        push.toUser(first, CallOffers.DESTINATION, Map.of("type", "transfer-failed", "callSid", callSid, "toStaffId", colleague,
                "reason", "not-connected"));
        push.toUser(colleague, CallOffers.DESTINATION, Map.of("type", "ended", "callSid", callSid, "reason", "not-connected"));
        log.info("Hotline call {}: agent {} did not connect; the caller stays with agent {}", callSid, colleague, first);
    }

    private void hold(VoiceCalls.HotlineCall call, VoiceTwiml.HoldReason reason) {
        if (call.held() || call.conferenceSid() == null) {
            return;
        }
        try {
            legs.hold(call.conferenceSid(), call.callSid(), true, reason);
            calls.held(call.callSid(), Timestamps.now(clock));
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Hotline call {}: the caller could not be held for the transfer: {}", call.callSid(), e.getMessage());
        }
    }

    private void resume(VoiceCalls.HotlineCall call) {
        if (!call.held()) {
            return;
        }
        try {
            if (call.conferenceSid() != null) {
                legs.hold(call.conferenceSid(), call.callSid(), false, null);
            }
            calls.resumed(call.callSid(), Timestamps.now(clock));
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("Hotline call {}: the caller could not be taken off hold: {}", call.callSid(), e.getMessage());
        }
    }

    private static void quietly(Runnable twilioRequest) {
        try {
            twilioRequest.run();
        } catch (HotlineLegs.TwilioRefused e) {
            log.warn("{}", e.getMessage());
        }
    }

    /** What the colleague hears before joining: the ticket, how long the customer has been waiting, and from whom. */
    private String whisper(VoiceCalls.HotlineCall call, long from, Instant now) {
        Ticket ticket = tickets.get(call.ticketId());
        return twiml.promptText("transfer.whisper")
                .replace("{ticketType}", twiml.promptText("type." + ticket.type().name()))
                .replace("{ticketId}", ticket.id())
                .replace("{waited}", QueueDepartures.spoken(waited(call, now)))
                .replace("{from}", nameOf(from));
    }

    private static Duration waited(VoiceCalls.HotlineCall call, Instant now) {
        return call.queuedAt() == null ? Duration.ZERO : Duration.between(call.queuedAt(), now);
    }

    /** The call, while it is {@code me}'s: 404 unknown, 409 someone else's or over. */
    private VoiceCalls.HotlineCall yours(String callSid, CurrentStaff me) {
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElseThrow(() -> ApiException.notFound("call"));
        if (!Long.valueOf(me.id()).equals(call.answeredBy())) {
            throw ApiException.conflict("not_your_call", "This call is not yours.");
        }
        if (call.ended()) {
            throw ApiException.conflict("call_ended", "The call is over.");
        }
        return call;
    }

    private Set<Long> busy() {
        Set<Long> busy = new HashSet<>(calls.agentsOnCalls(clock.instant()));
        offers.allOpen().forEach(o -> busy.add(o.staffId()));
        return busy;
    }

    private String nameOf(long staffId) {
        return staff.findById(staffId).map(CallTransfers::nameOf).orElse("同事");
    }

    private static String nameOf(Staff s) {
        return s.displayName() != null && !s.displayName().isBlank() ? s.displayName() : s.username();
    }
}
