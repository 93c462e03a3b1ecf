package org.huiying.server.survey;

import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;

@PostgresSchema
class PostgresSurveyIntegrationTests extends SurveyContract {

    @PostgresSchema.Name
    private String schema;

    @Override
    protected String[] databaseArgs() {
        return Postgres.serverArgs(schema);
    }
}
