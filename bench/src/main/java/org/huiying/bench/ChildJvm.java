package org.huiying.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server under test in its own JVM, so the load generator's own work and garbage never count
 * as the server's. It announces its ports in {@code <data dir>/ports.json}, as Huiying does.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path dataDir;
    private final JsonNode ports;
    private JMXConnector jmx;

    private ChildJvm(String name, Process process, Path dataDir, JsonNode ports) {
        this.name = name;
        this.process = process;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with a fresh data dir and waits for its ports. */
    static ChildJvm start(String name, List<String> jvmArgs, List<String> mainArgs, Duration startTimeout)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("huiying-bench-" + name + "-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.log").toFile());
        pb.environment().put("HUIYING_DATA_DIR", dir.toString());
        Process process = pb.start();
        Path portsFile = dir.resolve("ports.json");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!Files.exists(portsFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start; its output:\n" + tail(dir.resolve("output.log")));
            }
            Thread.sleep(100);
        }
        return new ChildJvm(name, process, dir, JsonMapper.shared().readTree(Files.readString(portsFile)));
    }

    int httpPort() {
        return ports.get("http").asInt();
    }

    int gatewayPort() {
        return ports.get("gateway").asInt();
    }

    long pid() {
        return process.pid();
    }

    Path dataDir() {
        return dataDir;
    }

    private MBeanServerConnection jmx() throws Exception {
        if (jmx == null) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            try {
                jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
        }
        return jmx.getMBeanServerConnection();
    }

    /** CPU time the process has used so far (all its threads: application, GC, JIT). */
    long cpuNanos() {
        try {
            return ManagementFactory.newPlatformMXBeanProxy(jmx(), ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                    com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the CPU time of " + name, e);
        }
    }

    /** Heap in use after two full collections: what the live objects take. */
    long liveHeapBytes() throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx(), ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (!Boolean.getBoolean("bench.keep")) {
            deleteTree(dataDir);
        } else {
            System.err.println(name + " data and output kept in " + dataDir);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
