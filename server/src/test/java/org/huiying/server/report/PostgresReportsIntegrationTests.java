package org.huiying.server.report;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;

/** The reports' exactness on the real PostgreSQL. */
@PostgresSchema
class PostgresReportsIntegrationTests extends ReportsContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer(Path dataDir, String... args) {
        return new RunningServer(dataDir, Stream.concat(Stream.of(Postgres.serverArgs(schema)), Stream.of(args)).toArray(String[]::new));
    }
}
