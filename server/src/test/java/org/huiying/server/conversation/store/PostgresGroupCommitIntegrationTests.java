package org.huiying.server.conversation.store;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresGroupCommitIntegrationTests extends GroupCommitContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }
}
