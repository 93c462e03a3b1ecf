package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.huiying.routing.sla.SlaDeadline;
import org.huiying.routing.sla.SlaMetric;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.routing.sla.SlaThreshold;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.routing.sla.TrackedTicket;
import org.huiying.routing.sla.TrackedTicket.Crossing;
import org.huiying.server.storage.Timestamps;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA clocks of open tickets as the SLA monitor reads them (the clocks are columns of the ticket
 * table, so this module serves them). A crossing is recorded by a conditional update of
 * its flag — true only if the clock still says so and nobody recorded it before — together with
 * its line in the append-only {@code sla_event} log.
 */
@Component
class TicketSlaClocks implements SlaMonitor.Store {

    private static final String COLUMNS = """
            id, first_response_warn_at, first_response_due, first_responded_at, resolution_warn_at, resolution_due,
            resolved_at, sla_paused_at, first_response_warned, first_response_breached, resolution_warned, resolution_breached""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;

    TicketSlaClocks(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(dataSource);
        // Start-up reads every unresolved ticket: fetched in pages (PostgreSQL streams only inside a
        // transaction), never all at once into memory.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.tx = tx;
    }

    @Override
    public void forEachTracked(Consumer<TrackedTicket> sink) {
        tx.executeWithoutResult(status -> streaming.query("SELECT " + COLUMNS + " FROM ticket WHERE status <> 'RESOLVED'",
                (RowCallbackHandler) rs -> sink.accept(map(rs))));
    }

    @Override
    public Optional<TrackedTicket> find(String ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ? AND status <> 'RESOLVED'")
                .param(ticketId).query((rs, n) -> map(rs)).optional();
    }

    @Override
    public boolean record(String ticketId, SlaDeadline deadline, Instant now) {
        String flag = flag(deadline.metric(), deadline.threshold());
        String instant = instantColumn(deadline.metric(), deadline.threshold());
        String met = deadline.metric() == SlaMetric.FIRST_RESPONSE ? "first_responded_at" : "resolved_at";
        Boolean recorded = tx.execute(status -> {
            int updated = jdbc.sql("UPDATE ticket SET " + flag + " = TRUE WHERE id = ? AND " + flag + " = FALSE AND "
                            + met + " IS NULL AND sla_paused_at IS NULL AND status <> 'RESOLVED' AND " + instant + " <= ?")
                    .params(ticketId, Timestamps.sql(now)).update();
            if (updated == 1) {
                jdbc.sql("INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at) VALUES (?, ?, ?, ?, ?)")
                        .params(ticketId, deadline.threshold().name(), deadline.metric().name(),
                                Timestamps.sql(deadline.at()), Timestamps.sql(now))
                        .update();
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(recorded);
    }

    private static String flag(SlaMetric metric, SlaThreshold threshold) {
        return (metric == SlaMetric.FIRST_RESPONSE ? "first_response_" : "resolution_")
                + (threshold == SlaThreshold.WARNING ? "warned" : "breached");
    }

    private static String instantColumn(SlaMetric metric, SlaThreshold threshold) {
        return (metric == SlaMetric.FIRST_RESPONSE ? "first_response_" : "resolution_")
                + (threshold == SlaThreshold.WARNING ? "warn_at" : "due");
    }

    private static TrackedTicket map(ResultSet rs) throws SQLException {
        SlaTimes times = new SlaTimes(Timestamps.read(rs, "first_response_warn_at"), Timestamps.read(rs, "first_response_due"),
                Timestamps.read(rs, "first_responded_at"), Timestamps.read(rs, "resolution_warn_at"),
                Timestamps.read(rs, "resolution_due"), Timestamps.read(rs, "resolved_at"), Timestamps.read(rs, "sla_paused_at"));
        Set<Crossing> recorded = new HashSet<>(4);
        for (SlaMetric metric : EnumSet.allOf(SlaMetric.class)) {
            for (SlaThreshold threshold : EnumSet.allOf(SlaThreshold.class)) {
                if (rs.getBoolean(flag(metric, threshold))) {
                    recorded.add(new Crossing(metric, threshold));
                }
            }
        }
        return new TrackedTicket(rs.getString("id"), times, recorded);
    }
}
