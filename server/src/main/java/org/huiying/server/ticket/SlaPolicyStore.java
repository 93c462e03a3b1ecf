package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huiying.routing.TicketType;
import org.huiying.routing.sla.SlaPolicies;
import org.huiying.routing.sla.SlaPolicy;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versioned SLA policies in the database: the one in force for a type is its latest version whose
 * effective time has come. Read on every ticket opening, so held as a snapshot, re-read at most every
 * {@link #REFRESH_EVERY} (a change made on another node applies here within that) and at once after a
 * change made on this node.
 */
@Component
class SlaPolicyStore {

    static final Duration REFRESH_EVERY = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(SlaPolicies policies, long readAtNanos, Instant nextEffective) {
    }

    SlaPolicyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the configuration's policy as the first version of every type that has none yet. */
    void seed(SlaPolicies configured) {
        Instant now = Timestamps.now(clock);
        for (TicketType type : TicketType.values()) {
            boolean any = jdbc.sql("SELECT COUNT(*) FROM sla_policy WHERE ticket_type = ?").param(type.name())
                    .query(Long.class).single() > 0;
            if (!any) {
                SlaPolicy p = configured.forType(type);
                jdbc.sql("""
                        INSERT INTO sla_policy (ticket_type, first_response_seconds, resolution_seconds, effective_at, created_by, created_at)
                        VALUES (?, ?, ?, ?, NULL, ?)""")
                        .params(type.name(), p.firstResponse().toSeconds(), p.resolution().toSeconds(),
                                Timestamps.sql(Instant.EPOCH), Timestamps.sql(now))
                        .update();
            }
        }
        snapshot = null;
    }

    SlaPolicies current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || System.nanoTime() - s.readAtNanos() > REFRESH_EVERY.toNanos()
                || s.nextEffective() != null && !now.isBefore(s.nextEffective())) {
            s = read(now);
            snapshot = s;
        }
        return s.policies();
    }

    void add(TicketType type, Duration firstResponse, Duration resolution, Instant effectiveAt, long byStaffId) {
        jdbc.sql("""
                INSERT INTO sla_policy (ticket_type, first_response_seconds, resolution_seconds, effective_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(type.name(), firstResponse.toSeconds(), resolution.toSeconds(), Timestamps.sql(effectiveAt), byStaffId,
                        Timestamps.sql(Timestamps.now(clock)))
                .update();
        snapshot = null;
    }

    /** Every version, newest first. */
    List<SlaPolicyVersion> versions() {
        return jdbc.sql("""
                SELECT id, ticket_type, first_response_seconds, resolution_seconds, effective_at, created_by, created_at
                FROM sla_policy ORDER BY effective_at DESC, id DESC""")
                .query((rs, n) -> {
                    long by = rs.getLong("created_by");
                    return new SlaPolicyVersion(rs.getLong("id"), rs.getString("ticket_type"),
                            Duration.ofSeconds(rs.getLong("first_response_seconds")), Duration.ofSeconds(rs.getLong("resolution_seconds")),
                            Timestamps.read(rs, "effective_at"), rs.wasNull() ? null : by, Timestamps.read(rs, "created_at"));
                })
                .list();
    }

    private Snapshot read(Instant now) {
        Map<TicketType, SlaPolicy> inForce = new EnumMap<>(TicketType.class);
        Instant nextEffective = null;
        for (SlaPolicyVersion v : versions()) {
            TicketType type;
            try {
                type = TicketType.valueOf(v.type());
            } catch (IllegalArgumentException retired) {
                continue;
            }
            if (v.effectiveAt().isAfter(now)) {
                nextEffective = nextEffective == null || v.effectiveAt().isBefore(nextEffective) ? v.effectiveAt() : nextEffective;
            } else {
                inForce.putIfAbsent(type, new SlaPolicy(v.firstResponse(), v.resolution()));
            }
        }
        return new Snapshot(new SlaPolicies(inForce), System.nanoTime(), nextEffective);
    }
}
