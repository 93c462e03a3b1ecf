package org.huiying.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of access to customer records. A write joins the caller's transaction when there is
 * one and is otherwise committed on its own; callers write before they answer, so no access that
 * was served goes unrecorded.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Long actor, AuditAction action, Long customer, String subject, String fields, String reason) {
        jdbc.sql("INSERT INTO audit_log (at, actor_id, action, customer_id, subject, fields, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamps.sql(Timestamps.now(clock)), actor, action.name(), customer, subject, fields, reason)
                .update();
    }

    /** Newest first; every filter optional. */
    List<AuditEntry> find(Instant since, Instant until, Long actor, Long customer, AuditAction action, int offset, int limit) {
        Filter f = filter(since, until, actor, customer, action);
        return jdbc.sql("SELECT id, at, actor_id, action, customer_id, subject, fields, reason FROM audit_log"
                        + f.where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(f.withPaging(limit, offset))
                .query((rs, n) -> {
                    long actorId = rs.getLong("actor_id");
                    Long a = rs.wasNull() ? null : actorId;
                    long customerId = rs.getLong("customer_id");
                    Long c = rs.wasNull() ? null : customerId;
                    return new AuditEntry(rs.getLong("id"), Timestamps.read(rs, "at"), a, rs.getString("action"), c,
                            rs.getString("subject"), rs.getString("fields"), rs.getString("reason"));
                })
                .list();
    }

    long count(Instant since, Instant until, Long actor, Long customer, AuditAction action) {
        Filter f = filter(since, until, actor, customer, action);
        return jdbc.sql("SELECT COUNT(*) FROM audit_log" + f.where).params(f.params).query(Long.class).single();
    }

    /** The WHERE clause is assembled from fixed fragments only; every value is a bound parameter. */
    private static Filter filter(Instant since, Instant until, Long actor, Long customer, AuditAction action) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (since != null) {
            conditions.add("at >= ?");
            params.add(Timestamps.sql(since));
        }
        if (until != null) {
            conditions.add("at < ?");
            params.add(Timestamps.sql(until));
        }
        if (actor != null) {
            conditions.add("actor_id = ?");
            params.add(actor);
        }
        if (customer != null) {
            conditions.add("customer_id = ?");
            params.add(customer);
        }
        if (action != null) {
            conditions.add("action = ?");
            params.add(action.name());
        }
        return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private record Filter(String where, List<Object> params) {

        List<Object> withPaging(int limit, int offset) {
            List<Object> all = new ArrayList<>(params);
            all.add(limit);
            all.add(offset);
            return all;
        }
    }
}
