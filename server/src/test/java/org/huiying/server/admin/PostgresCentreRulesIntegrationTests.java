package org.huiying.server.admin;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;

@PostgresSchema
class PostgresCentreRulesIntegrationTests extends CentreRulesContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer(Path dataDir) {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }
}
