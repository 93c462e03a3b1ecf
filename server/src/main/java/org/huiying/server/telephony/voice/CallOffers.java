package org.huiying.server.telephony.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.staff.Presence;
import org.huiying.server.staff.PresenceChanged;
import org.huiying.server.staff.Staff;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.staff.StaffService;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who gets a waiting caller is ours, not Twilio's: each caller in the queue for a person is offered to
 * one online agent with the ticket's role and skills and a free voice seat (one call at a time, apart
 * from their chat capacity), most urgent ticket first, then longest waiting. The offer rings on that
 * agent's console ({@code /user/queue/calls}) for {@code huiying.voice.offer-timeout}; not taken by
 * then, it is recorded as missed and the caller goes to the next agent, and an agent who lets
 * {@code huiying.voice.misses-before-away} offers in a row ring out is set AWAY.
 *
 * <p>Everything is decided from the database, so every node may run a pass: an offer is made under the
 * call's and the agent's row locks and only when neither has an open offer, and an offer is settled
 * (answered, missed, withdrawn) by a conditional update, so each happens once.
 */
@Component
class CallOffers implements AutoCloseable {

    static final String DESTINATION = "/queue/calls";
    private static final Logger log = LoggerFactory.getLogger(CallOffers.class);

    private final VoiceCalls calls;
    private final VoiceOffers offers;
    private final Tickets tickets;
    private final StaffRepository staff;
    private final StaffService presence;
    private final StaffPush push;
    private final TransactionTemplate tx;
    private final VoiceProperties voice;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "voice-offers");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Set when a caller may be waiting; a pass that finds none clears it, so an idle hotline costs nothing. */
    private volatile boolean maybeWaiting = true;

    CallOffers(VoiceCalls calls, VoiceOffers offers, Tickets tickets, StaffRepository staff, StaffService presence,
               StaffPush push, TransactionTemplate tx, VoiceProperties voice, Clock clock) {
        this.calls = calls;
        this.offers = offers;
        this.tickets = tickets;
        this.staff = staff;
        this.presence = presence;
        this.push = push;
        this.tx = tx;
        this.voice = voice;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long tick = Math.max(200, Math.min(1_000, voice.offerTimeout().toMillis() / 4));
        worker.scheduleWithFixedDelay(() -> {
            if (maybeWaiting) {
                pass();
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        wake();
    }

    /** Something changed (a caller queued, an agent came online or hung up): a pass runs soon. */
    void wake() {
        maybeWaiting = true;
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                pass();
            });
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPresence(PresenceChanged changed) {
        if (changed.presence() == Presence.ONLINE) {
            wake();
        }
    }

    /** The caller left (hung up, took the callback offer) or was answered elsewhere: their offer stops ringing. */
    void withdraw(String callSid, String reason) {
        offers.open(callSid).ifPresent(offer -> {
            if (offers.settle(offer.id(), "WITHDRAWN")) {
                push.toUser(offer.staffId(), DESTINATION, Map.of("type", "withdrawn", "callSid", callSid, "reason", reason));
            }
        });
    }

    private void pass() {
        try {
            expireOverdue();
            List<VoiceCalls.WaitingCall> waiting = calls.waiting();
            if (waiting.isEmpty()) {
                maybeWaiting = false;
                return;
            }
            offerWaiting(waiting);
        } catch (RuntimeException e) {
            log.warn("Voice offer pass failed; the next one retries", e);
        }
    }

    private void expireOverdue() {
        Instant now = clock.instant();
        for (VoiceOffers.Offer offer : offers.allOpen()) {
            if (!offer.expiresAt().isAfter(now) && offers.settle(offer.id(), "MISSED")) {
                push.toUser(offer.staffId(), DESTINATION, Map.of("type", "withdrawn", "callSid", offer.callSid(), "reason", "missed"));
                log.info("Agent {} missed hotline call {}", offer.staffId(), offer.callSid());
                if (offers.lastMissed(offer.staffId(), voice.missesBeforeAway())) {
                    presence.setPresence(offer.staffId(), Presence.AWAY);
                    log.info("Agent {} set AWAY after {} missed calls in a row", offer.staffId(), voice.missesBeforeAway());
                }
            }
        }
    }

    private void offerWaiting(List<VoiceCalls.WaitingCall> waiting) {
        Map<String, Ticket> ticketOf = tickets.getAll(waiting.stream().map(VoiceCalls.WaitingCall::ticketId).toList());
        Set<String> ringing = new HashSet<>();
        Set<Long> busy = new HashSet<>(calls.agentsOnCalls(clock.instant()));
        offers.allOpen().forEach(o -> {
            ringing.add(o.callSid());
            busy.add(o.staffId());
        });
        List<Staff> online = staff.findOnline();
        List<VoiceCalls.WaitingCall> ordered = waiting.stream()
                .filter(c -> ticketOf.containsKey(c.ticketId()) && !ringing.contains(c.callSid()))
                .sorted(Comparator.comparingInt((VoiceCalls.WaitingCall c) -> -ticketOf.get(c.ticketId()).priority())
                        .thenComparing(VoiceCalls.WaitingCall::queuedAt))
                .toList();
        for (VoiceCalls.WaitingCall call : ordered) {
            Ticket ticket = ticketOf.get(call.ticketId());
            pick(ticket, call.callSid(), online, busy).ifPresent(agent -> {
                if (offer(call, ticket, agent)) {
                    busy.add(agent.id());
                }
            });
        }
    }

    /** An eligible agent with a free voice seat, preferring those who have not let this call ring out already. */
    private Optional<Staff> pick(Ticket ticket, String callSid, List<Staff> online, Set<Long> busy) {
        Set<Long> missed = Set.copyOf(offers.missedBy(callSid));
        return online.stream()
                .filter(s -> s.roleNames().contains(ticket.requiredRole()) && s.skills().containsAll(ticket.skills()))
                .filter(s -> !busy.contains(s.id()))
                .min(Comparator.comparing((Staff s) -> missed.contains(s.id()))
                        .thenComparing(s -> s.lastAssignedAt() == null ? Instant.EPOCH : s.lastAssignedAt()));
    }

    private boolean offer(VoiceCalls.WaitingCall call, Ticket ticket, Staff agent) {
        Instant now = Timestamps.now(clock);
        Instant expires = now.plus(voice.offerTimeout());
        VoiceOffers.Offer made = tx.execute(status -> {
            if (!calls.lockWaiting(call.callSid()) || offers.open(call.callSid()).isPresent()
                    || !staff.lockOnlineCapacities(List.of(agent.id())).containsKey(agent.id()) || offers.openFor(agent.id())) {
                return null;
            }
            return offers.insert(call.callSid(), agent.id(), now, expires);
        });
        if (made == null) {
            return false;
        }
        push.toUser(agent.id(), DESTINATION, Map.of("type", "offer", "callSid", call.callSid(), "ticketId", ticket.id(),
                "ticketType", ticket.type().name(), "caller", PhoneNumbers.mask(call.phone()),
                "waitedSeconds", Duration.between(call.queuedAt(), now).toSeconds(), "expiresAt", expires.toString()));
        log.info("Hotline call {} offered to agent {}", call.callSid(), agent.id());
        return true;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
