package org.huiying.server.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Everything stored about one customer, read out whole (export) or stripped of personal data (erasure, retention). */
@Component
class CustomerRecords {

    /** A conversation still holding texts: never purged, or written to again since (the same phone thread). */
    private static final String LIVE =
            "(v.purged_at IS NULL OR EXISTS (SELECT 1 FROM message m2 WHERE m2.conversation_id = v.id AND m2.created_at > v.purged_at))";

    /** What an erased message text reads afterwards. */
    static final String ERASED = "[已删除]";

    private final JdbcClient jdbc;

    CustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Customer(long id, String name, String phone, String vin, String vehicleModel, Instant createdAt,
                    Instant anonymisedAt) {
    }

    Optional<Customer> find(long id) {
        return jdbc.sql("SELECT id, name, phone, vin, vehicle_model, created_at, anonymised_at FROM customer WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("vin"), rs.getString("vehicle_model"), Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "anonymised_at")))
                .optional();
    }

    /** Customers known by any of these spellings of one number, oldest first. */
    List<Customer> findByPhone(Collection<String> spellings) {
        return jdbc.sql("SELECT id, name, phone, vin, vehicle_model, created_at, anonymised_at FROM customer"
                        + " WHERE phone IN (:phones) ORDER BY id LIMIT 100")
                .param("phones", spellings)
                .query((rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("vin"), rs.getString("vehicle_model"), Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "anonymised_at")))
                .list();
    }

    Optional<Long> customerOfConversation(String conversationId) {
        return jdbc.sql("SELECT customer_id FROM conversation WHERE id = ?").param(conversationId).query(Long.class).optional();
    }

    long conversationCount(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE customer_id = ?").param(customerId).query(Long.class).single();
    }

    /** The customer's whole record as JSON-ready maps: profile, conversations, messages, media, tickets, surveys, callbacks, calls. */
    Map<String, Object> export(Customer customer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customer", customer);
        String mine = "(SELECT id FROM conversation WHERE customer_id = ?)";
        out.put("conversations", rows("SELECT id, channel, created_at, purged_at FROM conversation WHERE customer_id = ? ORDER BY created_at",
                customer.id()));
        out.put("messages", rows("SELECT conversation_id, seq, sender, channel, body AS text, delivery, created_at FROM message"
                + " WHERE conversation_id IN " + mine + " ORDER BY conversation_id, seq", customer.id()));
        out.put("media", rows("SELECT conversation_id, seq, position, url, content_type FROM message_media"
                + " WHERE conversation_id IN " + mine + " ORDER BY conversation_id, seq, position", customer.id()));
        out.put("tickets", rows("SELECT id, conversation_id, type, category, status, queue, vehicle_model, priority, opened_at,"
                + " first_responded_at, resolved_at, parent_id FROM ticket WHERE conversation_id IN " + mine + " ORDER BY opened_at",
                customer.id()));
        out.put("surveys", rows("SELECT id, ticket_id, conversation_id, status, score, comment, sent_at, answered_at FROM survey"
                + " WHERE conversation_id IN " + mine + " ORDER BY created_at", customer.id()));
        out.put("callbacks", rows("SELECT id, ticket_id, reason, due_at, status, attempts, outcome, note, completed_at FROM callback_task"
                + " WHERE ticket_id IN (SELECT id FROM ticket WHERE conversation_id IN " + mine + ") ORDER BY created_at", customer.id()));
        out.put("calls", rows("SELECT call_sid, direction, phone, status, ticket_id, created_at FROM voice_call"
                + " WHERE conversation_id IN " + mine + " ORDER BY created_at", customer.id()));
        return out;
    }

    /**
     * Removes a conversation's texts and everything typed into it (escalations quoting it included), keeping tickets, SLA history and scores
     * for the statistics; the customer's chat token stops working.
     */
    int purgeConversation(String conversationId, Instant now) {
        int messages = jdbc.sql("UPDATE message SET body = ? WHERE conversation_id = ?").params(ERASED, conversationId).update();
        jdbc.sql("DELETE FROM message_media WHERE conversation_id = ?").param(conversationId).update();
        // texts not yet sent are not sent any more
        jdbc.sql("UPDATE sms_outbox SET body = ?, state = CASE WHEN state IN ('PENDING', 'DRY_RUN') THEN 'FAILED' ELSE state END,"
                + " last_error = CASE WHEN state IN ('PENDING', 'DRY_RUN') THEN 'erased' ELSE last_error END WHERE conversation_id = ?")
                .params(ERASED, conversationId).update();
        jdbc.sql("UPDATE survey SET comment = NULL WHERE conversation_id = ? OR answer_conversation_id = ?")
                .params(conversationId, conversationId).update();
        jdbc.sql("UPDATE callback_task SET note = NULL WHERE ticket_id IN (SELECT id FROM ticket WHERE conversation_id = ?)")
                .param(conversationId).update();
        // a low-satisfaction escalation quotes the customer's survey comment: keep the score, drop the words
        jdbc.sql("""
                UPDATE escalation SET subject = ? WHERE kind = 'LOW_SATISFACTION' AND id IN (SELECT x.escalation_id
                FROM escalation_ticket x JOIN ticket t ON t.id = x.ticket_id WHERE t.conversation_id = ?)""")
                .params("满意度低（评价内容已删除）", conversationId).update();
        jdbc.sql("UPDATE conversation SET purged_at = ?, token_hash = NULL WHERE id = ?")
                .params(Timestamps.sql(now), conversationId).update();
        return messages;
    }

    /** Erases the customer's phone number, name and VIN wherever they are kept; the vehicle model stays for statistics. */
    void anonymiseCustomer(long customerId, Instant now) {
        String mine = "(SELECT id FROM conversation WHERE customer_id = ?)";
        jdbc.sql("DELETE FROM sms_thread WHERE conversation_id IN " + mine).param(customerId).update();
        jdbc.sql("DELETE FROM voice_thread WHERE conversation_id IN " + mine).param(customerId).update();
        jdbc.sql("UPDATE voice_call SET phone = ? WHERE conversation_id IN " + mine).params(ERASED, customerId).update();
        jdbc.sql("UPDATE sms_outbox SET to_phone = ? WHERE conversation_id IN " + mine).params(ERASED, customerId).update();
        jdbc.sql("UPDATE customer SET name = NULL, phone = NULL, vin = NULL, anonymised_at = ? WHERE id = ?")
                .params(Timestamps.sql(now), customerId).update();
    }

    List<String> conversationsOf(long customerId) {
        return jdbc.sql("SELECT id FROM conversation WHERE customer_id = ? ORDER BY created_at").param(customerId)
                .query(String.class).list();
    }

    /** Closed (no unresolved ticket), holding texts, and silent since {@code cutoff}. */
    List<String> expiredConversations(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT v.id FROM conversation v
                WHERE %s AND v.created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = v.id AND m.created_at >= ?)
                  AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.conversation_id = v.id AND t.status <> 'RESOLVED')
                ORDER BY v.created_at LIMIT ?""".formatted(LIVE))
                .params(Timestamps.sql(cutoff), Timestamps.sql(cutoff), limit)
                .query(String.class).list();
    }

    /** Customers older than {@code cutoff}, not yet anonymised, none of whose conversations holds texts. */
    List<Long> customersWithNothingLeft(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT c.id FROM customer c
                WHERE c.anonymised_at IS NULL AND c.created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM conversation v WHERE v.customer_id = c.id AND %s)
                ORDER BY c.id LIMIT ?""".formatted(LIVE))
                .params(Timestamps.sql(cutoff), limit)
                .query(Long.class).list();
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(sql).params(params).query().listOfRows()) {
            Map<String, Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(camel(column), plain(value)));
            out.add(clean);
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
