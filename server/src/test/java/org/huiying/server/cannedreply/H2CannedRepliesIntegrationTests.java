package org.huiying.server.cannedreply;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Canned replies on the embedded default: an H2 file database. */
class H2CannedRepliesIntegrationTests extends CannedRepliesContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
