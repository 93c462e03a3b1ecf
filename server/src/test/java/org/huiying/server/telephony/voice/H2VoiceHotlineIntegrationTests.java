package org.huiying.server.telephony.voice;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.io.TempDir;

/** The voice hotline on the embedded default: an H2 file database. */
class H2VoiceHotlineIntegrationTests extends VoiceHotlineContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer(String... args) {
        return new RunningServer(dataDir, args);
    }
}
