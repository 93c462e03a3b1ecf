package org.huiying.server.survey;

class H2SurveyIntegrationTests extends SurveyContract {

    @Override
    protected String[] databaseArgs() {
        return new String[0];
    }
}
