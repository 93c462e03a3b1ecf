package org.huiying.server.cannedreply;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Canned replies on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresCannedRepliesIntegrationTests extends CannedRepliesContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }
}
