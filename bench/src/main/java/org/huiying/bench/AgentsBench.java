package org.huiying.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code agents}: staff desks on STOMP while customers chat. Huiying (child JVM, embedded defaults,
 * every ticket type's first-response SLA shortened to {@code sla} seconds) gets {@code agents}
 * agent and {@code supervisors} supervisor accounts through the admin API; each logs in, connects
 * to {@code /ws/agent} and subscribes as the console and the dashboard do, and the agents go online.
 * Customers then open chats at {@code rate} messages a second; each first message opens a ticket
 * that is routed to an agent, and since nobody answers, each ticket's first-response clock warns
 * and then breaches: two board frames on {@code /topic/sla} per ticket, to every supervisor. Board
 * latency is from the frame's {@code dueAt} (when the threshold fell due) to its arrival; assignment
 * latency from the pushed ticket's {@code openedAt}. Supervisors reload their lists on board events
 * as the dashboard page does ({@link DashboardReloads}). The same-run baseline is {@link FanoutServer}
 * with the same connections and subscriptions, broadcasting the same number of board frames at the
 * same rate.
 */
final class AgentsBench {

    private static final String PASSWORD = "bench-Passw0rd-2026";
    private static final List<String> AGENT_DESTINATIONS = List.of("/user/queue/assignments", "/user/queue/messages");
    private static final List<String> SUPERVISOR_DESTINATIONS = List.of("/topic/sla", "/topic/escalations");

    private final Options options;
    private final int agents;
    private final int supervisors;
    private final int customers;
    private final int rate;
    private final int slaSeconds;
    private final Duration reloadEvery;
    private final List<String> childJvm;

    AgentsBench(Options options) {
        this.options = options;
        agents = options.integer("agents", 500, 500);
        supervisors = options.integer("supervisors", 5, 5);
        customers = options.integer("customers", agents, 2 * agents);
        rate = options.integer("rate", 25, 25);
        slaSeconds = options.integer("sla", 8, 20);
        reloadEvery = Duration.ofMillis(options.integer("reload-every", 2_000, 2_000));
        childJvm = new ArrayList<>(List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC"));
        String extra = options.string("server-jvm", "");
        if (!extra.isBlank()) {
            Collections.addAll(childJvm, extra.trim().split("\\s+"));
        }
    }

    /** One server's figures. */
    record Measured(Histogram board, long boardFrames, long expectedBoardFrames, Histogram assignments, long messagePushes,
                    long escalations, long errors, long reloads, CustomerLoad.Phase customers) {
    }

    /** Counts and times what the STOMP clients receive; clients {@code 0…agents-1} are agents, the rest supervisors. */
    private final class Desks implements StompClients.Listener {
        final EventLatency board = new EventLatency("dueAt");
        final EventLatency assignments = new EventLatency("openedAt");
        final LongAdder boardFrames = new LongAdder();
        final LongAdder messagePushes = new LongAdder();
        final LongAdder escalations = new LongAdder();
        volatile DashboardReloads reloads;

        @Override
        public void message(int client, String destination, String body) {
            switch (destination) {
                case "/topic/sla" -> {
                    board.record(body);
                    boardFrames.increment();
                    DashboardReloads r = reloads;
                    if (r != null) {
                        r.boardEvent(client - agents);
                    }
                }
                case "/topic/escalations" -> escalations.increment();
                case "/user/queue/assignments" -> assignments.record(body);
                case "/user/queue/messages" -> messagePushes.increment();
                default -> {
                }
            }
        }
    }

    ObjectNode run() throws Exception {
        Instant started = Instant.now();
        int tickets = customers;
        long boardCount = 2L * tickets;
        Measured fanout;
        List<String> fanoutArgs = new ArrayList<>(childJvm);
        fanoutArgs.addAll(List.of("-cp", Options.benchJar().toString()));
        try (ChildJvm server = ChildJvm.start("fanout", fanoutArgs, List.of(FanoutServer.class.getName()), Duration.ofSeconds(60))) {
            fanout = measureFanout(server, boardCount);
        }
        Measured huiying;
        List<String> huiyingArgs = new ArrayList<>(childJvm);
        String jfr = options.string("jfr", "");
        if (!jfr.isEmpty()) {
            huiyingArgs.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        huiyingArgs.addAll(List.of("-jar", options.serverJar().toString()));
        List<String> serverArgs = new ArrayList<>(List.of("--server.port=0", "--huiying.gateway.port=0", "--logging.level.root=WARN",
                "--huiying.admin.initial-password=" + PASSWORD,
                // every simulated customer comes from this one address: lift the per-address limits
                "--huiying.gateway.max-connections-per-address=0", "--huiying.gateway.address-messages-per-second=0",
                "--huiying.gateway.messages-per-second=0", "--huiying.gateway.max-connections=0", "--huiying.chat.sessions-per-minute=0"));
        for (String type : List.of("INQUIRY", "COMPLAINT", "APPOINTMENT", "TECH_SUPPORT", "CALLBACK")) {
            serverArgs.add("--huiying.sla." + type + ".first-response=PT" + slaSeconds + "S");
            serverArgs.add("--huiying.sla." + type + ".resolution=PT1H");
        }
        String extraArgs = options.string("server-args", "");
        if (!extraArgs.isBlank()) {
            Collections.addAll(serverArgs, extraArgs.trim().split("\\s+"));
        }
        try (ChildJvm server = ChildJvm.start("huiying", huiyingArgs, serverArgs, Duration.ofSeconds(180))) {
            huiying = measureHuiying(server, boardCount);
        }
        Histogram b = huiying.board();
        return JsonMapper.shared().createObjectNode()
                .put("mode", "agents")
                .put("quick", options.flag("quick"))
                .put("agents", agents)
                .put("supervisors", supervisors)
                .put("customers", customers)
                .put("rate", rate)
                .put("slaSeconds", slaSeconds)
                .put("reloadEveryMs", reloadEvery.toMillis())
                .put("boardFrames", huiying.boardFrames())
                .put("expectedBoardFrames", huiying.expectedBoardFrames())
                .put("boardP50Ms", EventLatency.ms(b, 50))
                .put("boardP99Ms", EventLatency.ms(b, 99))
                .put("boardMaxMs", EventLatency.maxMs(b))
                .put("fanoutBoardFrames", fanout.boardFrames())
                .put("fanoutP50Ms", EventLatency.ms(fanout.board(), 50))
                .put("fanoutP99Ms", EventLatency.ms(fanout.board(), 99))
                .put("fanoutMaxMs", EventLatency.maxMs(fanout.board()))
                .put("assignments", huiying.assignments().getTotalCount())
                .put("assignP50Ms", EventLatency.ms(huiying.assignments(), 50))
                .put("assignP99Ms", EventLatency.ms(huiying.assignments(), 99))
                .put("assignMaxMs", EventLatency.maxMs(huiying.assignments()))
                .put("messagePushes", huiying.messagePushes())
                .put("customerAckP99Ms", GatewayBench.round3(huiying.customers().percentileMs(99)))
                .put("dashboardReloads", huiying.reloads())
                .put("errors", huiying.errors())
                .put("fanoutErrors", fanout.errors())
                .put("loadAverage", GatewayBench.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("seconds", Duration.between(started, Instant.now()).toSeconds());
    }

    private Measured measureFanout(ChildJvm server, long boardCount) throws Exception {
        Desks desks = new Desks();
        try (StompClients clients = new StompClients(2, desks)) {
            List<StompClients.Login> logins = new ArrayList<>(Collections.nCopies(agents, new StompClients.Login("", AGENT_DESTINATIONS)));
            logins.addAll(Collections.nCopies(supervisors, new StompClients.Login("", SUPERVISOR_DESTINATIONS)));
            GatewayBench.log("fanout: connecting " + agents + " agents and " + supervisors + " supervisors");
            clients.connect("127.0.0.1", server.httpPort(), "/ws/agent", logins, 100, true);
            long expected = boardCount * supervisors;
            GatewayBench.log("fanout: " + boardCount + " board frames at " + 2 * rate + "/s to each supervisor");
            clients.send(0, FanoutServer.START, Map.of("rate", Integer.toString(2 * rate), "count", Long.toString(boardCount)), "");
            awaitFrames(desks, expected, Duration.ofSeconds(boardCount / (2 * rate) + 30));
            Histogram board = desks.board.take();
            log("fanout", board, desks.boardFrames.sum(), expected);
            return new Measured(board, desks.boardFrames.sum(), expected, desks.assignments.take(), 0, 0, clients.errors(), 0, null);
        }
    }

    private Measured measureHuiying(ChildJvm server, long boardCount) throws Exception {
        StaffAccounts api = new StaffAccounts(server.httpPort());
        awaitInitialAdmin(server);
        StaffAccounts.Session admin = api.login("admin", PASSWORD);
        GatewayBench.log("huiying: creating and logging in " + agents + " agents and " + supervisors + " supervisors");
        List<StaffAccounts.Session> agentSessions = api.createAndLogIn(admin, "agent", agents, "AGENT", PASSWORD, 4);
        List<StaffAccounts.Session> supervisorSessions = api.createAndLogIn(admin, "supervisor", supervisors, "SUPERVISOR", PASSWORD, 4);
        Desks desks = new Desks();
        try (StompClients clients = new StompClients(2, desks);
             DashboardReloads reloads = new DashboardReloads(api, supervisorSessions, reloadEvery);
             CustomerLoad load = new CustomerLoad(1, server::cpuNanos)) {
            List<StompClients.Login> logins = new ArrayList<>();
            agentSessions.forEach(s -> logins.add(new StompClients.Login(s.token(), AGENT_DESTINATIONS)));
            supervisorSessions.forEach(s -> logins.add(new StompClients.Login(s.token(), SUPERVISOR_DESTINATIONS)));
            GatewayBench.log("huiying: connecting their STOMP clients; agents go online");
            clients.connect("127.0.0.1", server.httpPort(), "/ws/agent", logins, 100, false);
            api.goOnline(agentSessions, 8);
            if (reloadEvery.toMillis() >= 0) {
                desks.reloads = reloads;
            }
            GatewayBench.log("huiying: opening " + customers + " chat sessions");
            List<String> tokens = ChatSessions.open(server.httpPort(), customers, 16);
            load.connect("127.0.0.1", server.gatewayPort(), tokens, 200);
            // until the last ticket's first response is overdue, so every board frame is sent under load
            Duration loadFor = Duration.ofSeconds(customers / rate + slaSeconds + 3);
            GatewayBench.log("huiying: customers send " + rate + " msg/s for " + loadFor.toSeconds() + " s (the first "
                    + customers + " open tickets); first-response SLA " + slaSeconds + " s");
            Instant loadStart = Instant.now();
            desks.board.startTimeline(loadStart, (int) loadFor.toSeconds() + 1);
            desks.assignments.startTimeline(loadStart, (int) loadFor.toSeconds() + 1);
            CustomerLoad.Phase phase = load.fixedRate(rate, Duration.ZERO, loadFor);
            long expected = boardCount * supervisors;
            awaitFrames(desks, expected, Duration.ofSeconds(30));
            desks.reloads = null;
            Histogram board = desks.board.take();
            Histogram assignments = desks.assignments.take();
            log("huiying", board, desks.boardFrames.sum(), expected);
            GatewayBench.log("huiying: slowest board frame (ms) per second of load, by dueAt: " + desks.board.timeline());
            GatewayBench.log("huiying: slowest assignment push (ms) per second of load, by openedAt: " + desks.assignments.timeline());
            GatewayBench.log("huiying: " + assignments.getTotalCount() + " assignments pushed, p50 " + EventLatency.ms(assignments, 50)
                    + " ms, p99 " + EventLatency.ms(assignments, 99) + " ms; " + desks.messagePushes.sum() + " messages pushed; "
                    + reloads.reloads() + " dashboard reloads (" + reloads.failures() + " failed requests); STOMP errors "
                    + clients.errors() + "; customer ack p99 " + GatewayBench.round3(phase.percentileMs(99)) + " ms");
            return new Measured(board, desks.boardFrames.sum(), expected, assignments, desks.messagePushes.sum(),
                    desks.escalations.sum(), clients.errors() + phase.errors() + reloads.failures(), reloads.reloads(), phase);
        }
    }

    /**
     * The first admin is created by a runner that may finish after the ports are announced; a login
     * before that would fail and count towards the login throttle, so wait for the server to say so.
     */
    private static void awaitInitialAdmin(ChildJvm server) throws Exception {
        java.nio.file.Path log = server.dataDir().resolve("output.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // bytes, not readString: the child may be halfway through writing a multi-byte character
        while (!new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
                .contains("Created the first admin account")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Huiying did not create its first admin within 120 s; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Until the supervisors got {@code expected} board frames in all, or {@code atMost} passed. */
    private static void awaitFrames(Desks desks, long expected, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (desks.boardFrames.sum() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static void log(String name, Histogram board, long frames, long expected) {
        GatewayBench.log(name + ": " + frames + " of " + expected + " board frames; p50 " + EventLatency.ms(board, 50) + " ms, p99 "
                + EventLatency.ms(board, 99) + " ms, max " + EventLatency.maxMs(board) + " ms");
    }
}
