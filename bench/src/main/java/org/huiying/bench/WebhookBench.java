package org.huiying.bench;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code webhooks}: Twilio's inbound-SMS webhook ({@code POST /twilio/sms}, form-encoded, signed
 * with {@code X-Twilio-Signature}) at a fixed rate, against Huiying (which checks the signature,
 * stores the text and opens or joins a ticket before answering) and, as the same-run baseline,
 * the bare Netty server answering {@code <Response/>} without reading anything.
 */
final class WebhookBench {

    private static final String TOKEN = "bench-auth-token-0123456789abcdef";
    private static final String PUBLIC_BASE = "https://hotline.example.com";
    private static final String[] TEXTS = {"你好，我的车充不进电了", "请问周六可以预约保养吗", "空调不制冷", "刹车有异响"};

    private final Options options;
    private final int rate;
    private final Duration warmup;
    private final Duration measure;
    private final int numbers;

    WebhookBench(Options options) {
        this.options = options;
        rate = options.integer("rate", 200, 200);
        warmup = options.seconds("warmup", 5, 10);
        measure = options.seconds("measure", 15, 30);
        numbers = options.integer("numbers", 500, 2_000);
    }

    record Measured(long answered, long failed, Histogram latencyNanos, double seconds) {
        double ms(double percentile) {
            return latencyNanos.getTotalCount() == 0 ? Double.NaN : latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    ObjectNode run() throws Exception {
        Instant started = Instant.now();
        List<String> jvm = List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC");
        Measured bare;
        List<String> echoArgs = new ArrayList<>(jvm);
        echoArgs.addAll(List.of("-cp", Options.benchJar().toString()));
        try (ChildJvm server = ChildJvm.start("echo", echoArgs, List.of(EchoServer.class.getName()), Duration.ofSeconds(60))) {
            bare = drive("bare", server.httpPort());
        }
        Measured huiying;
        List<String> huiyingArgs = new ArrayList<>(jvm);
        String jfr = options.string("jfr", "");
        if (!jfr.isEmpty()) {
            huiyingArgs.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        huiyingArgs.addAll(List.of("-jar", options.serverJar().toString()));
        try (ChildJvm server = ChildJvm.start("huiying", huiyingArgs, List.of("--server.port=0", "--huiying.gateway.port=0",
                "--logging.level.root=WARN", "--huiying.twilio.auth-token=" + TOKEN, "--huiying.public-base-url=" + PUBLIC_BASE),
                Duration.ofSeconds(180))) {
            huiying = drive("huiying", server.httpPort());
        }
        return JsonMapper.shared().createObjectNode()
                .put("mode", "webhooks")
                .put("quick", options.flag("quick"))
                .put("rate", rate)
                .put("requestsPerSec", GatewayBench.round(huiying.answered() / huiying.seconds()))
                .put("p50Ms", GatewayBench.round3(huiying.ms(50)))
                .put("p99Ms", GatewayBench.round3(huiying.ms(99)))
                .put("maxMs", GatewayBench.round3(huiying.latencyNanos().getMaxValue() / 1e6))
                .put("failed", huiying.failed())
                .put("bareP50Ms", GatewayBench.round3(bare.ms(50)))
                .put("bareP99Ms", GatewayBench.round3(bare.ms(99)))
                .put("bareFailed", bare.failed())
                .put("phoneNumbers", numbers)
                .put("loadAverage", GatewayBench.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()))
                .put("seconds", Duration.between(started, Instant.now()).toSeconds());
    }

    /** {@code rate} signed webhooks a second from {@code numbers} phones; latency from the intended send time. */
    private Measured drive(String name, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(2), 3);
        AtomicLong failed = new AtomicLong();
        // the slowest answer per second of intended send time, warm-up included: shows whether a tail is a start-up backlog
        int seconds = (int) (warmup.toSeconds() + measure.toSeconds()) + 1;
        AtomicLongArray slowestPerSecond = new AtomicLongArray(seconds);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long sent = 0;
        GatewayBench.log(name + ": " + rate + " signed webhooks/s for " + (warmup.toSeconds() + measure.toSeconds()) + " s");
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            for (; sent < due; sent++) {
                long intended = start + (long) (sent / (double) rate * 1e9);
                HttpRequest request = signedSms(port, sent);
                boolean counted = intended >= measureFrom;
                int second = (int) Math.min(seconds - 1, (intended - start) / 1_000_000_000L);
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    slowestPerSecond.accumulateAndGet(second, System.nanoTime() - intended, Math::max);
                    if (!counted) {
                        return;
                    }
                    if (e != null || r.statusCode() != 200) {
                        failed.incrementAndGet();
                    } else {
                        recorder.recordValue(Math.max(0, System.nanoTime() - intended));
                    }
                }));
            }
            Thread.sleep(1);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < seconds - 1; i++) {
            timeline.append(i == 0 ? "" : " ").append(slowestPerSecond.get(i) / 1_000_000);
        }
        GatewayBench.log(name + ": slowest answer (ms) per second sent: " + timeline);
        Histogram h = recorder.getIntervalHistogram();
        Measured m = new Measured(h.getTotalCount(), failed.get(), h, measure.toNanos() / 1e9);
        GatewayBench.log(name + ": p50 " + GatewayBench.round3(m.ms(50)) + " ms, p99 " + GatewayBench.round3(m.ms(99))
                + " ms, failed " + m.failed());
        return m;
    }

    private HttpRequest signedSms(int port, long n) {
        Map<String, String> params = new TreeMap<>(Map.of(
                "MessageSid", String.format("SM%032x", n + 1),
                "AccountSid", "AC" + "0".repeat(32),
                "From", "+86138" + String.format("%08d", n % numbers),
                "To", "+8610955550000",
                "Body", TEXTS[(int) (n % TEXTS.length)],
                "NumMedia", "0"));
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/twilio/sms"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, PUBLIC_BASE + "/twilio/sms", params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
