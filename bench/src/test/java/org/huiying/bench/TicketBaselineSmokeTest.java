package org.huiying.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same-run baseline of {@code tickets} does what it claims on the real PostgreSQL (skipped
 * when none is reachable): every ticket it counts is assigned, and each agent's load is exactly
 * the tickets it holds, so concurrent writers never assign one ticket twice.
 */
class TicketBaselineSmokeTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void routesTicketsWithoutDoubleAssignmentAndDropsItsDatabase() throws Exception {
        assumeTrue(reachable(), "PostgreSQL not reachable at " + SERVER + "test");
        String url;
        try (BenchDatabase db = BenchDatabase.create(SERVER, "test", "postgres")) {
            url = db.url();
            TicketBaseline.Measured m = new TicketBaseline(db, 4, 3).run(Duration.ZERO, Duration.ofSeconds(1));

            assertThat(m.errors()).isZero();
            assertThat(m.routed()).isPositive();
            assertThat(m.ms(50)).isPositive().isLessThanOrEqualTo(m.ms(99));
            try (Connection c = db.connect()) {
                assertThat(count(c, "SELECT COUNT(*) FROM baseline_ticket WHERE status = 'ASSIGNED'"))
                        .isGreaterThanOrEqualTo(m.routed())
                        .isEqualTo(count(c, "SELECT SUM(load) FROM baseline_agent"));
                assertThat(count(c, "SELECT COUNT(*) FROM baseline_ticket WHERE status = 'ASSIGNED' AND assignee_id IS NULL")).isZero();
            }
        }
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            assertThat(count(c, "SELECT COUNT(*) FROM pg_database WHERE datname = '" + name + "'")).isZero();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
