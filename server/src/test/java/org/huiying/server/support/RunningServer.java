package org.huiying.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.HuiyingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application, started as {@code java -jar} would start it (random ports, a data
 * directory of the test's own), and found through the ports file it writes.
 */
public final class RunningServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private final Path dataDir;
    private final List<String> extraArgs;
    private java.time.Clock clock;
    private ConfigurableApplicationContext context;
    private int httpPort;
    private int gatewayPort;

    public RunningServer(Path dataDir, String... extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = List.of(extraArgs);
    }

    /** Runs the server on a clock the test moves, so time-driven behaviour is tested without waiting. */
    public RunningServer withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    public RunningServer start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--huiying.gateway.port=0",
                "--huiying.data-dir=" + dataDir, "--huiying.admin.initial-password=" + ADMIN_PASSWORD,
                "--logging.level.root=WARN"));
        args.addAll(extraArgs);
        try {
            Files.deleteIfExists(dataDir.resolve("ports.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HuiyingApplication.class);
        if (clock != null) {
            java.time.Clock testClock = clock;
            builder.initializers(ctx -> ((org.springframework.context.support.GenericApplicationContext) ctx)
                    .registerBean("testClock", java.time.Clock.class, () -> testClock, bd -> bd.setPrimary(true)));
        }
        context = builder.run(args.toArray(String[]::new));
        JsonNode ports = JsonMapper.shared().readTree(dataDir.resolve("ports.json").toFile());
        httpPort = ports.get("http").asInt();
        gatewayPort = ports.get("gateway").asInt();
        return this;
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + httpPort);
    }

    public String gatewayUri(String token) {
        return "ws://127.0.0.1:" + gatewayPort + "/ws/chat?token=" + token;
    }

    public String stompUri() {
        return "ws://127.0.0.1:" + httpPort + "/ws/agent";
    }

    public int httpPort() {
        return httpPort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Waits until the server has registered a STOMP subscription of this staff member to {@code destination}. */
    public void awaitSubscribed(long staffId, String destination) {
        var registry = context.getBean(org.springframework.messaging.simp.user.SimpUserRegistry.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            var user = registry.getUser(Long.toString(staffId));
            return user != null && user.getSessions().stream()
                    .flatMap(s -> s.getSubscriptions().stream())
                    .anyMatch(sub -> sub.getDestination().equals(destination));
        });
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        stop();
    }
}
