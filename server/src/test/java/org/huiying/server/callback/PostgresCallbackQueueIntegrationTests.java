package org.huiying.server.callback;

import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;

/** The callback queue on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresCallbackQueueIntegrationTests extends CallbackQueueContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected String[] databaseArgs() {
        return Postgres.serverArgs(schema);
    }
}
