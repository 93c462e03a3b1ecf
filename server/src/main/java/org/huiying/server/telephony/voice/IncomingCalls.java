package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.twilio.twiml.voice.Say;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A call reaching the hotline, and the caller's menu choice. A returning caller with an
 * unresolved ticket hears about it first. No or invalid input replays the menu, up to
 * {@code huiying.voice.menu-attempts} plays in all, then a callback is offered: nobody is left
 * stranded in the menu.
 */
@Service
class IncomingCalls {

    /** Callers know their ticket by the day they reported it, not by its id. */
    private static final DateTimeFormatter OPENED_ON = DateTimeFormatter.ofPattern("M月d日");

    private final VoiceThreads threads;
    private final VoiceCalls calls;
    private final CallerTickets tickets;
    private final CallerLine line;
    private final VoiceTwiml twiml;
    private final CallOffers offers;
    private final VoiceProperties voice;
    private final ZoneId zone;
    private final TransactionTemplate tx;
    private final Clock clock;

    IncomingCalls(VoiceThreads threads, VoiceCalls calls, CallerTickets tickets, CallerLine line, VoiceTwiml twiml,
                  CallOffers offers, VoiceProperties voice, HuiyingProperties huiying, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.threads = threads;
        this.calls = calls;
        this.tickets = tickets;
        this.line = line;
        this.twiml = twiml;
        this.offers = offers;
        this.voice = voice;
        this.zone = huiying.zone();
        this.clock = clock;
    }

    String answer(InboundCall call) {
        String conversationId = threads.conversationFor(call.phone());
        calls.inbound(call.callSid(), call.phone(), conversationId,
                CallStatus.of(call.status()).orElse(CallStatus.RINGING), Timestamps.now(clock));
        List<Say> greeting = new ArrayList<>();
        Optional<Ticket> open = tickets.open(conversationId);
        if (open.isPresent()) {
            greeting.add(twiml.prompt("returning", Map.of("ticketType", typeName(open.get()), "openedOn", OPENED_ON.format(open.get().openedAt().atZone(zone)))));
        } else {
            greeting.add(twiml.prompt("greeting"));
        }
        return twiml.menu(greeting, 1);
    }

    /** {@code played}: how often the caller has heard the menu so far. */
    String choose(InboundCall call, int played) {
        Optional<MenuChoice> choice = MenuChoice.of(call.param("Digits"), call.param("SpeechResult"));
        if (choice.isEmpty()) {
            return played >= voice.menuAttempts()
                    ? twiml.offer(List.of(twiml.prompt("invalid")), null, 1)
                    : twiml.menu(List.of(twiml.prompt("invalid")), played + 1);
        }
        String conversationId = threads.conversationFor(call.phone());
        if (choice.get() == MenuChoice.CALLBACK) {
            tickets.bookCallback(conversationId, call.callSid(), null);
            return twiml.goodbye(twiml.prompt("callback.booked"));
        }
        Placed placed = tx.execute(status -> place(call.callSid(), conversationId, choice.get()));
        Ticket ticket = placed.ticket();
        return switch (placed.verdict()) {
            case WAIT -> {
                offers.wake();
                yield twiml.enqueue(choice.get() == MenuChoice.ROADSIDE ? twiml.prompt("roadside.queued")
                        : twiml.prompt("queued", Map.of("ticketType", typeName(ticket))), ticket.queue(), ticket.id());
            }
            case LONG_WAIT -> twiml.offer(List.of(twiml.prompt("offer.busy")), ticket.id(), 1);
            case NOBODY_ONLINE -> twiml.offer(List.of(twiml.prompt("offer.nobody")), ticket.id(), 1);
        };
    }

    private record Placed(Ticket ticket, CallerLine.Verdict verdict) {
    }

    /**
     * The caller's ticket (opened or joined), linked to the call and, when they are to wait for a person,
     * the call marked as waiting — all in one transaction: the ticket dispatcher, woken when a new ticket
     * commits, already sees its caller in line and leaves it to the offer dispatcher.
     */
    private Placed place(String callSid, String conversationId, MenuChoice choice) {
        Ticket ticket = tickets.choose(conversationId, callSid, choice);
        calls.linkTicket(callSid, ticket.id());
        CallerLine.Verdict verdict = line.verdict(ticket);
        if (verdict == CallerLine.Verdict.WAIT) {
            calls.queued(callSid, Timestamps.now(clock));
        }
        return new Placed(ticket, verdict);
    }

    private String typeName(Ticket ticket) {
        return twiml.promptText("type." + ticket.type().name());
    }

}
