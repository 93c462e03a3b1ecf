package org.huiying.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real PostgreSQL ({@link Postgres}) in a schema of its own: skipped
 * with a message when PostgreSQL is unreachable (failing on CI instead), a fresh schema name put into
 * the field marked {@link Name} of each test instance, and that schema dropped when the instance is
 * done. The schema therefore lives as long as the test instance: the whole class under
 * {@code @TestInstance(PER_CLASS)}, each test otherwise. It is dropped after every
 * {@code @AfterEach}/{@code @AfterAll} method, so servers the test stops there are gone first.
 *
 * <pre>{@code
 * @PostgresSchema
 * class PostgresSlaIntegrationTests extends SlaContract {
 *
 *     @PostgresSchema.Name
 *     private String schema;
 *
 *     protected String[] databaseArgs() {
 *         return Postgres.serverArgs(schema);
 *     }
 * }
 * }</pre>
 *
 * <p>Only the name is made here: the server's Flyway creates the schema ({@link Postgres#serverArgs}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Postgres.class)
@ExtendWith(PostgresSchemaExtension.class)
public @interface PostgresSchema {

    /** The {@code String} field that receives the schema's name (inherited fields count). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Name {
    }
}
