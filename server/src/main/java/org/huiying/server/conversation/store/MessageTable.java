package org.huiying.server.conversation.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the store needs of the message table, implemented by the conversation module, which keeps
 * the SQL and tells everyone about stored messages. The store calls back through this instead of
 * into the module's classes: the module depends on the store, never the other way round.
 */
public interface MessageTable {

    /** A conversation's channel and last seq as the database has them. */
    record Head(String channel, long lastSeq) {
    }

    /** A customer's chat message waiting for the group commit. */
    record Draft(String conversationId, String clientMessageId, String text) {
    }

    /**
     * The group commit's batch, in the caller's transaction: numbers and stores the drafts (a repeated
     * client id answered with its original), tells everyone, and answers in the order of {@code drafts}.
     */
    List<MessageStore.Outcome> storeTogether(List<Draft> drafts);

    /** One draft in a transaction of its own, as any direct append: the group commit's retry of a failed batch. */
    MessageStore.Outcome storeAlone(Draft draft);

    /** The head as committed, without locking it; empty: no such conversation. */
    Optional<Head> findHead(String conversationId);

    /** Every client id used on the conversation. */
    Collection<String> clientIds(String conversationId);

    Optional<StoredMessage> findByClientId(String conversationId, String clientMessageId);

    /** Raises the conversations' head rows to these last seqs (never lowers them), in the caller's transaction. */
    void raiseLastSeqs(Map<String, Long> lastSeqs);

    /**
     * Stores customer messages whose seqs are already taken, in the caller's transaction, and tells
     * everyone about them in the order given: the journal's applier ends here.
     */
    void storeNumbered(List<StoredMessage> numbered);
}
