package org.huiying.server.conversation.store;

import java.util.concurrent.CompletableFuture;

/**
 * Stores and numbers customers' messages for the conversation module: the {@link GroupCommit}, or on
 * the embedded server the journal ({@link JournalStore}); {@link MessageStoreConfig} picks one. The
 * messages the module appends directly in SQL (agents', system notes) take their seqs from here too,
 * so both kinds share one gap-free numbering per conversation.
 */
public interface MessageStore {

    /** The outcome of an append: the stored message, and whether it had been stored before. */
    record Outcome(StoredMessage message, boolean duplicate) {
    }

    /**
     * Stores a customer's message, its text already checked. The future completes only once the
     * message cannot be lost (its batch committed, or its journal record forced to the disk), so
     * whoever acknowledges it to the client afterwards never acknowledges something that could be;
     * it fails with the {@code ApiException} to show the client when the message cannot be stored.
     * A repeated client message id is answered with the original message, marked duplicate.
     */
    CompletableFuture<Outcome> appendCustomerMessage(String conversationId, String clientMessageId, String text);

    /**
     * The seq for a message appended directly in the caller's transaction, which has locked the
     * conversation's row and read {@code storedLastSeq} from it. With the journal the conversation
     * stays held until that transaction ends, so the journal never numbers around a seq that could
     * still roll back; {@code withClientId}: the message carries a client id the journal must learn of.
     */
    long numberDirectAppend(String conversationId, String channel, long storedLastSeq, boolean withClientId);

    /**
     * Returns once every message acknowledged on the conversation so far is in the database (at once
     * without the journal), for whoever reads or rewrites its messages in SQL: a reader must not see a
     * later message without the ones before it.
     */
    void awaitStored(String conversationId);
}
