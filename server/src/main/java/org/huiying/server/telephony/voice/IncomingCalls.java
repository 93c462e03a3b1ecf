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
    private final Clock clock;

    IncomingCalls(VoiceThreads threads, VoiceCalls calls, CallerTickets tickets, CallerLine line, VoiceTwiml twiml,
                  CallOffers offers, VoiceProperties voice, HuiyingProperties huiying, Clock clock) {
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
        Ticket ticket = tickets.choose(conversationId, call.callSid(), choice.get());
        calls.linkTicket(call.callSid(), ticket.id());
        return switch (line.verdict(ticket)) {
            case WAIT -> waitForAgent(call.callSid(), twiml.enqueue(choice.get() == MenuChoice.ROADSIDE ? twiml.prompt("roadside.queued")
                    : twiml.prompt("queued", Map.of("ticketType", typeName(ticket))), ticket.queue(), ticket.id()));
            case LONG_WAIT -> twiml.offer(List.of(twiml.prompt("offer.busy")), ticket.id(), 1);
            case NOBODY_ONLINE -> twiml.offer(List.of(twiml.prompt("offer.nobody")), ticket.id(), 1);
        };
    }

    /** The caller now waits for a person: recorded, and the offer dispatcher told. */
    private String waitForAgent(String callSid, String enqueue) {
        calls.queued(callSid, Timestamps.now(clock));
        offers.wake();
        return enqueue;
    }

    private String typeName(Ticket ticket) {
        return twiml.promptText("type." + ticket.type().name());
    }

}
