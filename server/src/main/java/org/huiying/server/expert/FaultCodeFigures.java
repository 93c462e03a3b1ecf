package org.huiying.server.expert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.huiying.server.storage.ReportReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fault codes technicians ask the experts about, per period and vehicle model (null: not given):
 * how many questions named each code, out of how many questions about the model. Codes are what the
 * technician read from the car (P0AA6, U0100 …), the vehicle's own early warning of what will need parts.
 */
@Component
public class FaultCodeFigures {

    public record CodeCount(int period, String model, String code, long questions) {
    }

    public record ModelQuestions(int period, String model, long questions) {
    }

    public record Counts(List<ModelQuestions> models, List<CodeCount> codes) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;

    FaultCodeFigures(JdbcClient jdbc, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    public Counts counts(InstantRanges ranges) {
        reads.prepare();
        Map<List<Object>, Long> models = new HashMap<>();
        Map<List<Object>, Long> codes = new HashMap<>();
        jdbc.sql("SELECT p.idx, q.vehicle_model, q.dtc_codes FROM " + ranges.table("p")
                        + " JOIN tech_question q ON q.created_at >= p.starts AND q.created_at < p.ends")
                .params(ranges.params())
                .query(rs -> {
                    int period = rs.getInt("idx");
                    String model = rs.getString("vehicle_model");
                    models.merge(java.util.Arrays.asList(period, model), 1L, Long::sum);
                    for (String code : rs.getString("dtc_codes").split(",")) {
                        if (!code.isBlank()) {
                            codes.merge(java.util.Arrays.asList(period, model, code.strip()), 1L, Long::sum);
                        }
                    }
                });
        List<ModelQuestions> byModel = new ArrayList<>();
        models.forEach((k, n) -> byModel.add(new ModelQuestions((Integer) k.get(0), (String) k.get(1), n)));
        List<CodeCount> byCode = new ArrayList<>();
        codes.forEach((k, n) -> byCode.add(new CodeCount((Integer) k.get(0), (String) k.get(1), (String) k.get(2), n)));
        return new Counts(byModel, byCode);
    }

    /** The tickets of questions about {@code model} naming {@code code}, asked in {@code [from, to)}, oldest first. */
    public List<String> ticketsNaming(String model, String code, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT ticket_id FROM tech_question
                        WHERE vehicle_model = ? AND (',' || dtc_codes || ',') LIKE ? AND created_at >= ? AND created_at < ?
                        ORDER BY created_at, ticket_id LIMIT ?""")
                .params(model, "%," + code + ",%", Timestamps.sql(from), Timestamps.sql(to), limit)
                .query(String.class).list();
    }
}
