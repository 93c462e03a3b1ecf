package org.huiying.server.expert;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** The technicians' desk on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresTechDeskIntegrationTests extends TechDeskContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer() {
        String[] db = Postgres.serverArgs(schema);
        String[] args = java.util.Arrays.copyOf(db, db.length + 1);
        args[db.length] = "--huiying.routing.sweep-every=PT0.05S";
        return new RunningServer(dataDir, args);
    }
}
