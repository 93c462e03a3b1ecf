package org.huiying.server.telephony.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Every change of state is a compare-and-set on the row's current state, so two
 * workers (threads or nodes) never both claim a row and a late writer never overwrites a newer state.
 */
@Repository
class SmsOutbox {

    private static final String COLUMNS = """
            id, conversation_id, seq, to_phone, body, state, attempts, next_attempt_at, claimed_at, claimed_until,
            twilio_sid, last_error, in_doubt""";

    private final JdbcClient jdbc;

    SmsOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String conversationId, long seq, String toPhone, String body, OutboxRow.State state, Instant now) {
        jdbc.sql("""
                INSERT INTO sms_outbox (conversation_id, seq, to_phone, body, state, attempts, next_attempt_at,
                                        created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(conversationId, seq, toPhone, body, state.name(), Timestamps.sql(now), Timestamps.sql(now),
                        Timestamps.sql(now))
                .update();
    }

    Optional<OutboxRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE id = ?").param(id).query(SmsOutbox::map).optional();
    }

    Optional<OutboxRow> findBySid(String sid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE twilio_sid = ?").param(sid).query(SmsOutbox::map).optional();
    }

    Optional<OutboxRow> findByMessage(String conversationId, long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE conversation_id = ? AND seq = ?")
                .params(conversationId, seq).query(SmsOutbox::map).optional();
    }

    List<OutboxRow> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(Timestamps.sql(now), limit).query(SmsOutbox::map).list();
    }

    /** Claims whose worker did not finish in time: it may or may not have reached Twilio. */
    List<OutboxRow> inDoubt(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE state = 'SENDING' AND claimed_until < ? ORDER BY id LIMIT ?")
                .params(Timestamps.sql(now), limit).query(SmsOutbox::map).list();
    }

    /** PENDING and due → SENDING until {@code until}, counting the attempt; false if someone else got it. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE sms_outbox SET state = 'SENDING', attempts = attempts + 1, claimed_at = ?, claimed_until = ?,
                                      updated_at = ?
                WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?""")
                .params(Timestamps.sql(now), Timestamps.sql(until), Timestamps.sql(now), id, Timestamps.sql(now))
                .update() == 1;
    }

    /** Takes over an expired claim (the same compare-and-set, on the old lease). */
    boolean reclaim(OutboxRow row, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE sms_outbox SET claimed_until = ?, updated_at = ?
                WHERE id = ? AND state = 'SENDING' AND claimed_until = ?""")
                .params(Timestamps.sql(until), Timestamps.sql(now), row.id(), Timestamps.sql(row.claimedUntil()))
                .update() == 1;
    }

    /** Twilio accepted it. From SENDING (the worker) or PENDING (a callback arrived first after a crash). */
    boolean markSent(long id, String sid, Instant now) {
        return jdbc.sql("""
                UPDATE sms_outbox SET state = 'SENT', twilio_sid = ?, claimed_until = NULL, last_error = NULL, in_doubt = FALSE,
                                      updated_at = ?
                WHERE id = ? AND state IN ('SENDING', 'PENDING')""")
                .params(sid, Timestamps.sql(now), id).update() == 1;
    }

    /** Back to PENDING until {@code next}; {@code inDoubt}: the attempt may have reached Twilio, look before resending. */
    boolean retryLater(long id, Instant next, String error, boolean inDoubt, Instant now) {
        return jdbc.sql("""
                UPDATE sms_outbox SET state = 'PENDING', next_attempt_at = ?, claimed_until = NULL, last_error = ?, in_doubt = ?,
                                      updated_at = ?
                WHERE id = ? AND state = 'SENDING'""")
                .params(Timestamps.sql(next), truncate(error), inDoubt, Timestamps.sql(now), id).update() == 1;
    }

    /** A final outcome without sending: FAILED or BLOCKED. */
    boolean finish(long id, OutboxRow.State state, String error, Instant now) {
        return jdbc.sql("""
                UPDATE sms_outbox SET state = ?, claimed_until = NULL, last_error = ?, updated_at = ?
                WHERE id = ? AND state IN ('SENDING', 'PENDING')""")
                .params(state.name(), truncate(error), Timestamps.sql(now), id).update() == 1;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static OutboxRow map(ResultSet rs, int row) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("conversation_id"), rs.getLong("seq"), rs.getString("to_phone"),
                rs.getString("body"), OutboxRow.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"), Timestamps.read(rs, "claimed_at"),
                Timestamps.read(rs, "claimed_until"), rs.getString("twilio_sid"), rs.getString("last_error"),
                rs.getBoolean("in_doubt"));
    }
}
