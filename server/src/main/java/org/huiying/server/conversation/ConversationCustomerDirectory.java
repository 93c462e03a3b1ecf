package org.huiying.server.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.huiying.server.privacy.CustomerDirectory;
import org.huiying.server.privacy.CustomerProfile;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Privacy's view of customers and their conversations, read from the tables this module owns. */
@Component
class ConversationCustomerDirectory implements CustomerDirectory {

    /** A conversation still holding texts: never purged, or written to again since (the same phone thread). */
    private static final String LIVE =
            "(v.purged_at IS NULL OR EXISTS (SELECT 1 FROM message m2 WHERE m2.conversation_id = v.id AND m2.created_at > v.purged_at))";
    private static final String PROFILE = "SELECT id, name, phone, vin, vehicle_model, created_at, anonymised_at FROM customer";

    private final JdbcClient jdbc;
    private final Conversations conversations;

    ConversationCustomerDirectory(JdbcClient jdbc, Conversations conversations) {
        this.jdbc = jdbc;
        this.conversations = conversations;
    }

    @Override
    public Optional<CustomerProfile> find(long customerId) {
        return jdbc.sql(PROFILE + " WHERE id = ?").param(customerId).query((rs, n) -> profile(rs)).optional();
    }

    @Override
    public List<CustomerProfile> findByPhone(Collection<String> spellings) {
        return jdbc.sql(PROFILE + " WHERE phone IN (:phones) ORDER BY id LIMIT 100")
                .param("phones", spellings)
                .query((rs, n) -> profile(rs))
                .list();
    }

    private static CustomerProfile profile(ResultSet rs) throws SQLException {
        return new CustomerProfile(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("vin"),
                rs.getString("vehicle_model"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "anonymised_at"));
    }

    @Override
    public long conversationCount(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE customer_id = ?").param(customerId).query(Long.class).single();
    }

    @Override
    public Optional<Long> customerOf(String conversationId) {
        return jdbc.sql("SELECT customer_id FROM conversation WHERE id = ?").param(conversationId).query(Long.class).optional();
    }

    @Override
    public List<String> conversationsOf(long customerId) {
        return jdbc.sql("SELECT id FROM conversation WHERE customer_id = ? ORDER BY created_at").param(customerId)
                .query(String.class).list();
    }

    @Override
    public void awaitStored(String conversationId) {
        conversations.awaitStored(conversationId);
    }

    /*
     * Paged by (created_at, id) after the last one returned rather than by asking for the first page
     * again: a conversation another module still needs (an unresolved ticket) is returned but keeps its
     * texts, so it would stay on the first page for ever.
     */
    @Override
    public List<String> silentSince(Instant cutoff, String after, int limit) {
        String page = after == null ? "" : """
                  AND (v.created_at > (SELECT a.created_at FROM conversation a WHERE a.id = :after)
                       OR (v.created_at = (SELECT a.created_at FROM conversation a WHERE a.id = :after) AND v.id > :after))
                """;
        var sql = jdbc.sql("""
                SELECT v.id FROM conversation v
                WHERE %s AND v.created_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = v.id AND m.created_at >= :cutoff)
                %sORDER BY v.created_at, v.id LIMIT :limit""".formatted(LIVE, page))
                .param("cutoff", Timestamps.sql(cutoff))
                .param("limit", limit);
        if (after != null) {
            sql = sql.param("after", after);
        }
        return sql.query(String.class).list();
    }

    @Override
    public List<Long> withNothingLeft(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT c.id FROM customer c
                WHERE c.anonymised_at IS NULL AND c.created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM conversation v WHERE v.customer_id = c.id AND %s)
                ORDER BY c.id LIMIT ?""".formatted(LIVE))
                .params(Timestamps.sql(cutoff), limit)
                .query(Long.class).list();
    }
}
