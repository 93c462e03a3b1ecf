package org.huiying.bench.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's per-message JSON work: reading a customer frame and writing its ack, as ChatFrameHandler and Frames do. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameBenchmark {

    private final JsonMapper json = JsonMapper.shared();
    private final String frame = "{\"type\":\"message\",\"cmid\":\"1732345678901234-42\",\"text\":\"你好，我的车充不进电了，仪表盘上亮了一个黄色的故障灯，请问怎么处理？\"}";

    @Benchmark
    public String readMessageFrame() {
        JsonNode node = json.readTree(frame);
        return node.path("type").asString("") + node.get("cmid").asString() + node.get("text").asString();
    }

    @Benchmark
    public String writeAck() {
        return json.createObjectNode().put("type", "ack").put("cmid", "1732345678901234-42").put("seq", 1234L).toString();
    }
}
