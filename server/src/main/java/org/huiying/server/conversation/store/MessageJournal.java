package org.huiying.server.conversation.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Customers' messages on the embedded server: acknowledged once they are in the journal file and
 * forced to the disk, in groups, then moved into the database by the {@link JournalApplier}. One
 * writer thread numbers them (with {@link ConversationHeads}), answers a repeated client message id
 * with the original, writes and forces the group, and only then completes the futures. Storing in
 * the database per message was the gateway's ceiling (docs/benchmarks.md); a file append and one
 * force per group is not. When the database falls behind, the writer waits: no more than
 * {@code maxBacklog} acknowledged messages are ever outside it.
 */
final class MessageJournal {

    private static final Logger log = LoggerFactory.getLogger(MessageJournal.class);

    private record Request(String conversationId, String clientMessageId, String text,
                           CompletableFuture<MessageStore.Outcome> done) {
    }

    private static final Request STOP = new Request(null, null, null, null);

    private final JournalSegments segments;
    private final ConversationHeads heads;
    private final JournalApplier applier;
    private final MessageTable table;
    private final Clock clock;
    private final int maxBatch;
    private final int maxBacklog;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    /** Acknowledged, not yet in the database, by conversation and client id: a repeat must find them here. */
    private final Map<String, Map<String, StoredMessage>> unapplied = new ConcurrentHashMap<>();
    private final ClientIdIndex clientIds;
    private final Thread writer;
    private volatile IOException broken;

    MessageJournal(JournalSegments segments, ConversationHeads heads, JournalApplier applier, MessageTable table,
                   Clock clock, int maxBatch, int maxBacklog, long maxClientIds) throws IOException {
        this.segments = segments;
        this.heads = heads;
        this.applier = applier;
        this.table = table;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.maxBacklog = maxBacklog;
        // the journal's own ids first, then the table's: one applied in between is in the table by then
        this.clientIds = new ClientIdIndex(id -> {
            List<String> known = new ArrayList<>(unapplied.getOrDefault(id, Map.of()).keySet());
            known.addAll(table.clientIds(id));
            return known;
        }, maxClientIds);
        applier.afterApply(this::applied);
        List<JournalApplier.Journaled> recovered = new ArrayList<>();
        for (JournalSegments.Recovered r : segments.recovered()) {
            StoredMessage m = JournalRecord.decode(r.payload());
            heads.recovered(m);
            remember(m);
            recovered.add(new JournalApplier.Journaled(m, r.end()));
        }
        if (!recovered.isEmpty()) {
            log.info("Message journal: {} acknowledged messages not yet in the database, applying them", recovered.size());
        }
        applier.enqueue(recovered);
        writer = new Thread(this::run, "message-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /** The text is checked already (by the conversation module, before it asks the store). */
    CompletableFuture<MessageStore.Outcome> append(String conversationId, String clientMessageId, String text) {
        CompletableFuture<MessageStore.Outcome> done = new CompletableFuture<>();
        if (broken != null) {
            done.completeExceptionally(unavailable());
            return done;
        }
        queue.add(new Request(conversationId, clientMessageId, text, done));
        return done;
    }

    /** Stops taking messages; those already acknowledged are applied by the applier or at the next start. */
    void stop() throws InterruptedException, IOException {
        queue.add(STOP);
        writer.join(TimeUnit.SECONDS.toMillis(10));
        segments.close();
    }

    private void run() {
        List<Request> carried = new ArrayList<>();
        List<Request> batch = new ArrayList<>();
        while (true) {
            try {
                applier.awaitBacklogBelow(maxBacklog);
                // requests carried over wait for a direct append on their conversation: look again soon
                Request first = carried.isEmpty() ? queue.take() : queue.poll(1, TimeUnit.MILLISECONDS);
                batch.addAll(carried);
                carried.clear();
                if (first != null) {
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, Math.max(0, maxBatch - batch.size()));
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                carried.addAll(write(batch));
            }
            batch.clear();
            if (stop) {
                carried.forEach(r -> r.done().completeExceptionally(unavailable()));
                return;
            }
        }
    }

    /** Journals the batch and acknowledges it; returns the requests to try again (their conversation is held). */
    private List<Request> write(List<Request> batch) {
        if (broken != null) {
            batch.forEach(r -> r.done().completeExceptionally(unavailable()));
            return List.of();
        }
        Map<String, List<Request>> byConversation = new LinkedHashMap<>();
        batch.forEach(r -> byConversation.computeIfAbsent(r.conversationId(), id -> new ArrayList<>()).add(r));
        List<Request> later = new ArrayList<>();
        List<Request> answered = new ArrayList<>();
        List<MessageStore.Outcome> answers = new ArrayList<>();
        List<StoredMessage> fresh = new ArrayList<>();
        Instant now = Timestamps.now(clock);
        for (var entry : byConversation.entrySet()) {
            try {
                numberOne(entry.getKey(), entry.getValue(), now, later, answered, answers, fresh);
            } catch (RuntimeException e) {
                entry.getValue().forEach(r -> r.done().completeExceptionally(e));
            }
        }
        List<JournalSegments.Position> ends;
        try {
            ends = fresh.isEmpty() ? List.of() : segments.append(fresh.stream().map(JournalRecord::encode).toList());
        } catch (IOException | UncheckedIOException e) {
            // what was written may or may not be on the disk: stop here, as PostgreSQL does when fsync fails
            broken = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
            log.error("The message journal cannot be written; no more messages are taken until a restart", e);
            answered.forEach(r -> r.done().completeExceptionally(unavailable()));
            later.forEach(r -> r.done().completeExceptionally(unavailable()));
            return List.of();
        }
        List<JournalApplier.Journaled> journaled = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            remember(fresh.get(i));
            journaled.add(new JournalApplier.Journaled(fresh.get(i), ends.get(i)));
        }
        applier.enqueue(journaled);
        for (int i = 0; i < answered.size(); i++) {
            answered.get(i).done().complete(answers.get(i));
        }
        return later;
    }

    private void numberOne(String conversationId, List<Request> requests, Instant now, List<Request> later,
                           List<Request> answered, List<MessageStore.Outcome> answers, List<StoredMessage> fresh) {
        Optional<ConversationHeads.Head> found = heads.forJournal(conversationId);
        if (found.isEmpty()) {
            throw ApiException.notFound("conversation");
        }
        ConversationHeads.Head head = found.get();
        Map<String, StoredMessage> known = new HashMap<>();
        List<Request> toStore = new ArrayList<>();
        for (Request r : requests) {
            String cmid = r.clientMessageId();
            if (cmid == null) {
                toStore.add(r);
            } else if (!known.containsKey(cmid)) {
                StoredMessage earlier = null;
                if (clientIds.mayContain(conversationId, cmid)) {
                    earlier = unapplied.getOrDefault(conversationId, Map.of()).get(cmid);
                    if (earlier == null) {
                        earlier = table.findByClientId(conversationId, cmid).orElse(null);
                    }
                }
                known.put(cmid, earlier);
                if (earlier == null) {
                    toStore.add(r);
                }
            }
        }
        long seq;
        if (toStore.isEmpty()) {
            seq = 0;
        } else {
            Optional<Long> first = heads.numberJournaled(conversationId, toStore.size());
            if (first.isEmpty()) {
                later.addAll(requests);
                return;
            }
            seq = first.get();
        }
        for (Request r : requests) {
            answered.add(r);
            if (toStore.contains(r)) {
                StoredMessage m = StoredMessage.customer(conversationId, seq++, r.clientMessageId(), head.channel,
                        r.text(), now);
                if (r.clientMessageId() != null) {
                    known.put(r.clientMessageId(), m);
                }
                fresh.add(m);
                answers.add(new MessageStore.Outcome(m, false));
            } else {
                answers.add(new MessageStore.Outcome(known.get(r.clientMessageId()), true));
            }
        }
    }

    private long deletedBefore;

    /** On the applier's thread, after its commit. */
    private void applied(List<JournalApplier.Journaled> batch) {
        batch.forEach(j -> forget(j.message()));
        JournalSegments.Position end = batch.get(batch.size() - 1).end();
        if (end.segment() > deletedBefore) {
            try {
                segments.deleteBefore(end);
                deletedBefore = end.segment();
            } catch (IOException e) {
                log.warn("Could not delete applied journal segments: {}", e.toString());
            }
        }
    }

    /** On the writer's thread (or at start), before the message is acknowledged. */
    private void remember(StoredMessage m) {
        if (m.clientMessageId() != null) {
            unapplied.compute(m.conversationId(), (id, ids) -> {
                Map<String, StoredMessage> map = ids == null ? new ConcurrentHashMap<>() : ids;
                map.put(m.clientMessageId(), m);
                return map;
            });
            clientIds.add(m.conversationId(), m.clientMessageId());
        }
    }

    private void forget(StoredMessage m) {
        if (m.clientMessageId() != null) {
            unapplied.computeIfPresent(m.conversationId(), (id, ids) -> {
                ids.remove(m.clientMessageId(), m);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    /** Something other than the journal stored a message with a client id on the conversation. */
    void clientIdStoredElsewhere(String conversationId) {
        clientIds.invalidate(conversationId);
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "journal_unavailable", "消息暂时无法保存，请稍后重试。Messages cannot be stored right now.");
    }
}
