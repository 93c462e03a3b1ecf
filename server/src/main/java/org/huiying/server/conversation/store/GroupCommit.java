package org.huiying.server.conversation.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.huiying.server.concurrent.Batches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends for connections that must not wait on the database (the customer gateway): many appends
 * share one transaction, so one commit (the expensive part, see docs/benchmarks.md) is paid per
 * batch instead of per message. Each conversation always goes to the same writer thread, which
 * stores its messages in submission order. A future completes only once the batch has committed.
 * When a batch fails, its appends are retried one transaction each, so one bad append cannot fail
 * its neighbours and every one gets its own outcome. On the embedded server the journal
 * ({@link JournalStore}) is the store instead. Messages appended directly are numbered as the
 * database has them: the conversation's row, locked by their transaction, is the only truth here.
 */
final class GroupCommit implements MessageStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final MessageTable table;
    private final TransactionTemplate transaction;
    private final int maxBatch;
    private final List<Writer> writers = new ArrayList<>();

    GroupCommit(MessageTable table, TransactionTemplate transaction, int writerCount, int maxBatch) {
        this.table = table;
        this.transaction = transaction;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerCount; i++) {
            Writer writer = new Writer(i);
            writers.add(writer);
            writer.start();
        }
    }

    /** Stores a customer's message as a direct append would, in a shared transaction. */
    @Override
    public CompletableFuture<Outcome> appendCustomerMessage(String conversationId, String clientMessageId, String text) {
        Request request = new Request(new MessageTable.Draft(conversationId, clientMessageId, text),
                new CompletableFuture<>());
        writers.get(Math.floorMod(conversationId.hashCode(), writers.size())).queue.add(request);
        return request.done();
    }

    @Override
    public long numberDirectAppend(String conversationId, String channel, long storedLastSeq, boolean withClientId) {
        return storedLastSeq + 1;
    }

    /** Every acknowledged message is committed already. */
    @Override
    public void awaitStored(String conversationId) {
    }

    @Override
    public void destroy() throws InterruptedException {
        for (Writer writer : writers) {
            writer.queue.add(Request.STOP);
        }
        for (Writer writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private record Request(MessageTable.Draft draft, CompletableFuture<Outcome> done) {
        static final Request STOP = new Request(null, null);
    }

    private final class Writer extends Thread {

        final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

        Writer(int index) {
            super("group-commit-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            Batches.drain(queue, Request.STOP, maxBatch, batch -> {
                store(batch);
                return true;
            });
        }

        /** A batch of one takes the batched path too: it skips {@link MessageTable#storeAlone}'s re-read. */
        private void store(List<Request> batch) {
            if (storeTogether(batch)) {
                return;
            }
            for (Request r : batch) {
                try {
                    r.done().complete(table.storeAlone(r.draft()));
                } catch (RuntimeException e) {
                    r.done().completeExceptionally(e);
                }
            }
        }

        /** True when the whole batch committed (and its futures completed); false when it rolled back. */
        private boolean storeTogether(List<Request> batch) {
            try {
                transaction.executeWithoutResult(status -> {
                    List<Outcome> stored = table.storeTogether(batch.stream().map(Request::draft).toList());
                    TransactionSynchronizationManager.registerSynchronization(new Acknowledge(batch, stored));
                });
                return true;
            } catch (RuntimeException e) {
                log.debug("A batch of {} appends rolled back ({}); storing them one by one", batch.size(), e.toString());
                return false;
            }
        }
    }

    /**
     * Completes the futures as soon as the commit succeeded, before after-commit listeners (pushes to
     * agents) run, so the customer's acknowledgement does not wait for them.
     */
    private static final class Acknowledge implements TransactionSynchronization, Ordered {

        private final List<Request> batch;
        private final List<Outcome> stored;

        Acknowledge(List<Request> batch, List<Outcome> stored) {
            this.batch = batch;
            this.stored = stored;
        }

        @Override
        public void afterCommit() {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(stored.get(i));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
