package org.huiying.server.conversation.store;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the real PostgreSQL (profile {@code postgres}). */
@ExtendWith(Postgres.class)
class PostgresGroupCommitIntegrationTests extends GroupCommitContract {

    @TempDir
    static Path dataDir;

    private final String schema = Postgres.newSchema();

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }

    @AfterAll
    void dropSchema() {
        Postgres.dropSchema(schema);
    }
}
