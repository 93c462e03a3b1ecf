package org.huiying.server.admin;

import java.nio.file.Path;
import org.huiying.server.support.RunningServer;

class H2CentreRulesIntegrationTests extends CentreRulesContract {

    @Override
    protected RunningServer newServer(Path dataDir) {
        return new RunningServer(dataDir);
    }
}
