package org.huiying.server.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application in a child JVM of its own, so a test can kill it as the kernel would
 * ({@link #kill()} is SIGKILL on Linux: no shutdown hook, no flush, no goodbye). Started from the
 * test's own classpath, since the fat jar is built only after the tests; its output goes to
 * {@code node.log} in its data directory.
 */
public final class NodeProcess implements AutoCloseable {

    private final Path dataDir;
    private final List<String> args;
    private Process process;
    private int httpPort;
    private int gatewayPort;

    public NodeProcess(Path dataDir, String... args) {
        this.dataDir = dataDir;
        this.args = List.of(args);
    }

    /** Starts the node and waits until it answers its health check. */
    public NodeProcess start() {
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(dataDir.resolve("ports.json"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "org.huiying.server.HuiyingApplication", "--server.port=0", "--huiying.gateway.port=0",
                    "--huiying.data-dir=" + dataDir, "--huiying.admin.initial-password=" + RunningServer.ADMIN_PASSWORD,
                    "--logging.level.root=WARN"));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path ports = dataDir.resolve("ports.json");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the node exited with " + process.exitValue() + "; see " + dataDir.resolve("node.log"));
            }
            return Files.exists(ports);
        });
        JsonNode p = JsonMapper.shared().readTree(ports.toFile());
        httpPort = p.get("http").asInt();
        gatewayPort = p.get("gateway").asInt();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> api().get("/actuator/health", null).status() == 200);
        return this;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + httpPort);
    }

    public String gatewayUri(String token) {
        return "ws://127.0.0.1:" + gatewayPort + "/ws/chat?token=" + token;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
