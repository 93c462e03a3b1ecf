package org.huiying.server.privacy;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Privacy on the embedded default: an H2 file database. */
class H2PrivacyIntegrationTests extends PrivacyContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, QUIET_HOURS_OFF);
    }
}
