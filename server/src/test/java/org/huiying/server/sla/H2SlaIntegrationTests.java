package org.huiying.server.sla;

class H2SlaIntegrationTests extends SlaContract {

    @Override
    protected String[] databaseArgs() {
        return new String[0];
    }
}
