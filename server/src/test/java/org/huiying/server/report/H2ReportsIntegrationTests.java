package org.huiying.server.report;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;

/** The reports' exactness on the embedded H2. */
class H2ReportsIntegrationTests extends ReportsContract {

    @Override
    protected RunningServer newServer(Path dataDir, String... args) {
        return new RunningServer(dataDir, args);
    }
}
