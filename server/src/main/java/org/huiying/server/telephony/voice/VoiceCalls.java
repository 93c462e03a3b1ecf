package org.huiying.server.telephony.voice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The call records ({@code voice_call}) and the status callbacks applied to them ({@code voice_call_event}). */
@Repository
class VoiceCalls {

    record OutboundCall(String callSid, String callbackTaskId, CallStatus status) {
    }

    private final JdbcClient jdbc;

    VoiceCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A caller reached the hotline; Twilio requests the first URL again on a retry, which records nothing new. */
    void inbound(String callSid, String phone, String conversationId, CallStatus status, Instant now) {
        jdbc.sql("""
                INSERT INTO voice_call (call_sid, direction, phone, conversation_id, status, status_rank, created_at, updated_at)
                VALUES (?, 'INBOUND', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(callSid, phone, conversationId, status.wire(), status.rank, Timestamps.sql(now), Timestamps.sql(now))
                .update();
    }

    void linkTicket(String callSid, String ticketId) {
        jdbc.sql("UPDATE voice_call SET ticket_id = ? WHERE call_sid = ?").params(ticketId, callSid).update();
    }

    void outbound(String callSid, String phone, String conversationId, String ticketId, String taskId, long placedBy,
                  CallStatus status, Instant now) {
        jdbc.sql("""
                INSERT INTO voice_call (call_sid, direction, phone, conversation_id, ticket_id, callback_task_id, placed_by,
                                        status, status_rank, created_at, updated_at)
                VALUES (?, 'OUTBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(callSid, phone, conversationId, ticketId, taskId, placedBy, status.wire(), status.rank,
                        Timestamps.sql(now), Timestamps.sql(now))
                .update();
    }

    /**
     * A callback of this task is still ringing or talking: not final, and heard of since {@code since}.
     * A call whose final status callback was lost must not block the task for ever.
     */
    boolean inFlight(String taskId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM voice_call WHERE callback_task_id = ? AND status_rank < ? AND updated_at > ?")
                .params(taskId, CallStatus.COMPLETED.rank, Timestamps.sql(since)).query(Long.class).single() > 0;
    }

    /** False when this CallSid already reported this status: the callback is a repeat. */
    boolean firstReport(String callSid, CallStatus status, Instant now) {
        return jdbc.sql("INSERT INTO voice_call_event (call_sid, status, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(callSid, status.wire(), Timestamps.sql(now)).update() == 1;
    }

    /** Moves the call forward to {@code status}; false when it is there or beyond already (a late callback). */
    boolean advance(String callSid, CallStatus status, Instant now) {
        return jdbc.sql("UPDATE voice_call SET status = ?, status_rank = ?, updated_at = ? WHERE call_sid = ? AND status_rank < ?")
                .params(status.wire(), status.rank, Timestamps.sql(now), callSid, status.rank).update() == 1;
    }

    /** A caller waiting for a person, with the ticket they wait on. */
    record WaitingCall(String callSid, String phone, String ticketId, Instant queuedAt) {
    }

    /** A hotline call as the agents' side sees it. */
    record HotlineCall(String callSid, String phone, String ticketId, Instant queuedAt, Long answeredBy, Instant endedAt,
                       Instant dequeuedAt) {
    }

    /** The caller entered the queue for a person (once: a repeated webhook keeps the first time). */
    void queued(String callSid, Instant at) {
        jdbc.sql("UPDATE voice_call SET queued_at = ?, updated_at = ? WHERE call_sid = ? AND queued_at IS NULL")
                .params(Timestamps.sql(at), Timestamps.sql(at), callSid).update();
    }

    /** Why a caller left the queue without an agent. */
    enum DequeueReason { HANGUP, CALLBACK_OFFER }

    /** The caller left the queue without an agent: hung up (abandoned), or left for the callback offer. */
    boolean dequeued(String callSid, DequeueReason reason, Instant at) {
        return jdbc.sql("""
                UPDATE voice_call SET dequeued_at = ?, dequeue_reason = ?, updated_at = ?
                WHERE call_sid = ? AND queued_at IS NOT NULL AND dequeued_at IS NULL AND answered_by IS NULL""")
                .params(Timestamps.sql(at), reason.name(), Timestamps.sql(at), callSid).update() == 1;
    }

    /** The call is over: an agent's voice seat is free again, a waiting caller is no longer offered. */
    void ended(String callSid, Instant at) {
        jdbc.sql("UPDATE voice_call SET ended_at = ?, updated_at = ? WHERE call_sid = ? AND ended_at IS NULL")
                .params(Timestamps.sql(at), Timestamps.sql(at), callSid).update();
    }

    /** Callers still waiting for a person, with no one answering them yet; oldest first. */
    List<WaitingCall> waiting() {
        return jdbc.sql("""
                SELECT call_sid, phone, ticket_id, queued_at FROM voice_call
                WHERE queued_at IS NOT NULL AND answered_by IS NULL AND ended_at IS NULL AND dequeued_at IS NULL
                AND ticket_id IS NOT NULL ORDER BY queued_at, call_sid""")
                .query((rs, n) -> new WaitingCall(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.read(rs, "queued_at")))
                .list();
    }

    /**
     * The tickets of callers who still wait for a person and started waiting after {@code since}: a call
     * whose last status callback was lost must not hold its ticket back for ever.
     */
    java.util.Set<String> ticketsWaiting(Instant since) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT ticket_id FROM voice_call
                WHERE queued_at > ? AND answered_by IS NULL AND ended_at IS NULL AND dequeued_at IS NULL
                AND ticket_id IS NOT NULL""")
                .param(Timestamps.sql(since)).query(String.class).list());
    }

    /** Locks a waiting caller's row until commit; false when they no longer wait. */
    boolean lockWaiting(String callSid) {
        return jdbc.sql("""
                SELECT call_sid FROM voice_call WHERE call_sid = ? AND answered_by IS NULL AND ended_at IS NULL
                AND dequeued_at IS NULL FOR UPDATE""").param(callSid).query(String.class).optional().isPresent();
    }

    /** Agents whose voice seat is taken: on a call, or writing its wrap-up while it is due. */
    List<Long> agentsOnCalls(Instant now) {
        return jdbc.sql("""
                SELECT answered_by FROM voice_call WHERE answered_by IS NOT NULL
                AND (ended_at IS NULL OR (wrapped_at IS NULL AND wrap_up_due > ?))""")
                .param(Timestamps.sql(now)).query(Long.class).list();
    }

    /** An answered call ended: its agent owes a wrap-up by {@code due}. Null when the call was not answered. */
    Optional<Long> awaitWrapUp(String callSid, Instant due) {
        int updated = jdbc.sql("UPDATE voice_call SET wrap_up_due = ? WHERE call_sid = ? AND answered_by IS NOT NULL AND wrap_up_due IS NULL")
                .params(Timestamps.sql(due), callSid).update();
        return updated == 0 ? Optional.empty() : hotline(callSid).map(HotlineCall::answeredBy);
    }

    /** Records the agent's wrap-up once; false when it is not theirs, not ended, or written already. */
    boolean wrapUp(String callSid, long staffId, String outcome, boolean resolved, Instant at) {
        return jdbc.sql("""
                UPDATE voice_call SET wrapped_at = ?, wrap_up_outcome = ?, wrap_up_resolved = ?, updated_at = ?
                WHERE call_sid = ? AND answered_by = ? AND ended_at IS NOT NULL AND wrapped_at IS NULL""")
                .params(Timestamps.sql(at), outcome, resolved, Timestamps.sql(at), callSid, staffId).update() == 1;
    }

    Optional<HotlineCall> hotline(String callSid) {
        return jdbc.sql("SELECT call_sid, phone, ticket_id, queued_at, answered_by, ended_at, dequeued_at FROM voice_call WHERE call_sid = ?")
                .param(callSid)
                .query((rs, n) -> {
                    long by = rs.getLong("answered_by");
                    Long answeredBy = rs.wasNull() ? null : by;
                    return new HotlineCall(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.read(rs, "queued_at"),
                            answeredBy, Timestamps.read(rs, "ended_at"), Timestamps.read(rs, "dequeued_at"));
                })
                .optional();
    }

    /** The one agent who answers: true only for the first, while the caller still waits. */
    boolean claimAnswer(String callSid, long staffId, Instant at) {
        return jdbc.sql("""
                UPDATE voice_call SET answered_by = ?, answered_at = ?, updated_at = ?
                WHERE call_sid = ? AND answered_by IS NULL AND ended_at IS NULL AND dequeued_at IS NULL""")
                .params(staffId, Timestamps.sql(at), Timestamps.sql(at), callSid).update() == 1;
    }

    /** Gives the caller back to the queue when the bridge could not be made. */
    void unclaimAnswer(String callSid, long staffId) {
        jdbc.sql("UPDATE voice_call SET answered_by = NULL, answered_at = NULL WHERE call_sid = ? AND answered_by = ?")
                .params(callSid, staffId).update();
    }

    Optional<OutboundCall> find(String callSid) {
        return jdbc.sql("SELECT call_sid, callback_task_id, status FROM voice_call WHERE call_sid = ?").param(callSid)
                .query((rs, n) -> new OutboundCall(rs.getString(1), rs.getString(2), CallStatus.of(rs.getString(3)).orElseThrow()))
                .optional();
    }
}
