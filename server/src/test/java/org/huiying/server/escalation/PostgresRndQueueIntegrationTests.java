package org.huiying.server.escalation;

import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;

/** R&D's queue on the real PostgreSQL (profile {@code postgres}). */
@PostgresSchema
class PostgresRndQueueIntegrationTests extends RndQueueContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected String[] databaseArgs() {
        return Postgres.serverArgs(schema);
    }
}
