package org.huiying.server.spine;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Postgres.class)
class PostgresRestartIntegrationTests extends RestartContract {

    @TempDir
    Path dataDir;

    private final String schema = Postgres.newSchema();

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }

    @AfterEach
    void dropSchema() {
        Postgres.dropSchema(schema);
    }
}
