package org.huiying.server.cluster;

import java.util.List;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.Redis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The crash test on a cluster node: PostgreSQL, profile cluster, Redis. */
@ExtendWith({Postgres.class, Redis.class})
class PostgresCrashIntegrationTests extends CrashContract {

    private final String schema = Postgres.newSchema();

    @Override
    protected List<String> databaseArgs() {
        return List.of(Redis.clusterNodeArgs(schema));
    }

    @AfterEach
    void dropSchema() {
        Postgres.dropSchema(schema);
    }
}
