package org.huiying.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <data dir>/ports.json} once both the HTTP server and the customer gateway listen,
 * so scripts can find a server started with port 0.
 */
@Component
class PortsFile {

    private static final Logger log = LoggerFactory.getLogger(PortsFile.class);

    private final Path file;
    private volatile int http;
    private volatile int gateway;

    PortsFile(HuiyingProperties properties) {
        this.file = properties.dataDir().resolve("ports.json");
    }

    @EventListener
    void httpStarted(WebServerInitializedEvent event) {
        http = event.getWebServer().getPort();
        log.info("HTTP (REST, /ws/agent, console) listening on port {}", http);
        writeWhenComplete();
    }

    @EventListener
    void gatewayStarted(GatewayListening event) {
        gateway = event.port();
        log.info("Customer gateway (/ws/chat) listening on port {}", gateway);
        writeWhenComplete();
    }

    private synchronized void writeWhenComplete() {
        if (http == 0 || gateway == 0) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("ports.json.tmp");
            Files.writeString(tmp, "{\"http\":" + http + ",\"gateway\":" + gateway + "}\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
