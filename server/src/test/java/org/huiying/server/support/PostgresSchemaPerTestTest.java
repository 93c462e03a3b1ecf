package org.huiying.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link PostgresSchema} in the default lifecycle: each test its own schema, dropped after it. */
@PostgresSchema
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSchemaPerTestTest {

    private static String first;

    @PostgresSchema.Name
    private String schema;

    @Test
    @Order(1)
    void aTestGetsAFreshSchemaName() throws SQLException {
        assertThat(schema).matches("it_[0-9a-f]{12}");
        first = schema;
        createSchema(schema); // as the server's Flyway would
        assertThat(exists(schema)).isTrue();
    }

    @Test
    @Order(2)
    void theNextTestGetsAnotherAndThePreviousOneIsGone() throws SQLException {
        assertThat(schema).isNotEqualTo(first);
        assertThat(exists(first)).isFalse();
    }

    static void createSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(Postgres.URL, Postgres.USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
    }

    static boolean exists(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(Postgres.URL, Postgres.USER, "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + schema + "'")) {
            return rs.next();
        }
    }
}
