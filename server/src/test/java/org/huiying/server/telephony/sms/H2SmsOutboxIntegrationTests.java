package org.huiying.server.telephony.sms;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** The SMS outbox on the embedded default: an H2 file database. */
class H2SmsOutboxIntegrationTests extends SmsOutboxContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer(String... args) {
        return new RunningServer(dataDir, args);
    }
}
