package org.huiying.server.customer;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;

/** The customer file on the real PostgreSQL. */
@PostgresSchema
class PostgresCustomerFileIntegrationTests extends CustomerFileContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer(Path dataDir, String... args) {
        return new RunningServer(dataDir, Stream.concat(Stream.of(Postgres.serverArgs(schema)), Stream.of(args)).toArray(String[]::new));
    }
}
