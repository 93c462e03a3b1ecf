package org.huiying.server.sla;

import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;

@PostgresSchema
class PostgresSlaIntegrationTests extends SlaContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected String[] databaseArgs() {
        return Postgres.serverArgs(schema);
    }
}
