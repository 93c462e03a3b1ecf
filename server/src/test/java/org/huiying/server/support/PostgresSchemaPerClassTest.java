package org.huiying.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link PostgresSchema} under {@code PER_CLASS}: one schema for all the class's tests. */
@PostgresSchema
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSchemaPerClassTest {

    private String first;

    @PostgresSchema.Name
    private String schema;

    @Test
    @Order(1)
    void theFirstTestCreatesIt() throws SQLException {
        first = schema;
        PostgresSchemaPerTestTest.createSchema(schema);
    }

    @Test
    @Order(2)
    void theNextTestStillHasIt() throws SQLException {
        assertThat(schema).isEqualTo(first);
        assertThat(PostgresSchemaPerTestTest.exists(schema)).isTrue();
    }
}
