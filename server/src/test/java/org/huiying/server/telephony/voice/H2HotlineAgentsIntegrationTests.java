package org.huiying.server.telephony.voice;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

class H2HotlineAgentsIntegrationTests extends HotlineAgentsContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer(String... args) {
        return new RunningServer(dataDir, args);
    }
}
