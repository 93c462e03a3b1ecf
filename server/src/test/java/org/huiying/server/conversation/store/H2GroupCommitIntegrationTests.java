package org.huiying.server.conversation.store;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the embedded default: an H2 file database. */
class H2GroupCommitIntegrationTests extends GroupCommitContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }
}
