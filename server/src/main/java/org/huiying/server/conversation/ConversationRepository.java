package org.huiying.server.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConversationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConversationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insertCustomer(CustomerDetails customer, Instant now) {
        return insertCustomer(customer, false, now);
    }

    /** {@code phoneVerified}: the number is the channel's own address (an SMS thread, a call), not merely typed in. */
    long insertCustomer(CustomerDetails customer, boolean phoneVerified, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO customer (name, phone, vin, vehicle_model, phone_verified, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(customer.name(), customer.phone(), customer.vin(), customer.model(), phoneVerified, Timestamps.sql(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertConversation(String id, long customerId, String channel, String tokenHash, Instant now) {
        jdbc.sql("INSERT INTO conversation (id, customer_id, channel, token_hash, token_used_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, customerId, channel, tokenHash, tokenHash == null ? null : Timestamps.sql(now), Timestamps.sql(now))
                .update();
        jdbc.sql("INSERT INTO conversation_head (conversation_id, channel, last_seq) VALUES (?, ?, 0)")
                .params(id, channel)
                .update();
    }

    Optional<String> findCustomerPhone(String conversationId) {
        return jdbc.sql("SELECT c.phone FROM customer c JOIN conversation v ON v.customer_id = c.id WHERE v.id = ? AND c.phone IS NOT NULL")
                .param(conversationId).query(String.class).optional();
    }

    Optional<String> findVehicleModel(String conversationId) {
        return jdbc.sql("SELECT c.vehicle_model FROM customer c JOIN conversation v ON v.customer_id = c.id WHERE v.id = ?")
                .param(conversationId).query(String.class).optional();
    }

    /**
     * The customer known by any of these spellings of one phone number: one whose number a channel
     * proved first, then the earliest; never a record merged into another.
     */
    Optional<Long> findCustomerByPhone(Collection<String> phones) {
        return jdbc.sql("""
                SELECT id FROM customer WHERE phone IN (:phones) AND merged_into IS NULL
                ORDER BY CASE WHEN phone_verified THEN 0 ELSE 1 END, id LIMIT 1""")
                .param("phones", phones).query(Long.class).optional();
    }

    void markPhoneVerified(long customerId, String phone) {
        jdbc.sql("UPDATE customer SET phone = ?, phone_verified = TRUE WHERE id = ?").params(phone, customerId).update();
    }

    /** A conversation a chat token opens, and when the token was last used. */
    record TokenUse(String conversationId, Instant usedAt) {
    }

    Optional<TokenUse> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT id, token_used_at FROM conversation WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> new TokenUse(rs.getString("id"), Timestamps.read(rs, "token_used_at"))).optional();
    }

    void touchToken(String conversationId, Instant now) {
        jdbc.sql("UPDATE conversation SET token_used_at = ? WHERE id = ?").params(Timestamps.sql(now), conversationId).update();
    }

    Optional<String> findChannel(String conversationId) {
        return jdbc.sql("SELECT channel FROM conversation WHERE id = ?").param(conversationId).query(String.class).optional();
    }

    /** A conversation's channel and last seq, its row locked until commit so appends to one conversation are numbered one at a time. */
    record Head(String channel, long lastSeq) {
    }

    /**
     * The conversation's last seq: the row's, or its newest stored message's if that is higher. The
     * journal's applier raises the row only when it stores a conversation's last pending message
     * (while a customer keeps writing, one scattered page fewer per commit), so the seq index is read
     * from the row's value on: the few messages stored since.
     */
    private static final String LAST_SEQ = "GREATEST(h.last_seq, COALESCE((SELECT MAX(m.seq) FROM message m "
            + "WHERE m.conversation_id = h.conversation_id AND m.seq > h.last_seq), 0))";

    /** The head as committed, without locking it. */
    Optional<Head> findHead(String conversationId) {
        return jdbc.sql("SELECT h.channel, " + LAST_SEQ + " AS last_seq FROM conversation_head h WHERE h.conversation_id = ?")
                .param(conversationId)
                .query((rs, n) -> new Head(rs.getString("channel"), rs.getLong("last_seq"))).optional();
    }

    Optional<Head> lockHead(String conversationId) {
        return jdbc.sql("SELECT h.channel, " + LAST_SEQ + " AS last_seq FROM conversation_head h WHERE h.conversation_id = ? FOR UPDATE")
                .param(conversationId)
                .query((rs, n) -> new Head(rs.getString("channel"), rs.getLong("last_seq"))).optional();
    }

    /**
     * Takes the next {@code count} seqs of a conversation in one statement, which also locks its row
     * until commit: the answer's {@code lastSeq} is the last of them. The values come back as the
     * statement's generated keys, which H2 and PostgreSQL's driver both support for an UPDATE.
     */
    Optional<Head> reserveSeqs(String conversationId, int count) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("UPDATE conversation_head h SET last_seq = " + LAST_SEQ + " + ? WHERE h.conversation_id = ?")
                .params(count, conversationId)
                .update(keys, "channel", "last_seq");
        if (rows == 0) {
            return Optional.empty();
        }
        var row = keys.getKeyList().get(0);
        return Optional.of(new Head((String) row.get("channel"), ((Number) row.get("last_seq")).longValue()));
    }

    /** Never lowers it: with the journal, messages numbered earlier can reach the table after later ones. */
    void updateLastSeq(String conversationId, long seq) {
        jdbc.sql("UPDATE conversation_head SET last_seq = GREATEST(last_seq, ?) WHERE conversation_id = ?").params(seq, conversationId).update();
    }

    /** One batch for many conversations (see {@link #updateLastSeq}). */
    void raiseLastSeqs(Map<String, Long> lastSeqs) {
        if (lastSeqs.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(lastSeqs.size());
        lastSeqs.forEach((id, seq) -> rows.add(new Object[] {seq, id}));
        batch.batchUpdate("UPDATE conversation_head SET last_seq = GREATEST(last_seq, ?) WHERE conversation_id = ?", rows);
    }
}
