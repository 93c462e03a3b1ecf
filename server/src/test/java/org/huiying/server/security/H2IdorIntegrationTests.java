package org.huiying.server.security;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Object-level authorization on the embedded default: an H2 file database. */
class H2IdorIntegrationTests extends IdorContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
