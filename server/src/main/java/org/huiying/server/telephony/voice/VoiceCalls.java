package org.huiying.server.telephony.voice;

import java.time.Instant;
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

    Optional<OutboundCall> find(String callSid) {
        return jdbc.sql("SELECT call_sid, callback_task_id, status FROM voice_call WHERE call_sid = ?").param(callSid)
                .query((rs, n) -> new OutboundCall(rs.getString(1), rs.getString(2), CallStatus.of(rs.getString(3)).orElseThrow()))
                .optional();
    }
}
