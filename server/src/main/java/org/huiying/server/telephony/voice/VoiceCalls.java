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

    /**
     * A hotline call as the agents' side sees it: who has it ({@code answeredBy}) and the call that brought
     * them into its conference ({@code agentLegSid}); during a warm transfer, the agent who handed it over
     * and their call, until they leave.
     */
    record HotlineCall(String callSid, String phone, String ticketId, Instant queuedAt, Long answeredBy, Instant endedAt,
                       Instant dequeuedAt, String conferenceSid, String agentLegSid, Instant heldAt, long holdSeconds,
                       Long handedOverBy, String handedOverLegSid) {

        boolean ended() {
            return endedAt != null;
        }

        boolean held() {
            return heldAt != null;
        }
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

    /**
     * Agents whose voice seat is taken: on a call (or still on the line of one they handed over), or writing
     * its wrap-up while it is due.
     */
    List<Long> agentsOnCalls(Instant now) {
        return jdbc.sql("""
                SELECT answered_by FROM voice_call WHERE answered_by IS NOT NULL
                AND (ended_at IS NULL OR (wrapped_at IS NULL AND wrap_up_due > ?))
                UNION ALL
                SELECT handed_over_by FROM voice_call WHERE handed_over_by IS NOT NULL AND ended_at IS NULL""")
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
        return jdbc.sql("""
                SELECT call_sid, phone, ticket_id, queued_at, answered_by, ended_at, dequeued_at, conference_sid, agent_leg_sid,
                       held_at, hold_seconds, handed_over_by, handed_over_leg_sid
                FROM voice_call WHERE call_sid = ?""")
                .param(callSid)
                .query((rs, n) -> new HotlineCall(rs.getString("call_sid"), rs.getString("phone"), rs.getString("ticket_id"),
                        Timestamps.read(rs, "queued_at"), longOrNull(rs, "answered_by"), Timestamps.read(rs, "ended_at"),
                        Timestamps.read(rs, "dequeued_at"), rs.getString("conference_sid"), rs.getString("agent_leg_sid"),
                        Timestamps.read(rs, "held_at"), rs.getLong("hold_seconds"), longOrNull(rs, "handed_over_by"),
                        rs.getString("handed_over_leg_sid")))
                .optional();
    }

    private static Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Locks the call's row until commit (a transfer is asked for under it). */
    void lock(String callSid) {
        jdbc.sql("SELECT call_sid FROM voice_call WHERE call_sid = ? FOR UPDATE").param(callSid).query(String.class).optional();
    }

    /** The call that brought the answering agent into the caller's conference. */
    void agentLeg(String callSid, long staffId, String legSid) {
        jdbc.sql("UPDATE voice_call SET agent_leg_sid = ? WHERE call_sid = ? AND answered_by = ?").params(legSid, callSid, staffId).update();
    }

    /** The caller's conference, as Twilio's conference callback names it (once). */
    void conference(String callSid, String conferenceSid) {
        jdbc.sql("UPDATE voice_call SET conference_sid = ? WHERE call_sid = ? AND conference_sid IS NULL")
                .params(conferenceSid, callSid).update();
    }

    /** The caller is put on hold; false when they are already, or the call is over. */
    boolean held(String callSid, Instant at) {
        return jdbc.sql("UPDATE voice_call SET held_at = ?, updated_at = ? WHERE call_sid = ? AND held_at IS NULL AND ended_at IS NULL")
                .params(Timestamps.sql(at), Timestamps.sql(at), callSid).update() == 1;
    }

    /** The caller is back from hold (or the call ended on hold): the time on hold is added to the call's. */
    boolean resumed(String callSid, Instant at) {
        Instant since = jdbc.sql("SELECT held_at FROM voice_call WHERE call_sid = ?").param(callSid)
                .query((rs, n) -> Timestamps.read(rs, "held_at")).optional().orElse(null);
        if (since == null) {
            return false;
        }
        long seconds = Math.max(0, java.time.Duration.between(since, at).toSeconds());
        return jdbc.sql("UPDATE voice_call SET held_at = NULL, hold_seconds = hold_seconds + ?, updated_at = ? WHERE call_sid = ? AND held_at = ?")
                .params(seconds, Timestamps.sql(at), callSid, Timestamps.sql(since)).update() == 1;
    }

    /**
     * A warm transfer is taken: the colleague has the call now, and the agent who had it stays on the line
     * (their call remembered) until they leave. False when the call is no longer {@code from}'s.
     */
    boolean handOver(String callSid, long from, long to) {
        return jdbc.sql("""
                UPDATE voice_call SET handed_over_by = answered_by, handed_over_leg_sid = agent_leg_sid, answered_by = ?,
                       agent_leg_sid = NULL
                WHERE call_sid = ? AND answered_by = ? AND ended_at IS NULL AND handed_over_by IS NULL""")
                .params(to, callSid, from).update() == 1;
    }

    /** The colleague's call never connected ({@code legSid}, null when it was never placed): the call is the first agent's again. */
    boolean handBack(String callSid, long colleague, String legSid) {
        String leg = legSid == null ? "agent_leg_sid IS NULL" : "agent_leg_sid = ?";
        var statement = jdbc.sql("""
                UPDATE voice_call SET answered_by = handed_over_by, agent_leg_sid = handed_over_leg_sid, handed_over_by = NULL,
                       handed_over_leg_sid = NULL
                WHERE call_sid = ? AND answered_by = ? AND handed_over_by IS NOT NULL AND""" + " " + leg)
                .param(callSid).param(colleague);
        return (legSid == null ? statement : statement.param(legSid)).update() == 1;
    }

    /** The agent who handed the call over has left it (their call {@code legSid} ended, or they completed the transfer). */
    boolean handOverDone(String callSid, long handedOverBy) {
        return jdbc.sql("UPDATE voice_call SET handed_over_by = NULL, handed_over_leg_sid = NULL WHERE call_sid = ? AND handed_over_by = ?")
                .params(callSid, handedOverBy).update() == 1;
    }

    /** The answering agent's call never connected: the caller waits for a person again. */
    boolean unclaimLeg(String callSid, long staffId, String legSid) {
        return jdbc.sql("""
                UPDATE voice_call SET answered_by = NULL, answered_at = NULL, agent_leg_sid = NULL
                WHERE call_sid = ? AND answered_by = ? AND agent_leg_sid = ? AND handed_over_by IS NULL AND ended_at IS NULL""")
                .params(callSid, staffId, legSid).update() == 1;
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
