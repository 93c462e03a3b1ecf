package org.huiying.server.telephony.sms;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Outbox durability on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresSmsRestartIntegrationTests extends SmsRestartContract {

    @TempDir
    Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer(String... args) {
        return new RunningServer(dataDir, Stream.concat(Stream.of(Postgres.serverArgs(schema)), Stream.of(args)).toArray(String[]::new));
    }
}
