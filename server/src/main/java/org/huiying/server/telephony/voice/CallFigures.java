package org.huiying.server.telephony.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hotline's figures for the floor and its reports, from the call records. */
@Repository
class CallFigures {

    /** A caller who waited for a person: when they started waiting, when (if) they were answered, how it ended. */
    record QueuedCall(Instant queuedAt, Instant answeredAt, Instant endedAt, Instant dequeuedAt, String dequeueReason) {

        boolean answered() {
            return answeredAt != null;
        }

        /** Hung up while waiting: from the queue's exit or the call's final status. */
        boolean abandoned() {
            return !answered() && "HANGUP".equals(dequeueReason);
        }

        /** How long they waited: until answered, until they left, or until now while they still wait. */
        Duration waited(Instant now) {
            Instant until = answeredAt != null ? answeredAt : dequeuedAt != null ? dequeuedAt : endedAt != null ? endedAt : now;
            return Duration.between(queuedAt, until);
        }
    }

    /** The hotline right now. */
    record Live(long waiting, long longestWaitSeconds, long agentsOnCalls, long ringing) {
    }

    private final JdbcClient jdbc;

    CallFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Callers who started waiting for a person in {@code [from, to)}. */
    List<QueuedCall> queuedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT queued_at, answered_at, ended_at, dequeued_at, dequeue_reason FROM voice_call
                WHERE queued_at >= ? AND queued_at < ?""")
                .params(Timestamps.sql(from), Timestamps.sql(to))
                .query((rs, n) -> new QueuedCall(Timestamps.read(rs, "queued_at"), Timestamps.read(rs, "answered_at"),
                        Timestamps.read(rs, "ended_at"), Timestamps.read(rs, "dequeued_at"), rs.getString("dequeue_reason")))
                .list();
    }

    Live live(Instant now) {
        List<Instant> waiting = jdbc.sql("""
                SELECT queued_at FROM voice_call WHERE queued_at IS NOT NULL AND answered_by IS NULL AND ended_at IS NULL
                AND dequeued_at IS NULL""").query((rs, n) -> Timestamps.read(rs, "queued_at")).list();
        long longest = waiting.stream().mapToLong(at -> Duration.between(at, now).toSeconds()).max().orElse(0);
        long onCalls = jdbc.sql("SELECT COUNT(DISTINCT answered_by) FROM voice_call WHERE answered_by IS NOT NULL AND ended_at IS NULL")
                .query(Long.class).single();
        long ringing = jdbc.sql("SELECT COUNT(*) FROM voice_offer WHERE outcome = 'OFFERED'").query(Long.class).single();
        return new Live(waiting.size(), Math.max(0, longest), onCalls, ringing);
    }
}
