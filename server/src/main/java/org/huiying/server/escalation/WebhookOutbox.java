package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook's outbox ({@code escalation_webhook}): PENDING → SENDING (claimed, with a lease) → DELIVERED,
 * back to PENDING after a failure, FAILED after the last attempt. Every move is a compare-and-set on the
 * row's state, so two workers (threads or nodes) never both send a row.
 */
@Repository
class WebhookOutbox {

    enum State { PENDING, SENDING, DELIVERED, FAILED }

    record Delivery(String id, String escalationId, String escalationStatus, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery per escalation and state: a change replayed enqueues nothing. */
    void enqueue(String id, String escalationId, String escalationStatus, String body, Instant now) {
        jdbc.sql("""
                INSERT INTO escalation_webhook (id, escalation_id, escalation_status, body, state, attempts, next_attempt_at, created_at)
                SELECT ?, ?, ?, ?, 'PENDING', 0, ?, ? WHERE NOT EXISTS
                (SELECT 1 FROM escalation_webhook WHERE escalation_id = ? AND escalation_status = ?)""")
                .params(id, escalationId, escalationStatus, body, Timestamps.sql(now), Timestamps.sql(now), escalationId,
                        escalationStatus)
                .update();
    }

    /** Due deliveries, oldest first; claims whose worker never finished (the process died) count as due again. */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, escalation_id, escalation_status, body, attempts FROM escalation_webhook
                WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?)
                ORDER BY created_at, id LIMIT ?""")
                .params(Timestamps.sql(now), Timestamps.sql(now), limit)
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Takes a due row for one attempt until {@code until}; false when another worker has it. */
    boolean claim(Delivery d, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE escalation_webhook SET state = 'SENDING', attempts = attempts + 1, claimed_until = ?
                WHERE id = ? AND attempts = ? AND ((state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?))""")
                .params(Timestamps.sql(until), d.id(), d.attempts(), Timestamps.sql(now), Timestamps.sql(now)).update() == 1;
    }

    void delivered(String id, Instant at) {
        jdbc.sql("UPDATE escalation_webhook SET state = 'DELIVERED', delivered_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ? AND state = 'SENDING'")
                .params(Timestamps.sql(at), id).update();
    }

    void retryLater(String id, Instant next, String error) {
        jdbc.sql("UPDATE escalation_webhook SET state = 'PENDING', next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ? AND state = 'SENDING'")
                .params(Timestamps.sql(next), truncate(error), id).update();
    }

    void failed(String id, String error) {
        jdbc.sql("UPDATE escalation_webhook SET state = 'FAILED', claimed_until = NULL, last_error = ? WHERE id = ? AND state = 'SENDING'")
                .params(truncate(error), id).update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
