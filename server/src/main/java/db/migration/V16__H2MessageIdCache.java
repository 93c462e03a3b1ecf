package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 16, embedded H2 only: the message journal's applier inserts thousands of messages per
 * transaction, and each flush of the identity's cached value (every 1,000 ids since migration 9)
 * writes every page the open transaction has changed so far — half the applier's time in the
 * gateway benchmark's profile (docs/benchmarks.md). A cache of 1,000,000 flushes once per million
 * messages; after a crash ids jump ahead by up to that much (a BIGINT never runs out), none reused.
 */
public class V16__H2MessageIdCache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE message ALTER COLUMN id SET CACHE 1000000");
        }
    }
}
