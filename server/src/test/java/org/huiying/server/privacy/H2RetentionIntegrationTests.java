package org.huiying.server.privacy;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Retention on the embedded default: an H2 file database. */
class H2RetentionIntegrationTests extends RetentionContract {

    @TempDir
    Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
