package org.huiying.server.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.RunningServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How long each report takes over 1,000,000 tickets on PostgreSQL (goal: ≤ 2 s), through the real server's
 * HTTP API. Generates 400 days of tickets ending today (types, first responses and resolutions in and out
 * of target, pauses, follow-ups, repeat visits, vehicles with model, region and dealer), their SLA
 * history, surveys, callbacks and technicians' fault codes, in a schema of its own; then times each
 * report (one warm-up, then {@value #RUNS} runs: min, median, max).
 *
 * <p>Arguments: {@code [tickets (default 1000000)] [--reuse <schema>] [--keep]}: {@code --reuse} times an
 * existing schema again without generating; {@code --keep} leaves the schema for a later {@code --reuse}.
 */
public final class ReportsBenchmark {

    static final int RUNS = 5;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int n = 1_000_000;
        String schema = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reuse" -> schema = args[++i];
                case "--keep" -> keep = true;
                default -> n = Integer.parseInt(args[i]);
            }
        }
        boolean generate = schema == null;
        if (generate) {
            schema = "bench_reports_" + System.currentTimeMillis();
        }
        DataSource ds = new DriverManagerDataSource(Postgres.URL + "?currentSchema=" + schema, Postgres.USER, "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        LocalDate today = LocalDate.now(ZONE);
        Instant end = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        try {
            if (generate) {
                Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).load().migrate();
                long t0 = System.nanoTime();
                new BenchData(jdbc, n, end).generate();
                System.out.printf("generated %,d tickets in %d s (schema %s)%n", n, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), schema);
            }
            System.out.printf("tables: %,d tickets, %,d SLA events, %,d surveys, %,d callbacks, %,d technicians' questions, %,d vehicles%n",
                    count(jdbc, "ticket"), count(jdbc, "sla_event"), count(jdbc, "survey"), count(jdbc, "callback_task"),
                    count(jdbc, "tech_question"), count(jdbc, "vehicle"));
            timeReports(schema, jdbc, today);
        } finally {
            if (!keep) {
                jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
            } else {
                System.out.println("kept schema " + schema + " (--reuse " + schema + ")");
            }
        }
        System.exit(0); // the STOMP broker's heartbeat thread outlives the closed server
    }

    private static void timeReports(String schema, JdbcTemplate jdbc, LocalDate today) throws Exception {
        Path dataDir = Files.createTempDirectory("huiying-reports-bench");
        List<String> serverArgs = new ArrayList<>(List.of(Postgres.serverArgs(schema)));
        serverArgs.add("--huiying.reports.check-every=PT24H"); // no background checks while timing
        serverArgs.add("--huiying.kb.load-samples=false");
        try (RunningServer server = new RunningServer(dataDir, serverArgs.toArray(String[]::new)).start()) {
            String admin = server.api().adminToken();
            String api = "http://127.0.0.1:" + server.httpPort();
            String month = YearMonth.from(today).minusMonths(1).toString();
            String last30 = "from=" + today.minusDays(29) + "&to=" + today;
            String days400 = "from=" + today.minusDays(399) + "&to=" + today;
            once("SLA, 400 days by month, first request (no day kept yet)", () -> get(api, admin, "/api/reports/sla?" + days400 + "&groupBy=month"));
            System.out.printf("days kept by that first request: %,d%n", jdbc.queryForObject(
                    "SELECT COUNT(*) FROM report_day WHERE ticket_type = '*'", Long.class));
            time("SLA, last 30 days by day (the dashboard)", () -> get(api, admin, "/api/reports/sla?" + last30 + "&groupBy=day"));
            time("SLA, last 30 days by day, complaints only", () -> get(api, admin, "/api/reports/sla?" + last30 + "&groupBy=day&type=COMPLAINT"));
            time("SLA, 400 days by month", () -> get(api, admin, "/api/reports/sla?" + days400 + "&groupBy=month"));
            time("SLA, 400 days by day", () -> get(api, admin, "/api/reports/sla?" + days400 + "&groupBy=day"));
            time("service, last 30 days by day (the dashboard)", () -> get(api, admin, "/api/reports/service?" + last30 + "&groupBy=day"));
            time("service, 400 days by month", () -> get(api, admin, "/api/reports/service?" + days400 + "&groupBy=month"));
            time("problems, last month", () -> get(api, admin, "/api/reports/problems?month=" + month));
            time("monthly report, last month, generated (not yet kept)", () -> {
                jdbc.update("DELETE FROM report_monthly WHERE report_month = ?", month);
                return get(api, admin, "/api/reports/monthly?month=" + month);
            });
            time("monthly report, last month, as kept (JSON)", () -> get(api, admin, "/api/reports/monthly?month=" + month));
            time("monthly report, last month, as kept (CSV)", () -> get(api, admin, "/api/reports/monthly?month=" + month + "&format=csv"));
            time("monthly report, last month, as kept (XLSX)", () -> get(api, admin, "/api/reports/monthly?month=" + month + "&format=xlsx"));
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** The whole answer read; its size, so a failure is never timed as a fast answer. */
    private static String get(String base, String token, String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return String.format("%,d bytes", r.body().length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void once(String what, Supplier<String> call) {
        long t0 = System.nanoTime();
        String size = call.get();
        System.out.printf("%-58s once   %,6d ms   (%s)%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), size);
    }

    private static void time(String what, Supplier<String> call) {
        call.get();
        List<Long> ms = new ArrayList<>();
        String size = "";
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            size = call.get();
            ms.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        Collections.sort(ms);
        System.out.printf("%-58s min %,6d ms   median %,6d ms   max %,6d ms   (%s)%n", what, ms.get(0), ms.get(RUNS / 2), ms.get(RUNS - 1), size);
    }
}
