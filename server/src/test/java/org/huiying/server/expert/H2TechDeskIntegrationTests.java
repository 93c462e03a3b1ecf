package org.huiying.server.expert;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** The technicians' desk on the embedded default: an H2 file database. */
class H2TechDeskIntegrationTests extends TechDeskContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, "--huiying.routing.sweep-every=PT0.05S");
    }
}
