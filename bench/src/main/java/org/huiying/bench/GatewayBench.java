package org.huiying.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gateway}: the same customer load against a bare Netty WebSocket echo server and against
 * Huiying on its embedded defaults (H2, embedded Lucene, dry-run outbox), each in a child JVM
 * started alike, in one run. Phases per server: heap per idle connection, closed-loop saturation
 * throughput, then a fixed message rate spread over every connection for ack latency.
 */
final class GatewayBench {

    private final Options options;
    private final int idle;
    private final int busy;
    private final int window;
    private final Duration warmup;
    private final Duration measure;
    private final int rate;
    private final Duration rateMeasure;
    private final List<String> childJvm;
    private final boolean settle;

    GatewayBench(Options options) {
        this.options = options;
        idle = options.integer("connections", 2_000, 19_500);
        busy = Math.min(idle, options.integer("busy", 200, 1_000));
        window = options.integer("window", 1, 1);
        warmup = options.seconds("warmup", 10, 20);
        measure = options.seconds("measure", 15, 30);
        rate = options.integer("rate", 500, 1_000);
        rateMeasure = options.seconds("rate-seconds", 10, 30);
        // after the first messages, wait for the server to finish what they started (on by default)
        settle = !"false".equals(options.string("settle", "true"));
        childJvm = new ArrayList<>(List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC"));
        String extra = options.string("server-jvm", "");
        if (!extra.isBlank()) {
            Collections.addAll(childJvm, extra.trim().split("\\s+"));
        }
    }

    /** One server's figures. */
    record Measured(int connections, double heapPerConnKb, CustomerLoad.Phase first, Duration settled,
                    CustomerLoad.Phase saturation, CustomerLoad.Phase atRate) {
    }

    ObjectNode run() throws Exception {
        Instant started = Instant.now();
        Measured echo;
        List<String> echoArgs = new ArrayList<>(childJvm);
        echoArgs.addAll(List.of("-cp", Options.benchJar().toString()));
        try (ChildJvm server = ChildJvm.start("echo", echoArgs, List.of(EchoServer.class.getName()), Duration.ofSeconds(60))) {
            echo = measure("echo", server, Collections.nCopies(idle, "echo"));
        }
        Measured huiying;
        List<String> huiyingArgs = new ArrayList<>(childJvm);
        String jfr = options.string("jfr", "");
        if (!jfr.isEmpty()) {
            huiyingArgs.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        huiyingArgs.addAll(List.of("-jar", options.serverJar().toString()));
        // every simulated customer comes from this one address: lift the gateway's per-address and per-socket limits
        List<String> serverArgs = new ArrayList<>(List.of("--server.port=0", "--huiying.gateway.port=0", "--logging.level.root=WARN",
                "--huiying.gateway.max-connections-per-address=0", "--huiying.gateway.address-messages-per-second=0",
                "--huiying.gateway.messages-per-second=0", "--huiying.gateway.max-connections=0", "--huiying.chat.sessions-per-minute=0"));
        String extraArgs = options.string("server-args", "");
        if (!extraArgs.isBlank()) {
            Collections.addAll(serverArgs, extraArgs.trim().split("\\s+"));
        }
        try (ChildJvm server = ChildJvm.start("huiying", huiyingArgs, serverArgs, Duration.ofSeconds(180))) {
            log("huiying: opening " + idle + " chat sessions");
            List<String> tokens = ChatSessions.open(server.httpPort(), idle, 16);
            huiying = measure("huiying", server, tokens);
        }
        JsonMapper json = JsonMapper.shared();
        ObjectNode result = json.createObjectNode()
                .put("mode", "gateway")
                .put("quick", options.flag("quick"))
                .put("connections", huiying.connections())
                .put("busyConnections", busy)
                .put("msgsPerSec", round(huiying.saturation().perSecond()))
                .put("echoMsgsPerSec", round(echo.saturation().perSecond()))
                .put("ratioVsEcho", round3(huiying.saturation().perSecond() / echo.saturation().perSecond()))
                .put("firstMessagesPerSec", round(huiying.first().perSecond()))
                .put("settleSeconds", round(huiying.settled().toMillis() / 1000.0))
                .put("echoFirstMessagesPerSec", round(echo.first().perSecond()))
                .put("rate", rate)
                .put("p50AckMs", round3(huiying.atRate().percentileMs(50)))
                .put("p99AckMs", round3(huiying.atRate().percentileMs(99)))
                .put("echoP50AckMs", round3(echo.atRate().percentileMs(50)))
                .put("echoP99AckMs", round3(echo.atRate().percentileMs(99)))
                .put("saturationP50AckMs", round3(huiying.saturation().percentileMs(50)))
                .put("saturationP99AckMs", round3(huiying.saturation().percentileMs(99)))
                .put("cpuUsPerMsg", round(huiying.saturation().serverCpuMicrosPerMessage()))
                .put("echoCpuUsPerMsg", round(echo.saturation().serverCpuMicrosPerMessage()))
                .put("heapPerConnKb", round3(huiying.heapPerConnKb()))
                .put("echoHeapPerConnKb", round3(echo.heapPerConnKb()))
                .put("errors", huiying.first().errors() + huiying.saturation().errors() + huiying.atRate().errors())
                .put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("seconds", Duration.between(started, Instant.now()).toSeconds());
        return result;
    }

    private Measured measure(String name, ChildJvm server, List<String> tokens) throws Exception {
        try (CustomerLoad load = new CustomerLoad(2, server::cpuNanos)) {
            long before = server.liveHeapBytes();
            log(name + ": connecting " + tokens.size() + " customers");
            load.connect("127.0.0.1", server.gatewayPort(), tokens, 500);
            long after = server.liveHeapBytes();
            double perConnKb = (after - before) / 1024.0 / tokens.size();
            log(name + ": " + round3(perConnKb) + " KiB heap per idle connection; each customer sends a first message");
            CustomerLoad.Phase first = load.firstMessages(busy);
            log(name + ": " + round(first.perSecond()) + " first messages/s (each opens a ticket), p99 "
                    + round3(first.percentileMs(99)) + " ms");
            Duration settled = settle ? ServerQuiet.await(server::cpuNanos, 0.25, Duration.ofSeconds(2), Duration.ofSeconds(180))
                    : Duration.ZERO;
            log(name + ": quiet after " + round(settled.toMillis() / 1000.0) + " s; saturating with " + busy + " customers");
            CustomerLoad.Phase saturation = load.closedLoop(busy, window, warmup, measure);
            log(name + ": " + round(saturation.perSecond()) + " msg/s, p99 " + round3(saturation.percentileMs(99))
                    + " ms at saturation, " + round(saturation.serverCpuMicrosPerMessage()) + " µs server CPU a message; now " + rate + " msg/s over all " + load.connected());
            CustomerLoad.Phase atRate = load.fixedRate(rate, Duration.ofSeconds(Math.min(5, warmup.toSeconds())), rateMeasure);
            log(name + ": at " + round(atRate.perSecond()) + " msg/s p50 " + round3(atRate.percentileMs(50)) + " ms, p99 "
                    + round3(atRate.percentileMs(99)) + " ms, errors " + (saturation.errors() + atRate.errors()));
            return new Measured(load.connected(), perConnKb, first, settled, saturation, atRate);
        }
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static void log(String line) {
        System.out.println("[" + Instant.now() + "] " + line);
    }
}
