package org.huiying.server.spine;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

class H2RestartIntegrationTests extends RestartContract {

    @TempDir
    Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
