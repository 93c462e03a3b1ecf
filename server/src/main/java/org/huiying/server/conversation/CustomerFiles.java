package org.huiying.server.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer records as stored (this module owns the customer table): who a conversation is with, for
 * screens that show it (masked there), and the moves that make one person one record — a chat joined
 * to the customer of a verified phone number, two records merged and unmerged.
 */
@Component
public class CustomerFiles {

    /** A customer's record; {@code phone} and {@code name} unmasked — mask before they leave the server. */
    public record CustomerFile(long customerId, String name, String phone, String vin, String vehicleModel,
                               boolean phoneVerified, Long mergedInto) {
    }

    private static final String COLUMNS = "c.id, c.name, c.phone, c.vin, c.vehicle_model, c.phone_verified, c.merged_into";

    private final JdbcClient jdbc;
    private final ConversationRepository conversations;

    CustomerFiles(JdbcClient jdbc, ConversationRepository conversations) {
        this.jdbc = jdbc;
        this.conversations = conversations;
    }

    public Optional<CustomerFile> forConversation(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation v JOIN customer c ON c.id = v.customer_id WHERE v.id = ?")
                .param(conversationId)
                .query((rs, n) -> file(rs))
                .optional();
    }

    public Optional<Long> customerOf(String conversationId) {
        return jdbc.sql("SELECT customer_id FROM conversation WHERE id = ?").param(conversationId).query(Long.class).optional();
    }

    /** The customer's conversations with their channels, newest first, at most {@code limit}. */
    public List<CustomerConversation> conversationsOf(long customerId, int limit) {
        return jdbc.sql("SELECT id, channel, created_at FROM conversation WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(customerId, limit)
                .query((rs, n) -> new CustomerConversation(rs.getString("id"), rs.getString("channel"),
                        org.huiying.server.storage.Timestamps.read(rs, "created_at")))
                .list();
    }

    /** One of a customer's conversations: chat, sms, voice. */
    public record CustomerConversation(String id, String channel, java.time.Instant startedAt) {
    }

    public Optional<CustomerFile> find(long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?").param(customerId)
                .query((rs, n) -> file(rs)).optional();
    }

    /** Records not merged away known by any of these spellings of one number, at most 20. */
    public List<CustomerFile> withPhone(List<String> spellings) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.phone IN (:phones) AND c.merged_into IS NULL ORDER BY c.id LIMIT 20")
                .param("phones", spellings).query((rs, n) -> file(rs)).list();
    }

    private static CustomerFile file(java.sql.ResultSet rs) throws java.sql.SQLException {
        long merged = rs.getLong("merged_into");
        Long mergedInto = rs.wasNull() ? null : merged;
        return new CustomerFile(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("vin"),
                rs.getString("vehicle_model"), rs.getBoolean("phone_verified"), mergedInto);
    }

    /**
     * The chat's customer proved {@code e164} is theirs: the conversation joins the customer already known
     * by that number (any of its {@code spellings}; the chat's details fill what that record lacks), or,
     * when nobody is, its own customer takes the number as verified. Returns the customer it now belongs to.
     */
    @Transactional
    public long joinVerifiedPhone(String conversationId, String e164, List<String> spellings) {
        CustomerFile chat = forConversation(conversationId).orElseThrow();
        Optional<Long> known = conversations.findCustomerByPhone(spellings).filter(id -> id != chat.customerId());
        if (known.isEmpty()) {
            conversations.markPhoneVerified(chat.customerId(), e164);
            return chat.customerId();
        }
        long into = known.get();
        jdbc.sql("UPDATE conversation SET customer_id = ? WHERE id = ?").params(into, conversationId).update();
        jdbc.sql("""
                UPDATE customer SET name = COALESCE(name, ?), vin = COALESCE(vin, ?), vehicle_model = COALESCE(vehicle_model, ?),
                phone_verified = TRUE WHERE id = ?""")
                .params(chat.name(), chat.vin(), chat.vehicleModel(), into).update();
        return into;
    }

    /** Moves every conversation of {@code fromId} to {@code intoId} and marks {@code fromId} merged; returns the moved ids. */
    @Transactional
    public List<String> merge(long fromId, long intoId) {
        List<String> moved = jdbc.sql("SELECT id FROM conversation WHERE customer_id = ? ORDER BY id").param(fromId)
                .query(String.class).list();
        jdbc.sql("UPDATE conversation SET customer_id = ? WHERE customer_id = ?").params(intoId, fromId).update();
        jdbc.sql("UPDATE customer SET merged_into = ? WHERE id = ?").params(intoId, fromId).update();
        return moved;
    }

    /** Undoes {@link #merge}: those conversations go back to {@code fromId}, which is a record of its own again. */
    @Transactional
    public void unmerge(long fromId, long intoId, List<String> conversationIds) {
        for (String id : conversationIds) {
            jdbc.sql("UPDATE conversation SET customer_id = ? WHERE id = ? AND customer_id = ?").params(fromId, id, intoId).update();
        }
        jdbc.sql("UPDATE customer SET merged_into = NULL WHERE id = ?").param(fromId).update();
    }
}
