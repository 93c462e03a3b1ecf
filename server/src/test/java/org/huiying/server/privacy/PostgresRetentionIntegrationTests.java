package org.huiying.server.privacy;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Retention on the real PostgreSQL (profile {@code postgres}). */
@ExtendWith(Postgres.class)
class PostgresRetentionIntegrationTests extends RetentionContract {

    @TempDir
    Path dataDir;

    private final String schema = Postgres.newSchema();

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }

    @AfterEach
    void dropSchema() {
        stop();
        Postgres.dropSchema(schema);
    }
}
