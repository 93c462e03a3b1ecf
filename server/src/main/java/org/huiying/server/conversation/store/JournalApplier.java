package org.huiying.server.conversation.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.huiying.server.concurrent.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves acknowledged messages from the journal into the message table, many per transaction (the
 * commit is what costs), and tells everyone about them as the group commit did: the tickets they
 * open, the surveys they answer, the agents' desks. Each transaction also records how far the
 * journal is applied, so after a crash the rest is applied once, never twice. The only thread that
 * writes journaled messages to the database.
 */
final class JournalApplier {

    /** A journaled message and where its record ends. */
    record Journaled(StoredMessage message, JournalSegments.Position end) {
    }

    private static final Logger log = LoggerFactory.getLogger(JournalApplier.class);
    private static final Journaled STOP = new Journaled(null, null);

    private final MessageTable table;
    private final ConversationHeads heads;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final int maxBatch;
    private final BlockingQueue<Journaled> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private int backlog; // guarded by progress
    private Consumer<List<Journaled>> afterApply = batch -> { };
    private volatile Thread thread;

    JournalApplier(MessageTable table, ConversationHeads heads, TransactionTemplate transaction, JdbcClient jdbc,
                   int maxBatch) {
        this.table = table;
        this.heads = heads;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.maxBatch = maxBatch;
    }

    JournalSegments.Position appliedPosition() {
        return jdbc.sql("SELECT segment_no, byte_offset FROM message_journal WHERE id = 1")
                .query((rs, n) -> new JournalSegments.Position(rs.getLong(1), rs.getLong(2))).optional()
                .orElse(JournalSegments.Position.START);
    }

    void afterApply(Consumer<List<Journaled>> listener) {
        this.afterApply = listener;
    }

    void enqueue(List<Journaled> journaled) {
        synchronized (progress) {
            backlog += journaled.size();
        }
        queue.addAll(journaled);
    }

    /** Waits until fewer than {@code limit} messages wait to be applied. */
    void awaitBacklogBelow(int limit) throws InterruptedException {
        synchronized (progress) {
            while (backlog >= limit) {
                progress.wait();
            }
        }
    }

    int backlog() {
        synchronized (progress) {
            return backlog;
        }
    }

    /** True on the applier's own thread: what runs there sees its batch already and must not wait for it. */
    boolean isApplying() {
        return Thread.currentThread() == thread;
    }

    void start() {
        Thread t = new Thread(this::run, "journal-applier");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Applies what is queued, then stops; what is left stays in the journal for the next start. */
    void stop(long waitMillis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return;
        }
        queue.add(STOP);
        t.join(waitMillis);
        if (t.isAlive()) {
            t.interrupt();
            t.join(waitMillis);
        }
    }

    private void run() {
        Batches.drain(queue, STOP, maxBatch, this::applyUntilDone);
    }

    /** False only when interrupted: a database that is down is waited for, nothing is dropped. */
    private boolean applyUntilDone(List<Journaled> batch) {
        long pause = 100;
        while (true) {
            try {
                applyTogetherOrAlone(batch);
                return true;
            } catch (RuntimeException e) {
                log.error("Could not apply {} journaled messages to the database; retrying in {} ms", batch.size(), pause, e);
                try {
                    TimeUnit.MILLISECONDS.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return false;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private void applyTogetherOrAlone(List<Journaled> batch) {
        try {
            transaction.executeWithoutResult(status -> store(batch));
        } catch (DataIntegrityViolationException e) {
            if (batch.size() == 1) {
                // cannot be stored at all (its conversation was erased meanwhile): skip it, keep the rest moving
                log.error("Skipping journaled message {}#{}: {}", batch.get(0).message().conversationId(),
                        batch.get(0).message().seq(), e.getMostSpecificCause().toString());
                transaction.executeWithoutResult(status -> movePosition(batch.get(0).end()));
            } else {
                for (Journaled one : batch) {
                    applyTogetherOrAlone(List.of(one));
                }
                return;
            }
        }
        done(batch);
    }

    /**
     * Raises the head rows only of the conversations whose last pending message this is: the others
     * stay in {@link ConversationHeads} and their rows are read with the messages stored past them.
     */
    private void store(List<Journaled> batch) {
        List<StoredMessage> fresh = new ArrayList<>(batch.size());
        batch.forEach(j -> fresh.add(j.message()));
        Map<String, Long> finished = new LinkedHashMap<>();
        perConversation(batch).forEach((id, tally) -> {
            if (heads.finishes(id, tally.count())) {
                finished.put(id, tally.lastSeq());
            }
        });
        table.raiseLastSeqs(finished);
        movePosition(batch.get(batch.size() - 1).end());
        table.storeNumbered(fresh);
    }

    /** A conversation's share of a batch. */
    private record Tally(long lastSeq, int count) {
    }

    private static Map<String, Tally> perConversation(List<Journaled> batch) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Journaled j : batch) {
            tallies.merge(j.message().conversationId(), new Tally(j.message().seq(), 1),
                    (a, b) -> new Tally(Math.max(a.lastSeq(), b.lastSeq()), a.count() + b.count()));
        }
        return tallies;
    }

    private void movePosition(JournalSegments.Position end) {
        jdbc.sql("UPDATE message_journal SET segment_no = ?, byte_offset = ? WHERE id = 1")
                .params(end.segment(), end.offset()).update();
    }

    private void done(List<Journaled> batch) {
        perConversation(batch).forEach((id, tally) -> heads.applied(id, tally.lastSeq(), tally.count()));
        afterApply.accept(batch);
        synchronized (progress) {
            backlog -= batch.size();
            progress.notifyAll();
        }
    }
}
