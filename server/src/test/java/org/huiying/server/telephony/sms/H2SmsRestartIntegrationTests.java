package org.huiying.server.telephony.sms;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** Outbox durability on the embedded default: an H2 file database. */
class H2SmsRestartIntegrationTests extends SmsRestartContract {

    @TempDir
    Path dataDir;

    @Override
    protected RunningServer newServer(String... args) {
        return new RunningServer(dataDir, args);
    }
}
