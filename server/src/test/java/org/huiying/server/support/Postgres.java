package org.huiying.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (database {@code test}, user {@code postgres}). Each test
 * server gets a fresh schema. Without a reachable server the tests are skipped with a message,
 * except on CI, where a missing database must fail the run rather than hide it.
 */
public final class Postgres implements ExecutionCondition {

    public static final String URL = System.getProperty("huiying.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("huiying.test.pg-user", "postgres");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("CI: PostgreSQL must be reachable at " + URL + " — this test will fail");
            }
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + " (" + e.getMessage()
                    + "): PostgreSQL tests skipped. Start it, or run on CI where it is required.");
        }
    }

    public static String newSchema() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Signs staff tokens on PostgreSQL, where the server requires a configured key; shared by a test cluster's nodes. */
    public static final String JWT_SECRET = "test-only-jwt-secret-of-at-least-32-bytes";

    /** Arguments that point a {@link RunningServer} at a schema of its own, with the postgres profile. */
    public static String[] serverArgs(String schema) {
        return new String[] {"--spring.profiles.active=postgres", "--huiying.security.jwt-secret=" + JWT_SECRET,
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + USER,
                "--spring.flyway.default-schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.create-schemas=true"};
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // best effort: a leftover schema harms nothing
        }
    }
}
