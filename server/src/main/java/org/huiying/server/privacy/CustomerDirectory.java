package org.huiying.server.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who the customers are and which conversations are theirs, as privacy needs to know it. Privacy
 * defines it and the conversation module, which owns the customer, conversation and message tables,
 * implements it, so privacy does not depend on conversation.
 */
public interface CustomerDirectory {

    Optional<CustomerProfile> find(long customerId);

    /** Customers known by any of these spellings of one number, oldest first, at most 100. */
    List<CustomerProfile> findByPhone(Collection<String> spellings);

    long conversationCount(long customerId);

    Optional<Long> customerOf(String conversationId);

    /** The customer's conversations, oldest first. */
    List<String> conversationsOf(long customerId);

    /** Returns once every message acknowledged on the conversation is in the database, for an export or erasure to see it. */
    void awaitStored(String conversationId);

    /**
     * Retention candidates: conversations still holding texts (never purged, or written to again
     * since), begun before {@code cutoff} and with no message since; in (start, id) order, those after
     * {@code after} (null: from the first), at most {@code limit}.
     */
    List<String> silentSince(Instant cutoff, String after, int limit);

    /** Customers begun before {@code cutoff}, not yet anonymised, none of whose conversations holds texts. */
    List<Long> withNothingLeft(Instant cutoff, int limit);
}
