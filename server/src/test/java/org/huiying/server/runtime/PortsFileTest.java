package org.huiying.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsFileTest {

    @TempDir
    Path dataDir;

    private Path ports() {
        return dataDir.resolve("ports.json");
    }

    @Test
    void listeningIsNotEnoughTheFileAppearsOnlyOnceTheApplicationIsReady() throws Exception {
        PortsFile file = new PortsFile(new HuiyingProperties(dataDir, null));

        file.httpListening(8080);
        file.gatewayListening(8081);
        assertThat(ports()).doesNotExist();

        file.applicationReady();
        assertThat(Files.readString(ports())).isEqualTo("{\"http\":8080,\"gateway\":8081}\n");
    }

    @Test
    void readyBeforeTheGatewayListensWaitsForTheGateway() throws Exception {
        PortsFile file = new PortsFile(new HuiyingProperties(dataDir, null));

        file.httpListening(8080);
        file.applicationReady();
        assertThat(ports()).doesNotExist();

        file.gatewayListening(8081);
        assertThat(Files.readString(ports())).isEqualTo("{\"http\":8080,\"gateway\":8081}\n");
    }
}
