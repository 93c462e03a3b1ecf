package org.huiying.server.callback;

/** The callback queue on the embedded default: an H2 file database. */
class H2CallbackQueueIntegrationTests extends CallbackQueueContract {

    @Override
    protected String[] databaseArgs() {
        return new String[0];
    }
}
