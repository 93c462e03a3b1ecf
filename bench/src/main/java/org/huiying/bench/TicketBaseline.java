package org.huiying.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The same-run ceiling: plain JDBC doing the least work a routed ticket needs on the same
 * PostgreSQL, at the same concurrency. Each writer opens a ticket (insert, commit), then claims
 * the oldest waiting one for the least-loaded agent with {@code FOR UPDATE SKIP LOCKED} on both
 * rows, assigns it and counts it against the agent's load (commit). Durable commits, as Huiying's.
 */
final class TicketBaseline {

    /** What the baseline measured. */
    record Measured(long routed, long errors, double seconds, org.HdrHistogram.Histogram latencyNanos) {
        double perSecond() {
            return routed / seconds;
        }

        double ms(double percentile) {
            return latencyNanos.getTotalCount() == 0 ? Double.NaN : latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private final BenchDatabase db;
    private final int writers;
    private final int agents;

    TicketBaseline(BenchDatabase db, int writers, int agents) {
        this.db = db;
        this.writers = writers;
        this.agents = agents;
    }

    Measured run(Duration warmup, Duration measure) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE baseline_agent (id BIGINT PRIMARY KEY, load INT NOT NULL, capacity INT NOT NULL)");
            s.execute("CREATE TABLE baseline_ticket (id BIGSERIAL PRIMARY KEY, status VARCHAR(16) NOT NULL, assignee_id BIGINT, "
                    + "text VARCHAR(400), opened_at TIMESTAMP WITH TIME ZONE NOT NULL, assigned_at TIMESTAMP WITH TIME ZONE)");
            s.execute("CREATE INDEX baseline_ticket_open ON baseline_ticket (status, id)");
            s.execute("INSERT INTO baseline_agent SELECT g, 0, 1000000000 FROM generate_series(1, " + agents + ") g");
        }
        Recorder latency = new Recorder(TimeUnit.MINUTES.toNanos(10), 3);
        LongAdder routed = new LongAdder();
        LongAdder errors = new LongAdder();
        long start = System.nanoTime();
        long countFrom = start + warmup.toNanos();
        long end = countFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> work(countFrom, end, latency, routed, errors), "baseline-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Measured(routed.sum(), errors.sum(), measure.toNanos() / 1e9, latency.getIntervalHistogram());
    }

    private void work(long countFrom, long end, Recorder latency, LongAdder routed, LongAdder errors) {
        try (Connection c = db.connect();
             PreparedStatement open = c.prepareStatement(
                     "INSERT INTO baseline_ticket (status, text, opened_at) VALUES ('OPEN', ?, now())");
             PreparedStatement ticket = c.prepareStatement(
                     "SELECT id FROM baseline_ticket WHERE status = 'OPEN' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
             PreparedStatement agent = c.prepareStatement(
                     "SELECT id FROM baseline_agent WHERE load < capacity ORDER BY load LIMIT 1 FOR UPDATE SKIP LOCKED");
             PreparedStatement assign = c.prepareStatement(
                     "UPDATE baseline_ticket SET status = 'ASSIGNED', assignee_id = ?, assigned_at = now() WHERE id = ?");
             PreparedStatement load = c.prepareStatement("UPDATE baseline_agent SET load = load + 1 WHERE id = ?")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end) {
                long opened = System.nanoTime();
                try {
                    open.setString(1, "你好，我的车充不进电了，仪表盘上亮了一个黄色的故障灯，请问怎么处理？");
                    open.executeUpdate();
                    c.commit();
                    if (claim(ticket, agent, assign, load)) {
                        c.commit();
                        long now = System.nanoTime();
                        if (opened >= countFrom && now < end) {
                            routed.increment();
                            latency.recordValue(now - opened);
                        }
                    } else {
                        c.rollback();
                    }
                } catch (SQLException e) {
                    errors.increment();
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Baseline writer failed", e);
        }
    }

    private static boolean claim(PreparedStatement ticket, PreparedStatement agent, PreparedStatement assign,
                                 PreparedStatement load) throws SQLException {
        long ticketId;
        long agentId;
        try (ResultSet rs = ticket.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            ticketId = rs.getLong(1);
        }
        try (ResultSet rs = agent.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            agentId = rs.getLong(1);
        }
        assign.setLong(1, agentId);
        assign.setLong(2, ticketId);
        assign.executeUpdate();
        load.setLong(1, agentId);
        load.executeUpdate();
        return true;
    }
}
