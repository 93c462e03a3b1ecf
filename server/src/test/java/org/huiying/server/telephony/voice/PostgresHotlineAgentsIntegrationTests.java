package org.huiying.server.telephony.voice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

@PostgresSchema
class PostgresHotlineAgentsIntegrationTests extends HotlineAgentsContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer(String... args) {
        List<String> all = new ArrayList<>(List.of(Postgres.serverArgs(schema)));
        all.addAll(List.of(args));
        return new RunningServer(dataDir, all.toArray(String[]::new));
    }
}
