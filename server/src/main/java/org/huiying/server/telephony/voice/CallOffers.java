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
    private final QueueDepartures departures;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "voice-offers");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Set when a caller may be waiting or an offer rings; a pass that finds neither clears it, so an idle hotline costs nothing. */
    private volatile boolean maybeWaiting = true;

    CallOffers(VoiceCalls calls, VoiceOffers offers, Tickets tickets, StaffRepository staff, StaffService presence,
               StaffPush push, TransactionTemplate tx, VoiceProperties voice, QueueDepartures departures, Clock clock) {
        this.departures = departures;
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

    /** A waiting caller left the queue unanswered (hung up, or waited too long and took the callback offer). */
    void callerLeft(String callSid, VoiceCalls.DequeueReason reason) {
        Instant now = Timestamps.now(clock);
        tx.executeWithoutResult(status -> {
            if (calls.dequeued(callSid, reason, now)) {
                departures.left(callSid, reason, now);
            }
        });
        withdraw(callSid, "caller-left");
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
            boolean ringing = expireOverdue();
            List<VoiceCalls.WaitingCall> waiting = calls.waiting();
            if (waiting.isEmpty()) {
                maybeWaiting = ringing; // a transfer still ringing must still time out
                return;
            }
            offerWaiting(waiting);
        } catch (RuntimeException e) {
            log.warn("Voice offer pass failed; the next one retries", e);
        }
    }

    /** Settles the offers nobody took in time; whether any is still ringing. */
    private boolean expireOverdue() {
        Instant now = clock.instant();
        boolean ringing = false;
        for (VoiceOffers.Offer offer : offers.allOpen()) {
            if (offer.expiresAt().isAfter(now)) {
                ringing = true;
            } else if (offers.settle(offer.id(), "MISSED")) {
                push.toUser(offer.staffId(), DESTINATION, Map.of("type", "withdrawn", "callSid", offer.callSid(), "reason", "missed"));
                log.info("Agent {} missed hotline call {}", offer.staffId(), offer.callSid());
                if (offer.transfer()) {
                    // the caller never left the agent who asked: they are told, and keep the call
                    push.toUser(offer.fromStaffId(), DESTINATION, Map.of("type", "transfer-failed", "callSid", offer.callSid(),
                            "toStaffId", offer.staffId(), "reason", "missed"));
                }
                if (offers.lastMissed(offer.staffId(), voice.missesBeforeAway())) {
                    presence.setPresence(offer.staffId(), Presence.AWAY);
                    log.info("Agent {} set AWAY after {} missed calls in a row", offer.staffId(), voice.missesBeforeAway());
                }
            }
        }
        return ringing;
    }

    private void offerWaiting(List<VoiceCalls.WaitingCall> waiting) {
        Set<String> ringing = new HashSet<>();
        Set<Long> busy = new HashSet<>(calls.agentsOnCalls(clock.instant()));
        offers.allOpen().forEach(o -> {
            ringing.add(o.callSid());
            busy.add(o.staffId());
        });
        List<Staff> free = staff.findOnline().stream().filter(s -> !busy.contains(s.id())).toList();
        List<VoiceCalls.WaitingCall> unoffered = waiting.stream().filter(c -> !ringing.contains(c.callSid())).toList();
        if (free.isEmpty() || unoffered.isEmpty()) {
            return; // every voice seat is taken: nothing to decide until one frees up
        }
        Map<String, Ticket> ticketOf = tickets.getAll(unoffered.stream().map(VoiceCalls.WaitingCall::ticketId).toList());
        List<VoiceCalls.WaitingCall> ordered = unoffered.stream()
                .filter(c -> ticketOf.containsKey(c.ticketId()))
                .sorted(Comparator.comparingInt((VoiceCalls.WaitingCall c) -> -ticketOf.get(c.ticketId()).priority())
                        .thenComparing(VoiceCalls.WaitingCall::queuedAt))
                .toList();
        Map<VoiceCalls.WaitingCall, Staff> plan = new java.util.LinkedHashMap<>();
        Set<Long> taken = new HashSet<>();
        for (VoiceCalls.WaitingCall call : ordered) {
            if (taken.size() == free.size()) {
                break;
            }
            pick(ticketOf.get(call.ticketId()), call.callSid(), free, taken).ifPresent(agent -> {
                plan.put(call, agent);
                taken.add(agent.id());
            });
        }
        if (!plan.isEmpty()) {
            offer(plan, ticketOf);
        }
    }

    /** An eligible agent with a free voice seat, preferring those who have not let this call ring out already. */
    private Optional<Staff> pick(Ticket ticket, String callSid, List<Staff> free, Set<Long> taken) {
        List<Staff> eligible = free.stream()
                .filter(s -> s.roleNames().contains(ticket.requiredRole()) && s.skills().containsAll(ticket.skills()))
                .filter(s -> !taken.contains(s.id()))
                .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> missed = Set.copyOf(offers.missedBy(callSid));
        return eligible.stream()
                .min(Comparator.comparing((Staff s) -> missed.contains(s.id()))
                        .thenComparing(s -> s.lastAssignedAt() == null ? Instant.EPOCH : s.lastAssignedAt()));
    }

    /**
     * Makes the planned offers in one transaction (one commit, which the embedded database forces to the
     * disk, for all of them), each only if its caller still waits with no offer and its agent is still
     * online with none: the callers' rows are locked first, in CallSid order, then the agents' in id order,
     * so passes on two nodes never deadlock. The offers are pushed once committed.
     */
    private void offer(Map<VoiceCalls.WaitingCall, Staff> plan, Map<String, Ticket> ticketOf) {
        Instant now = Timestamps.now(clock);
        Instant expires = now.plus(voice.offerTimeout());
        List<VoiceCalls.WaitingCall> made = tx.execute(status -> {
            List<VoiceCalls.WaitingCall> byCall = plan.keySet().stream().sorted(Comparator.comparing(VoiceCalls.WaitingCall::callSid))
                    .filter(call -> calls.lockWaiting(call.callSid()) && offers.open(call.callSid()).isEmpty()).toList();
            Set<Long> online = staff.lockOnlineCapacities(byCall.stream().map(c -> plan.get(c).id()).toList()).keySet();
            List<VoiceCalls.WaitingCall> offered = new java.util.ArrayList<>();
            for (VoiceCalls.WaitingCall call : byCall) {
                long agent = plan.get(call).id();
                if (online.contains(agent) && !offers.openFor(agent)) {
                    offers.insert(call.callSid(), agent, now, expires);
                    offered.add(call);
                }
            }
            return offered;
        });
        for (VoiceCalls.WaitingCall call : made) {
            Ticket ticket = ticketOf.get(call.ticketId());
            long agent = plan.get(call).id();
            push.toUser(agent, DESTINATION, Map.of("type", "offer", "callSid", call.callSid(), "ticketId", ticket.id(),
                    "ticketType", ticket.type().name(), "caller", PhoneNumbers.mask(call.phone()),
                    "waitedSeconds", Duration.between(call.queuedAt(), now).toSeconds(), "expiresAt", expires.toString()));
            log.info("Hotline call {} offered to agent {}", call.callSid(), agent);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
