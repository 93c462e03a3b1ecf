package org.huiying.server.spine;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** The spine on the embedded default: an H2 file database. */
class H2SpineIntegrationTests extends SpineContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
