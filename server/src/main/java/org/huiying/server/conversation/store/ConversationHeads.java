package org.huiying.server.conversation.store;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Numbers the messages of conversations that have journaled messages not yet in the database, so
 * the journal can acknowledge a customer's message with its seq before the database has it. A
 * conversation is here only while it has such messages (or a transaction appending to it directly);
 * otherwise the database is the truth (the head row, or the newest stored message where the applier
 * left the row behind) and is read when it comes back.
 * <p>
 * A direct append ({@link MessageStore#numberDirectAppend}) holds its conversation until its
 * transaction ends, so the journal never numbers around a seq that could still roll back; the
 * journal's writer skips a held conversation for the moment rather than wait. Readers of a conversation's history wait
 * until every message numbered before they asked is in the database.
 */
final class ConversationHeads {

    static final class Head {
        final String channel;
        long assigned;        // the last seq given out
        long journaled;       // the last seq given to a journaled message
        long applied;         // the last journaled seq in the database
        int pending;          // journaled messages not in the database yet
        Thread holder;        // a direct append's transaction
        int holds;
        long assignedBeforeHold;
        boolean retired;      // removed from the map: fetch again

        Head(String channel, long lastSeq) {
            this.channel = channel;
            this.assigned = lastSeq;
            this.journaled = lastSeq;
            this.applied = lastSeq;
        }
    }

    private final Map<String, Head> heads = new ConcurrentHashMap<>();
    private final Function<String, Optional<MessageTable.Head>> stored;
    private final Duration readWait;

    ConversationHeads(Function<String, Optional<MessageTable.Head>> stored, Duration readWait) {
        this.stored = stored;
        this.readWait = readWait;
    }

    /** The head for numbering journaled messages, loaded from the database if absent; empty: no such conversation. */
    Optional<Head> forJournal(String conversationId) {
        while (true) {
            // the row is read inside computeIfAbsent: a direct append that retired its head had
            // committed before, so the read sees its message
            Head head = heads.computeIfAbsent(conversationId,
                    id -> stored.apply(id).map(row -> new Head(row.channel(), row.lastSeq())).orElse(null));
            if (head == null) {
                return Optional.empty();
            }
            synchronized (head) {
                if (!head.retired) {
                    return Optional.of(head);
                }
            }
        }
    }

    /**
     * Gives {@code count} seqs to journaled messages of the conversation and returns the first; empty
     * when a direct append holds it (try again later). The head is looked up here, not passed in: one
     * fetched earlier may have been retired since (the applier stored its last pending message while
     * the journal looked up client ids), and seqs given on it would be invisible to readers and to
     * direct appends.
     */
    Optional<Long> numberJournaled(String conversationId, int count) {
        while (true) {
            Head head = forJournal(conversationId)
                    .orElseThrow(() -> new NoSuchElementException("conversation " + conversationId + " is gone"));
            synchronized (head) {
                if (head.retired) {
                    continue;
                }
                if (head.holder != null) {
                    return Optional.empty();
                }
                long first = head.assigned + 1;
                head.assigned += count;
                head.journaled = head.assigned;
                head.pending += count;
                return Optional.of(first);
            }
        }
    }

    /** Recovery: a journaled message read back at start, not yet in the database. */
    void recovered(StoredMessage message) {
        // the row may be ahead (direct appends after this message was journaled): number after both
        Head head = heads.computeIfAbsent(message.conversationId(), id -> stored.apply(id)
                .map(row -> new Head(row.channel(), row.lastSeq()))
                .orElseGet(() -> new Head(message.channel(), message.seq() - 1)));
        synchronized (head) {
            head.assigned = Math.max(head.assigned, message.seq());
            head.journaled = Math.max(head.journaled, message.seq());
            head.applied = Math.min(head.applied, message.seq() - 1);
            head.pending++;
        }
    }

    /**
     * True when {@code count} journaled messages being stored are all the conversation has pending:
     * after them its head leaves memory and the database is asked again. (Messages journaled meanwhile
     * only make a true answer unnecessary, never a false one wrong: pending only falls when stored.)
     */
    boolean finishes(String conversationId, int count) {
        Head head = heads.get(conversationId);
        if (head == null) {
            return true;
        }
        synchronized (head) {
            return head.pending <= count;
        }
    }

    /** The journaled messages up to {@code seq} are in the database now ({@code count} of them). */
    void applied(String conversationId, long seq, int count) {
        Head head = heads.get(conversationId);
        if (head == null) {
            return;
        }
        synchronized (head) {
            head.applied = Math.max(head.applied, seq);
            head.pending -= count;
            retireIfIdle(conversationId, head);
            head.notifyAll();
        }
    }

    /**
     * For a direct append inside the caller's transaction (which already locked the conversation's
     * row): holds the conversation and returns the seq to use, given the database's last seq. The
     * hold is given back by {@link #release}.
     */
    long holdAndNumber(String conversationId, String channel, long storedLastSeq) throws InterruptedException {
        Thread me = Thread.currentThread();
        while (true) {
            Head head = heads.computeIfAbsent(conversationId, id -> new Head(channel, storedLastSeq));
            synchronized (head) {
                if (head.retired) {
                    continue;
                }
                while (head.holder != null && head.holder != me) {
                    head.wait();
                }
                if (head.retired) {
                    continue;
                }
                if (head.holds++ == 0) {
                    head.holder = me;
                    head.assignedBeforeHold = head.assigned;
                }
                head.assigned = Math.max(head.assigned, storedLastSeq) + 1;
                return head.assigned;
            }
        }
    }

    /** Ends one hold of the calling thread; when the last one of a rolled-back transaction ends, its seqs are given back. */
    void release(String conversationId, boolean committed) {
        Head head = heads.get(conversationId);
        if (head == null) {
            return;
        }
        synchronized (head) {
            if (head.holder != Thread.currentThread()) {
                return;
            }
            if (!committed) {
                head.assigned = head.assignedBeforeHold;
                head.holds = Math.max(0, head.holds - 1);
                if (head.holds > 0) {
                    return;
                }
            } else if (--head.holds > 0) {
                return;
            }
            head.holder = null;
            head.holds = 0;
            retireIfIdle(conversationId, head);
            head.notifyAll();
        }
    }

    /**
     * Waits (at most the configured read wait) until every message journaled on the conversation so
     * far is in the database, so a reader never sees a later message without the earlier ones.
     */
    void awaitApplied(String conversationId) {
        Head head = heads.get(conversationId);
        if (head == null) {
            return;
        }
        long deadline = System.nanoTime() + readWait.toNanos();
        synchronized (head) {
            long target = head.journaled;
            while (head.applied < target && !head.retired) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    head.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    int size() {
        return heads.size();
    }

    private void retireIfIdle(String conversationId, Head head) {
        if (head.pending == 0 && head.holder == null) {
            head.retired = true;
            heads.remove(conversationId, head);
        }
    }
}
