package org.huiying.server.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huiying.routing.Category;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.huiying.server.storage.ReportReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers came about, per period the tickets opened in: per vehicle model and category, and
 * repeat visits (返修) per model and per vehicle. A repeat visit counts in the period it opened in;
 * the visits that could be one are complaints and technical problems (as {@code ReworkVisits} judges).
 */
@Component
public class ProblemFigures {

    /** Tickets of a model (null: not known) and category (null: not classified) in a period. */
    public record ByCategory(int period, String model, Category category, long tickets) {
    }

    /** {@code eligible}: complaints and technical problems, the visits a repeat can be; {@code reworks}: the repeats among them. */
    public record Reworks(int period, String model, long tickets, long eligible, long reworks) {
    }

    /** The same per vehicle (tickets known to be about one). */
    public record VehicleReworks(int period, long vehicleId, long tickets, long eligible, long reworks) {
    }

    private static final String ELIGIBLE = "CASE WHEN t.type = 'COMPLAINT' OR t.category = 'TECHNICAL' THEN 1 ELSE 0 END";
    private static final String REWORK = "CASE WHEN t.rework_of IS NOT NULL THEN 1 ELSE 0 END";

    private final JdbcClient jdbc;
    private final ReportReads reads;

    ProblemFigures(JdbcClient jdbc, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    public List<ByCategory> byCategory(InstantRanges ranges) {
        reads.prepare();
        return jdbc.sql("SELECT p.idx, t.vehicle_model, t.category, COUNT(*) AS n FROM " + ranges.table("p")
                        + " JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends"
                        + " GROUP BY p.idx, t.vehicle_model, t.category")
                .params(ranges.params())
                .query((rs, n) -> {
                    String category = rs.getString("category");
                    return new ByCategory(rs.getInt("idx"), rs.getString("vehicle_model"),
                            category == null ? null : Category.valueOf(category), rs.getLong("n"));
                }).list();
    }

    @Transactional(readOnly = true)
    public List<Reworks> reworksByModel(InstantRanges ranges) {
        reads.prepare();
        return jdbc.sql("SELECT p.idx, t.vehicle_model, COUNT(*) AS n, SUM(" + ELIGIBLE + ") AS eligible, SUM(" + REWORK
                        + ") AS reworks FROM " + ranges.table("p")
                        + " JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends GROUP BY p.idx, t.vehicle_model")
                .params(ranges.params())
                .query((rs, n) -> new Reworks(rs.getInt("idx"), rs.getString("vehicle_model"), rs.getLong("n"),
                        rs.getLong("eligible"), rs.getLong("reworks")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<VehicleReworks> reworksByVehicle(InstantRanges ranges) {
        reads.prepare();
        List<Object> params = new ArrayList<>(ranges.params());
        return jdbc.sql("SELECT p.idx, t.vehicle_id, COUNT(*) AS n, SUM(" + ELIGIBLE + ") AS eligible, SUM(" + REWORK
                        + ") AS reworks FROM " + ranges.table("p")
                        + " JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends"
                        + " WHERE t.vehicle_id IS NOT NULL GROUP BY p.idx, t.vehicle_id")
                .params(params)
                .query((rs, n) -> new VehicleReworks(rs.getInt("idx"), rs.getLong("vehicle_id"), rs.getLong("n"),
                        rs.getLong("eligible"), rs.getLong("reworks")))
                .list();
    }

    /** The repeat visits about {@code model} opened in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<String> reworksOf(String model, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT id FROM ticket WHERE vehicle_model = ? AND rework_of IS NOT NULL AND opened_at >= ? AND opened_at < ?
                        ORDER BY opened_at, id LIMIT ?""")
                .params(model, Timestamps.sql(from), Timestamps.sql(to), limit).query(String.class).list();
    }
}
