package db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 9, embedded H2 only: an H2 identity column writes its next cached value to disk (a
 * commit of the whole store) every 32 ids by default, which the gateway benchmark's profile showed
 * as most of the cost of inserting a message. A cache of 1,000 pays that once per 1,000 rows;
 * after a crash the ids jump ahead, nothing is reused. PostgreSQL sequences need no such help,
 * and keep their default so ids stay in commit order across connections.
 */
public class V9__H2IdentityCache extends BaseJavaMigration {

    private static final List<String> BUSY_TABLES = List.of("message", "customer", "sla_event", "sms_outbox");

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : BUSY_TABLES) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE 1000");
            }
        }
    }
}
