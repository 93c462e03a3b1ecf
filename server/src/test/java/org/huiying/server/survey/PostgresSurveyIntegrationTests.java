package org.huiying.server.survey;

import org.huiying.server.support.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Postgres.class)
class PostgresSurveyIntegrationTests extends SurveyContract {

    private final String schema = Postgres.newSchema();

    @Override
    protected String[] databaseArgs() {
        return Postgres.serverArgs(schema);
    }

    @AfterEach
    void dropSchema() {
        Postgres.dropSchema(schema);
    }
}
