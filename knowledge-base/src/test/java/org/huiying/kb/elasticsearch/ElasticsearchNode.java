package org.huiying.kb.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Elasticsearch 8.19 node for tests: the integ-test zip from Maven Central (copied into
 * {@code target/elasticsearch} by the build), unpacked into a temporary directory and started as a
 * child process on free ports, single-node, security off, a 512 MB heap. Started once per test JVM
 * and stopped when the JVM exits.
 *
 * <p>Elasticsearch refuses to run as root. When the build runs as root (CI does), the node runs as
 * the system user {@value #USER}, created here with {@code useradd} if missing, via {@code setpriv}.
 * {@code HUIYING_TEST_ES_URL} points the tests at a node that is already running instead.
 */
public final class ElasticsearchNode {

    static final String USER = "huiying-es";
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static ElasticsearchNode shared;

    private final String url;
    private final String unavailable;

    private ElasticsearchNode(String url, String unavailable) {
        this.url = url;
        this.unavailable = unavailable;
    }

    /** The node of this JVM, started on first use. */
    /**
     * The shared node's URL for a test class that needs it: on CI a node that cannot start fails the
     * class; elsewhere (no JDK-compatible node, no way to run it as a non-root user) the class is skipped
     * with the reason, as README's "Test it" says.
     */
    public static String urlOrSkip() {
        ElasticsearchNode node = shared();
        if (!node.available()) {
            String reason = "Elasticsearch node could not start: " + node.unavailableReason();
            if (System.getenv("CI") != null) {
                org.junit.jupiter.api.Assertions.fail("CI: " + reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason + " — Elasticsearch tests skipped (they are required on CI).");
        }
        return node.url();
    }

    public static synchronized ElasticsearchNode shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public boolean available() {
        return url != null;
    }

    /** Why there is no node (for the skip or failure message). */
    public String unavailableReason() {
        return unavailable;
    }

    public String url() {
        return url;
    }

    private static ElasticsearchNode start() {
        String external = System.getenv("HUIYING_TEST_ES_URL");
        if (external != null && !external.isBlank()) {
            return new ElasticsearchNode(external, null);
        }
        try {
            return launch();
        } catch (Exception e) {
            return new ElasticsearchNode(null, e.getMessage());
        }
    }

    private static ElasticsearchNode launch() throws IOException, InterruptedException {
        Path zip = Path.of(System.getProperty("huiying.test.es-zip", "target/elasticsearch/elasticsearch.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no Elasticsearch distribution at " + zip + " (run the tests through Maven)");
        }
        Path work = Files.createTempDirectory("huiying-es-");
        Path home = unzip(zip, work);
        Files.createDirectories(work.resolve("data"));
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("tmp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            ensureUser();
            run("chown", "-R", USER + ":" + USER, work.toString());
        }
        int httpPort = freePort();
        int transportPort = freePort();
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups"));
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + work.resolve("data"),
                "-E", "path.logs=" + work.resolve("logs"),
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-p", work.resolve("es.pid").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("es.out").toFile());
        pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        pb.environment().put("ES_TMPDIR", work.resolve("tmp").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, work)));
        String url = "http://127.0.0.1:" + httpPort;
        awaitHealthy(process, url, work);
        return new ElasticsearchNode(url, null);
    }

    private static void awaitHealthy(Process process, String url, Path work) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + ":\n" + tail(work));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the node is still starting
            }
            process.waitFor(500, TimeUnit.MILLISECONDS); // wakes early if the node dies
        }
        process.destroyForcibly();
        throw new IllegalStateException("Elasticsearch did not become healthy within " + STARTUP + ":\n" + tail(work));
    }

    private static void stop(Process process, Path work) {
        try {
            Path pidFile = work.resolve("es.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroy);
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            // best effort at JVM exit
        }
    }

    private static void ensureUser() throws IOException, InterruptedException {
        if (exec("id", "-u", USER) == 0) {
            return;
        }
        if (exec("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER) != 0
                && exec("id", "-u", USER) != 0) {
            throw new IllegalStateException("running as root, and the unprivileged user " + USER
                    + " Elasticsearch needs could not be created with useradd");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        if (exec(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        Path home = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside target: " + entry.getName());
                }
                if (home == null) {
                    home = target.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getParent().getFileName().toString().equals("bin")) {
                        out.toFile().setExecutable(true, false); // zip entries lose their mode bits here
                    }
                }
            }
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path work) {
        try {
            List<String> lines = Files.readAllLines(work.resolve("es.out"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @SuppressWarnings("unused")
    private static void drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
