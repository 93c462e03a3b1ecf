package org.huiying.server.customer;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;

/** The customer file on the embedded default: an H2 file database. */
class H2CustomerFileIntegrationTests extends CustomerFileContract {

    @Override
    protected RunningServer newServer(Path dataDir, String... args) {
        return new RunningServer(dataDir, args);
    }
}
