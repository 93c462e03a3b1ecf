package org.huiying.server.telephony.voice;

import java.time.Duration;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Component;

/**
 * Whether a caller should wait in line: somebody who can take the ticket is online, and the
 * estimated wait — tickets ahead of it, times {@code huiying.voice.handle-time}, shared among
 * those online — is within {@code huiying.voice.max-wait}.
 */
@Component
class CallerLine {

    enum Verdict { WAIT, LONG_WAIT, NOBODY_ONLINE }

    private final StaffRepository staff;
    private final Tickets tickets;
    private final VoiceProperties voice;

    CallerLine(StaffRepository staff, Tickets tickets, VoiceProperties voice) {
        this.staff = staff;
        this.tickets = tickets;
        this.voice = voice;
    }

    Verdict verdict(Ticket ticket) {
        long online = staff.findOnline().stream().filter(s -> s.roleNames().contains(ticket.requiredRole())).count();
        if (online == 0) {
            return Verdict.NOBODY_ONLINE;
        }
        long ahead = tickets.customerTicketsAhead(ticket);
        return verdict(online, ahead, voice);
    }

    /** {@code ahead} waiting tickets shared among {@code online} agents, each taking {@code handle-time}. */
    static Verdict verdict(long online, long ahead, VoiceProperties voice) {
        if (online == 0) {
            return Verdict.NOBODY_ONLINE;
        }
        Duration estimate = voice.handleTime().multipliedBy(ahead).dividedBy(online);
        return estimate.compareTo(voice.maxWait()) > 0 ? Verdict.LONG_WAIT : Verdict.WAIT;
    }
}
