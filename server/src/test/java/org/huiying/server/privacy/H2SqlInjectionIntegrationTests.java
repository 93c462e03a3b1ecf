package org.huiying.server.privacy;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** SQL injection attempts against the embedded default: an H2 file database. */
class H2SqlInjectionIntegrationTests extends SqlInjectionContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, PrivacyContract.QUIET_HOURS_OFF);
    }
}
