package org.huiying.server.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;

/**
 * What a module keeps about customers, for the erasure on request, the retention job and the
 * export (PIPL). Each module that owns tables holding customers' texts, phone numbers or names
 * implements this in its own package with its own SQL; privacy calls every implementation in one
 * transaction and never touches those tables itself (the dependency runs owner → privacy).
 *
 * <p>A customer and their conversations are named by the ids the conversation module gives them
 * ({@link CustomerDirectory}), so no implementation needs to read another module's table to find
 * its rows.
 *
 * <p>Order ({@link #getOrder()}, lowest first): erasure goes from the rows that point at others to
 * the rows they point at (voice calls, callbacks, surveys, escalations before tickets; media and
 * outbox entries before messages; messages before conversations and customers), so that a foreign
 * key never refers to a row already changed or removed, and the conversation module, which marks
 * the conversation purged and the customer anonymised, comes last. The export is read in the
 * reverse order, the record's roots first: customer, conversations, messages, media, tickets, ....
 * In use today: phone records 100, callbacks 200, surveys 300, escalations 400, tickets 500, message
 * media 600, conversations and customers 1000.
 */
public interface PersonalData extends Ordered {

    /** What an erased text reads afterwards (message bodies, outgoing SMS, call numbers). */
    String ERASED = "[已删除]";

    /**
     * Removes what this module keeps of one conversation's texts (retention, and erasure for each of
     * the customer's conversations); tickets, SLA history and scores stay for the statistics.
     *
     * @return how many message texts were erased (the erasure reports it); 0 from modules that keep none
     */
    default int eraseConversation(String conversationId, Instant now) {
        return 0;
    }

    /**
     * Removes the customer's phone number, name and VIN wherever this module keeps them; called after
     * {@link #eraseConversation} when the customer asks to be erased, or when retention has left none
     * of their conversations holding texts.
     *
     * @param conversationIds all the customer's conversations
     */
    default void eraseCustomer(long customerId, List<String> conversationIds, Instant now) {
    }

    /**
     * Retention: of these conversations (silent past the cutoff), those this module still needs whole,
     * e.g. one whose ticket is not resolved. They keep their texts.
     */
    default Set<String> stillNeeded(Collection<String> conversationIds) {
        return Set.of();
    }

    /**
     * This module's part of the customer's export: section name → JSON-ready value (see
     * {@link ExportRows}), in the order the sections are to appear.
     *
     * @param conversationIds all the customer's conversations, oldest first
     */
    default Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of();
    }
}
