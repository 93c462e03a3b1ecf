package org.huiying.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tickets}: how many tickets a second Huiying routes on PostgreSQL. Customers' first chat
 * messages open tickets; the dispatcher hands them to agents connected over STOMP, who resolve
 * them to free their seats. Routed tickets and their open→assign latency are read from the
 * database afterwards (each ticket's first assignment), so nothing the bench misses can flatter
 * the figure. The same-run baseline ({@link TicketBaseline}) does the bare SQL of opening and
 * claiming a ticket on the same database after the server has stopped.
 */
final class TicketBench {

    private static final String ADMIN_PASSWORD = "bench-admin-password-0123";

    private final Options options;
    private final int agents;
    private final int capacity;
    private final boolean resolve;
    private final int warmupCustomers;
    private final int customers;
    private final int writers;
    /** The baseline's own concurrency: plain JDBC threads contend on row locks, so more is not always faster. */
    private final int baselineWriters;
    private final Duration baselineWarmup;
    private final Duration baselineMeasure;

    TicketBench(Options options) {
        this.options = options;
        agents = options.integer("agents", 20, 40);
        capacity = options.integer("capacity", 50, 50);
        resolve = !options.string("resolve", "true").equals("false");
        warmupCustomers = options.integer("warmup-customers", 1_500, 4_000);
        // 18,000: each side holds a descriptor per connection, and this sandbox allows 20,000 per process
        customers = options.integer("customers", 6_000, 18_000);
        writers = options.integer("writers", 32, 32);
        baselineWriters = options.integer("baseline-writers", writers, writers);
        baselineWarmup = options.seconds("baseline-warmup", 3, 5);
        baselineMeasure = options.seconds("baseline-seconds", 10, 20);
    }

    /** Routed tickets of the measured customers, from the database. */
    record Routed(long opened, long routed, double seconds, Histogram openToAssignNanos) {
        double perSecond() {
            return routed / seconds;
        }

        double ms(double percentile) {
            return openToAssignNanos.getTotalCount() == 0 ? Double.NaN : openToAssignNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    ObjectNode run() throws Exception {
        Instant started = Instant.now();
        try (BenchDatabase db = BenchDatabase.create(options.string("pg-server", "jdbc:postgresql://127.0.0.1:5432/"),
                options.string("pg-maintenance-db", "test"), options.string("pg-user", "postgres"))) {
            GatewayBench.log("database " + db.url());
            Routed huiying;
            CustomerLoad.Phase acks;
            long pushes;
            long resolved;
            long agentErrors;
            Histogram pushLatency;
            long cpuNanos;
            try (ChildJvm server = ChildJvm.start("huiying", jvmArgs(), serverArgs(db), Duration.ofSeconds(180));
                 AgentDesks desks = new AgentDesks(server.httpPort(), resolve)) {
                desks.open(ADMIN_PASSWORD, agents, capacity);
                if (!resolve) {
                    unlimitedSeats(db);
                }
                GatewayBench.log(agents + " agents online (capacity " + capacity + (resolve ? ", resolving" : ", not resolving")
                        + "); warming up with " + warmupCustomers + " customers");
                try (CustomerLoad load = connected(server, warmupCustomers)) {
                    load.firstMessages(writers);
                }
                awaitAllRouted(db, Duration.ofSeconds(120));
                analyze(db);
                desks.pushLatencies();
                try (CustomerLoad load = connected(server, customers)) {
                    GatewayBench.log("measuring: " + customers + " customers, " + writers + " first messages in flight");
                    long cpuBefore = server.cpuNanos();
                    Instant from = Instant.now();
                    acks = load.firstMessages(writers);
                    awaitAllRouted(db, Duration.ofSeconds(300));
                    cpuNanos = server.cpuNanos() - cpuBefore;
                    huiying = routedSince(db, from);
                }
                pushes = desks.pushes();
                resolved = desks.resolved();
                agentErrors = desks.errors();
                pushLatency = desks.pushLatencies();
                GatewayBench.log("huiying: " + GatewayBench.round(huiying.perSecond()) + " routed tickets/s, open→assign p50 "
                        + GatewayBench.round3(huiying.ms(50)) + " ms, p99 " + GatewayBench.round3(huiying.ms(99)) + " ms; "
                        + GatewayBench.round(acks.perSecond()) + " opened/s");
            }
            GatewayBench.log("baseline: plain JDBC, " + baselineWriters + " writers, " + agents + " agents");
            TicketBaseline.Measured baseline = new TicketBaseline(db, baselineWriters, agents).run(baselineWarmup, baselineMeasure);
            GatewayBench.log("baseline: " + GatewayBench.round(baseline.perSecond()) + " routed tickets/s, p99 "
                    + GatewayBench.round3(baseline.ms(99)) + " ms");
            return JsonMapper.shared().createObjectNode()
                    .put("mode", "tickets")
                    .put("quick", options.flag("quick"))
                    .put("agents", agents)
                    .put("capacity", capacity)
                    .put("resolve", resolve)
                    .put("customers", customers)
                    .put("writers", writers)
                    .put("baselineWriters", baselineWriters)
                    .put("routedPerSec", GatewayBench.round(huiying.perSecond()))
                    .put("baselineRoutedPerSec", GatewayBench.round(baseline.perSecond()))
                    .put("ratioVsBaseline", GatewayBench.round3(huiying.perSecond() / baseline.perSecond()))
                    .put("openedPerSec", GatewayBench.round(acks.perSecond()))
                    .put("p50AssignMs", GatewayBench.round3(huiying.ms(50)))
                    .put("p99AssignMs", GatewayBench.round3(huiying.ms(99)))
                    .put("baselineP50Ms", GatewayBench.round3(baseline.ms(50)))
                    .put("baselineP99Ms", GatewayBench.round3(baseline.ms(99)))
                    .put("p99PushMs", pushLatency.getTotalCount() == 0 ? Double.NaN
                            : GatewayBench.round3(pushLatency.getValueAtPercentile(99) / 1e6))
                    .put("p99AckMs", GatewayBench.round3(acks.percentileMs(99)))
                    .put("cpuUsPerTicket", GatewayBench.round(cpuNanos / 1e3 / Math.max(1, huiying.routed())))
                    .put("routed", huiying.routed())
                    .put("unrouted", huiying.opened() - huiying.routed())
                    .put("pushes", pushes)
                    .put("resolved", resolved)
                    .put("errors", acks.errors() + agentErrors + baseline.errors() + (customers - huiying.opened()))
                    .put("loadAverage", GatewayBench.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("seconds", Duration.between(started, Instant.now()).toSeconds());
        }
    }

    private List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC"));
        String extra = options.string("server-jvm", "");
        if (!extra.isBlank()) {
            Collections.addAll(args, extra.trim().split("\\s+"));
        }
        String jfr = options.string("jfr", "");
        if (!jfr.isEmpty()) {
            args.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        args.addAll(List.of("-jar", options.serverJar().toString()));
        return args;
    }

    private List<String> serverArgs(BenchDatabase db) {
        // every simulated customer comes from this one address: lift the gateway's per-address limits, as the gateway bench does
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--huiying.security.jwt-secret=" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID(), "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--huiying.admin.initial-password=" + ADMIN_PASSWORD,
                "--server.port=0", "--huiying.gateway.port=0", "--logging.level.root=WARN",
                "--huiying.gateway.max-connections-per-address=0", "--huiying.gateway.address-messages-per-second=0",
                "--huiying.gateway.messages-per-second=0", "--huiying.gateway.max-connections=0", "--huiying.chat.sessions-per-minute=0"));
        String extra = options.string("server-args", "");
        if (!extra.isBlank()) {
            Collections.addAll(args, extra.trim().split("\\s+"));
        }
        return args;
    }

    /** {@code count} new customers with chat sessions, connected and silent yet. */
    private static CustomerLoad connected(ChildJvm server, int count) throws Exception {
        List<String> tokens = ChatSessions.open(server.httpPort(), count, 16);
        CustomerLoad load = new CustomerLoad(2, server::cpuNanos);
        load.connect("127.0.0.1", server.gatewayPort(), tokens, 500);
        return load;
    }

    /** Without resolving, seats would run out: lift every agent's limit in the database (the API caps it at 50). */
    private static void unlimitedSeats(BenchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().executeUpdate("UPDATE staff SET max_concurrent = 1000000000 WHERE username LIKE 'bench-agent-%'");
        }
    }

    /**
     * Table statistics, as autovacuum gathers them on any database in use for more than a minute: the
     * database is minutes old here, and without statistics PostgreSQL's planner takes every table for
     * empty and may walk the wrong index (the repeated-problem watch read every technical ticket of the
     * window through {@code ticket_category} instead of the few candidates of {@code ticket_repeat_candidates}).
     */
    private static void analyze(BenchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("ANALYZE");
        }
    }

    private static void awaitAllRouted(BenchDatabase db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = db.connect();
             PreparedStatement open = c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE status = 'OPEN'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = open.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        GatewayBench.log("some tickets were still waiting after " + timeout.toSeconds() + " s");
    }

    /** Tickets opened since {@code from} and when each was first assigned; the rate runs from {@code from} to the last assignment. */
    private static Routed routedSince(BenchDatabase db, Instant from) throws Exception {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        long opened = 0;
        long routed = 0;
        Instant last = from;
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("""
                SELECT t.opened_at, MIN(p.assigned_at) AS first_assigned FROM ticket t
                LEFT JOIN ticket_participant p ON p.ticket_id = t.id
                WHERE t.opened_at >= ? GROUP BY t.id, t.opened_at""")) {
            q.setObject(1, OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    opened++;
                    OffsetDateTime assigned = rs.getObject(2, OffsetDateTime.class);
                    if (assigned == null) {
                        continue;
                    }
                    routed++;
                    Instant at = assigned.toInstant();
                    last = at.isAfter(last) ? at : last;
                    latency.recordValue(Math.max(0, Duration.between(rs.getObject(1, OffsetDateTime.class).toInstant(), at).toNanos()));
                }
            }
        }
        return new Routed(opened, routed, Math.max(1e-3, Duration.between(from, last).toNanos() / 1e9), latency);
    }
}
