package org.huiying.server.cluster;

import java.util.List;

/** The crash test on the embedded default: one node, the H2 file database in its data directory. */
class H2CrashIntegrationTests extends CrashContract {

    @Override
    protected List<String> databaseArgs() {
        return List.of();
    }
}
