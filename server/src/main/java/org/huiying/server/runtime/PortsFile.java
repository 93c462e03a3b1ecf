package org.huiying.server.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <data dir>/ports.json} once both the HTTP server and the customer gateway listen and
 * the application is ready (the first admin created, sample articles loaded, timers and the
 * dispatcher started), so scripts can find a server started with port 0 and load it at once.
 */
@Component
class PortsFile {

    private static final Logger log = LoggerFactory.getLogger(PortsFile.class);

    private final Path file;
    private int http;
    private int gateway;
    private boolean ready;

    PortsFile(HuiyingProperties properties) {
        this.file = properties.dataDir().resolve("ports.json");
    }

    @EventListener
    void httpStarted(WebServerInitializedEvent event) {
        httpListening(event.getWebServer().getPort());
    }

    @EventListener
    void gatewayStarted(GatewayStarted event) {
        gatewayListening(event.port());
    }

    /** Listeners of the web server's start run before the application's runners: those still have work to do. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void applicationReady() {
        ready = true;
        writeWhenComplete();
    }

    synchronized void httpListening(int port) {
        http = port;
        log.info("HTTP (REST, /ws/agent, console) listening on port {}", http);
        writeWhenComplete();
    }

    synchronized void gatewayListening(int port) {
        gateway = port;
        log.info("Customer gateway (/ws/chat) listening on port {}", gateway);
        writeWhenComplete();
    }

    private void writeWhenComplete() {
        if (http == 0 || gateway == 0 || !ready) {
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
