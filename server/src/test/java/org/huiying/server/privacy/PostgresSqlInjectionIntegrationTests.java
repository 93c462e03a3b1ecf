package org.huiying.server.privacy;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** SQL injection attempts against the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresSqlInjectionIntegrationTests extends SqlInjectionContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer() {
        String[] db = Postgres.serverArgs(schema);
        String[] args = java.util.Arrays.copyOf(db, db.length + 1);
        args[db.length] = PrivacyContract.QUIET_HOURS_OFF;
        return new RunningServer(dataDir, args);
    }
}
