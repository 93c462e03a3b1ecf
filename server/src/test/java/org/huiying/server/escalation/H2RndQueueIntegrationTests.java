package org.huiying.server.escalation;

/** R&D's queue on the embedded default: an H2 file database. */
class H2RndQueueIntegrationTests extends RndQueueContract {

    @Override
    protected String[] databaseArgs() {
        return new String[0];
    }
}
