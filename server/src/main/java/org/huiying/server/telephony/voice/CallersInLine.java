package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.util.Set;
import org.huiying.server.ticket.WaitingOnTheLine;
import org.springframework.stereotype.Component;

/**
 * Tells the ticket dispatcher which tickets have a caller in the hotline's queue: those are offered with
 * the caller by {@link CallOffers}, not handed out as chat work. A caller counts for twice
 * {@code huiying.voice.max-wait} at most (the queue lets nobody wait longer), so a call whose hang-up
 * Twilio never reported does not keep its ticket from everyone.
 */
@Component
class CallersInLine implements WaitingOnTheLine {

    private final VoiceCalls calls;
    private final VoiceProperties voice;
    private final Clock clock;

    CallersInLine(VoiceCalls calls, VoiceProperties voice, Clock clock) {
        this.calls = calls;
        this.voice = voice;
        this.clock = clock;
    }

    @Override
    public Set<String> ticketIds() {
        return calls.ticketsWaiting(clock.instant().minus(voice.maxWait().multipliedBy(2)));
    }
}
