package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After an answered call the agent writes its wrap-up — what came of it, and whether the problem is
 * solved (which resolves the ticket) — within {@code huiying.voice.wrap-up}; until then, or until that
 * time is up, no new caller rings on them.
 */
@Service
class CallWrapUps {

    static final int MAX_OUTCOME = 500;

    record WrapUp(String outcome, Boolean resolved) {
    }

    private final VoiceCalls calls;
    private final Tickets tickets;
    private final StaffPush push;
    private final CallOffers dispatcher;
    private final VoiceProperties voice;
    private final Clock clock;

    CallWrapUps(VoiceCalls calls, Tickets tickets, StaffPush push, CallOffers dispatcher, VoiceProperties voice, Clock clock) {
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.tickets = tickets;
        this.push = push;
        this.voice = voice;
        this.clock = clock;
    }

    /** The call ended: if an agent took it, they are asked for the wrap-up on their console. */
    void callEnded(String callSid, Instant at) {
        Instant due = at.plus(voice.wrapUp());
        calls.awaitWrapUp(callSid, due).ifPresent(agent -> {
            String ticketId = calls.hotline(callSid).map(VoiceCalls.HotlineCall::ticketId).orElse("");
            push.toUser(agent, CallOffers.DESTINATION, Map.of("type", "wrap-up", "callSid", callSid, "ticketId", ticketId,
                    "dueAt", due.toString()));
        });
    }

    @Transactional
    void wrapUp(String callSid, WrapUp body, CurrentStaff me) {
        String outcome = body == null || body.outcome() == null ? "" : body.outcome().strip();
        if (outcome.isEmpty() || outcome.codePointCount(0, outcome.length()) > MAX_OUTCOME || body.resolved() == null) {
            throw ApiException.badRequest("invalid_wrap_up", "outcome: 1 to " + MAX_OUTCOME + " characters; resolved: true or false");
        }
        VoiceCalls.HotlineCall call = calls.hotline(callSid).filter(c -> Long.valueOf(me.id()).equals(c.answeredBy()))
                .orElseThrow(() -> ApiException.notFound("call"));
        if (call.endedAt() == null) {
            throw ApiException.conflict("call_in_progress", "The call has not ended yet.");
        }
        if (!calls.wrapUp(callSid, me.id(), outcome, body.resolved(), Timestamps.now(clock))) {
            throw ApiException.conflict("already_wrapped_up", "This call's wrap-up is written already.");
        }
        if (body.resolved() && call.ticketId() != null) {
            tickets.resolve(call.ticketId(), me);
        }
        AfterCommit.run(dispatcher::wake); // the agent's voice seat is free: a waiting caller may ring now
    }
}
