package org.huiying.server.cluster;

import java.util.List;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.Redis;
import org.junit.jupiter.api.extension.ExtendWith;

/** The crash test on a cluster node: PostgreSQL, profile cluster, Redis. */
@PostgresSchema
@ExtendWith(Redis.class)
class PostgresCrashIntegrationTests extends CrashContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected List<String> databaseArgs() {
        return List.of(Redis.clusterNodeArgs(schema));
    }
}
