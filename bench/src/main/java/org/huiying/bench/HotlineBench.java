package org.huiying.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hotline}: callers waiting for a person and agents taking them, as Twilio and the console drive
 * it. {@code --callers} (200) callers dial in at once and press 2 (signed webhooks); {@code --agents}
 * (50) agents, online with a STOMP desk on {@code /user/queue/calls}, each take the caller offered to
 * them ({@code POST /api/calls/{sid}/answer}, the bridge going to a local stand-in of Twilio's Calls
 * API), hang up (status callback) and write the wrap-up, then wait for the next, until every caller was
 * answered; an agent clicks {@code --ring-ms} (300) after the offer rings and talks {@code --talk-ms} (1,000)
 * before the caller hangs up (0 and 0: back-to-back churn, the machine saturated). Measured: offer latency (from the moment a caller could be offered — they were queued (the
 * menu's answer came back with {@code <Enqueue>}), or an agent became free after a wrap-up, whichever came
 * later — to the offer on the agent's desk; an offer that beat the Enqueue answer counts 0) and answer
 * latency (the answer request), after a warm-up round of {@code --warmup-callers} (100) taken the same way;
 * the same-run baseline is the same agents' plain authenticated request
 * ({@code GET /api/staff/me}) made right after each answer.
 */
final class HotlineBench {

    private static final String TOKEN = "bench-auth-token-0123456789abcdef";
    private static final String ACCOUNT = "AC" + "0".repeat(32);
    private static final String HOTLINE = "+8610955550000";
    private static final String PUBLIC_BASE = "https://hotline.example.com";
    private static final String PASSWORD = "bench-Passw0rd-2026";
    private static final Pattern GATHER_ACTION = Pattern.compile("<Gather[^>]*action=\"([^\"]+)\"");
    private static final Pattern CALL_SID = Pattern.compile("\"callSid\":\"(CA[0-9a-f]+)\"");

    private final Options options;
    private final int callers;
    private final int agents;
    private final int warmupCallers;
    private final long ringMs;
    private final long talkMs;

    HotlineBench(Options options) {
        this.options = options;
        ringMs = options.integer("ring-ms", 300, 300);
        talkMs = options.integer("talk-ms", 1_000, 1_000);
        warmupCallers = options.integer("warmup-callers", 100, 100);
        callers = options.integer("callers", 200, 200);
        agents = options.integer("agents", 50, 50);
    }

    ObjectNode run() throws Exception {
        Instant started = Instant.now();
        HttpServer twilio = callsApiStandIn();
        List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC"));
        String jfr = options.string("jfr", "");
        if (!jfr.isEmpty()) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        jvm.addAll(List.of("-jar", options.serverJar().toString()));
        List<String> args = List.of("--server.port=0", "--huiying.gateway.port=0", "--logging.level.root=WARN",
                "--huiying.admin.initial-password=" + PASSWORD, "--huiying.twilio.account-sid=" + ACCOUNT,
                "--huiying.twilio.auth-token=" + TOKEN, "--huiying.twilio.from=" + HOTLINE,
                "--huiying.twilio.api-base-url=http://127.0.0.1:" + twilio.getAddress().getPort(),
                "--huiying.public-base-url=" + PUBLIC_BASE, "--huiying.voice.max-wait=PT30M", "--huiying.voice.offer-timeout=PT60S",
                "--huiying.survey.quiet-hours=");
        Result result;
        try (ChildJvm server = ChildJvm.start("huiying", jvm, args, Duration.ofSeconds(180))) {
            result = drive(server.httpPort());
        } finally {
            twilio.stop(0);
        }
        return JsonMapper.shared().createObjectNode()
                .put("mode", "hotline")
                .put("callers", callers)
                .put("agents", agents)
                .put("answered", result.answered())
                .put("offerP50Ms", ms(result.offers(), 50))
                .put("offerP99Ms", ms(result.offers(), 99))
                .put("offerMaxMs", GatewayBench.round3(result.offers().getMaxValue() / 1e6))
                .put("answerP50Ms", ms(result.answers(), 50))
                .put("answerP99Ms", ms(result.answers(), 99))
                .put("answerMaxMs", GatewayBench.round3(result.answers().getMaxValue() / 1e6))
                .put("baselineP50Ms", ms(result.baseline(), 50))
                .put("baselineP99Ms", ms(result.baseline(), 99))
                .put("failed", result.failed())
                .put("loadAverage", GatewayBench.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()))
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("seconds", Duration.between(started, Instant.now()).toSeconds());
    }

    record Result(long answered, long failed, Histogram offers, Histogram answers, Histogram baseline) {
    }

    private Result drive(int port) throws Exception {
        StaffAccounts api = new StaffAccounts(port);
        StaffAccounts.Session admin = api.login("admin", PASSWORD);
        List<StaffAccounts.Session> staff = api.createAndLogIn(admin, "phone", agents, "AGENT", PASSWORD, 4);
        Map<Integer, BlockingQueue<String>> offers = new ConcurrentHashMap<>();
        for (int i = 0; i < agents; i++) {
            offers.put(i, new LinkedBlockingQueue<>());
        }
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        StompClients.Listener listener = (client, destination, body) -> {
            if (body.contains("\"type\":\"offer\"")) {
                Matcher sid = CALL_SID.matcher(body);
                if (sid.find()) {
                    arrivedAt.put(sid.group(1), System.nanoTime());
                    offers.get(client).add(sid.group(1));
                }
            }
        };
        Histogram offerNanos = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram answerNanos = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        Histogram baselineNanos = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (StompClients desks = new StompClients(2, listener)) {
            List<StompClients.Login> logins = staff.stream()
                    .map(s -> new StompClients.Login(s.token(), List.of("/user/queue/calls"))).toList();
            desks.connect("127.0.0.1", port, "/ws/agent", logins, 8, false);
            Thread.sleep(1_000); // the simple broker sends no receipt: let the subscriptions land
            api.goOnline(staff, 8);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // a first round warms the server up (JIT, pools, caches); only the second is measured
            Histogram ignored = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
            GatewayBench.log("hotline: warm-up, " + warmupCallers + " callers");
            round(api, staff, offers, arrivedAt, http, port, 0, warmupCallers, ignored, ignored, ignored, new AtomicLong(), new AtomicLong());
            GatewayBench.log("hotline: " + agents + " agents online, " + callers + " callers dialling in at once");
            round(api, staff, offers, arrivedAt, http, port, warmupCallers, callers, offerNanos, answerNanos, baselineNanos, answered, failed);
        }
        GatewayBench.log("hotline: offers p99 " + GatewayBench.round3(offerNanos.getValueAtPercentile(99) / 1e6) + " ms, answers p99 "
                + GatewayBench.round3(answerNanos.getValueAtPercentile(99) / 1e6) + " ms (baseline p99 "
                + GatewayBench.round3(baselineNanos.getValueAtPercentile(99) / 1e6) + " ms)");
        return new Result(answered.get(), failed.get(), offerNanos, answerNanos, baselineNanos);
    }

    /** {@code count} callers dial in at once; the agents take them one after another until all were answered. */
    private void round(StaffAccounts api, List<StaffAccounts.Session> staff, Map<Integer, BlockingQueue<String>> offers,
                       Map<String, Long> arrivedAt, HttpClient http, int port, int first, int count, Histogram offerNanos,
                       Histogram answerNanos, Histogram baselineNanos, AtomicLong answered, AtomicLong failed) throws Exception {
        Map<String, Long> queuedAt = new ConcurrentHashMap<>();
        Map<Integer, Long> freeSince = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(count);
        ExecutorService agentLoops = Executors.newFixedThreadPool(agents);
        try {
            for (int i = 0; i < agents; i++) {
                int agent = i;
                agentLoops.execute(() -> {
                    try {
                        while (done.getCount() > 0) {
                            String sid = offers.get(agent).poll(200, TimeUnit.MILLISECONDS);
                            if (sid == null) {
                                continue;
                            }
                            long ready = Math.max(queuedAt.getOrDefault(sid, 0L), freeSince.getOrDefault(agent, 0L));
                            Thread.sleep(ringMs); // the agent hears the ring and clicks 接听
                            long sent = System.nanoTime();
                            api.send(staff.get(agent), "POST", "/api/calls/" + sid + "/answer", "{}", 200).join();
                            long answeredIn = System.nanoTime() - sent;
                            long floorSent = System.nanoTime();
                            api.send(staff.get(agent), "GET", "/api/staff/me", null, 200).join();
                            long floor = System.nanoTime() - floorSent;
                            synchronized (offerNanos) {
                                offerNanos.recordValue(Math.max(0, arrivedAt.get(sid) - ready));
                                answerNanos.recordValue(answeredIn);
                                baselineNanos.recordValue(floor);
                            }
                            Thread.sleep(talkMs); // the conversation
                            hangUp(http, port, sid);
                            api.send(staff.get(agent), "POST", "/api/calls/" + sid + "/wrap-up",
                                    "{\"outcome\":\"压测通话\",\"resolved\":false}", 204).join();
                            freeSince.put(agent, System.nanoTime());
                            answered.incrementAndGet();
                            done.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        GatewayBench.log("hotline: agent " + agent + " stopped: " + e);
                    }
                });
            }
            ExecutorService dialling = Executors.newFixedThreadPool(16);
            for (int n = first; n < first + count; n++) {
                int caller = n;
                dialling.execute(() -> dialIn(http, port, caller, queuedAt, failed));
            }
            dialling.shutdown();
            dialling.awaitTermination(5, TimeUnit.MINUTES);
            if (!done.await(10, TimeUnit.MINUTES)) {
                GatewayBench.log("hotline: " + done.getCount() + " callers never answered");
            }
        } finally {
            agentLoops.shutdownNow();
            agentLoops.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** The caller's first webhook, then key 2 on the menu: once that answer comes back (Enqueue) they wait. */
    private void dialIn(HttpClient http, int port, int n, Map<String, Long> queuedAt, AtomicLong failed) {
        String sid = String.format("CA%032x", 0xbe7c000L + n);
        String phone = "+86137" + String.format("%08d", n);
        try {
            String menu = post(http, port, PUBLIC_BASE + "/twilio/voice", call(sid, phone, Map.of("CallStatus", "ringing")));
            Matcher action = GATHER_ACTION.matcher(menu);
            if (!action.find()) {
                throw new IllegalStateException("no menu: " + menu);
            }
            String queued = post(http, port, action.group(1).replace("&amp;", "&"), call(sid, phone, Map.of("Digits", "2")));
            // Twilio puts the caller in the queue once it has this answer: from then on they wait for a person
            queuedAt.put(sid, System.nanoTime());
            if (!queued.contains("<Enqueue")) {
                throw new IllegalStateException("not queued: " + queued);
            }
        } catch (Exception e) {
            failed.incrementAndGet();
            GatewayBench.log("hotline: caller " + n + " failed: " + e.getMessage());
        }
    }

    private void hangUp(HttpClient http, int port, String sid) throws Exception {
        post(http, port, PUBLIC_BASE + "/twilio/voice/status", call(sid, "+8613700000000", Map.of("CallStatus", "completed")));
    }

    private static Map<String, String> call(String sid, String phone, Map<String, String> extra) {
        Map<String, String> params = new TreeMap<>(Map.of("CallSid", sid, "AccountSid", ACCOUNT, "From", phone, "To", HOTLINE,
                "CallStatus", "in-progress", "Direction", "inbound", "ApiVersion", "2010-04-01"));
        params.putAll(extra);
        return params;
    }

    /** Posts a webhook signed for its public URL to the server's local port; the answer's body. */
    private static String post(HttpClient http, int port, String publicUrl, Map<String, String> params) throws Exception {
        URI local = URI.create("http://127.0.0.1:" + port + publicUrl.substring(PUBLIC_BASE.length()));
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, publicUrl, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(publicUrl + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }


    /** Twilio's Calls API as far as a live call's update goes: accepted, answered as Twilio answers it. */
    private static HttpServer callsApiStandIn() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String sid = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
                byte[] json = ("{\"account_sid\":\"" + ACCOUNT + "\",\"sid\":\"" + sid + "\",\"status\":\"in-progress\","
                        + "\"direction\":\"inbound\",\"api_version\":\"2010-04-01\",\"uri\":\"" + path + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
        });
        server.start();
        return server;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : GatewayBench.round3(h.getValueAtPercentile(percentile) / 1e6);
    }
}
