package org.huiying.server.conversation.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journal as the {@link MessageStore}: customers' messages go to the {@link MessageJournal},
 * direct appends are numbered by the {@link ConversationHeads} it shares, readers wait for the
 * {@link JournalApplier}. Also starts and stops the two: the applier starts before anything else
 * (events need their listeners) and stops after everything.
 */
final class JournalStore implements MessageStore, SmartLifecycle {

    private final MessageJournal journal;
    private final ConversationHeads heads;
    private final JournalApplier applier;
    private volatile boolean running;

    JournalStore(MessageJournal journal, ConversationHeads heads, JournalApplier applier) {
        this.journal = journal;
        this.heads = heads;
        this.applier = applier;
    }

    @Override
    public CompletableFuture<Outcome> appendCustomerMessage(String conversationId, String clientMessageId, String text) {
        return journal.append(conversationId, clientMessageId, text);
    }

    /**
     * The database's last seq plus one, unless the journal has numbered messages it has not stored
     * yet: then the heads number this one too, holding the conversation until the transaction ends.
     */
    @Override
    public long numberDirectAppend(String conversationId, String channel, long storedLastSeq, boolean withClientId) {
        long seq;
        try {
            seq = heads.holdAndNumber(conversationId, channel, storedLastSeq);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while numbering a message", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                heads.release(conversationId, status == STATUS_COMMITTED);
            }
        });
        if (withClientId) {
            // the journal's client-id index must not answer "never used" for the id stored here
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    journal.clientIdStoredElsewhere(conversationId);
                }
            });
        }
        return seq;
    }

    /** On the applier's own thread the batch being stored is visible already: waiting for it would never end. */
    @Override
    public void awaitStored(String conversationId) {
        if (!applier.isApplying()) {
            heads.awaitApplied(conversationId);
        }
    }

    @Override
    public void start() {
        applier.start();
        running = true;
    }

    @Override
    public void stop() {
        try {
            journal.stop();
            applier.stop(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
