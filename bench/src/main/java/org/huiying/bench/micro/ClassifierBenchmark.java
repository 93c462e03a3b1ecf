package org.huiying.bench.micro;

import java.util.concurrent.TimeUnit;
import org.huiying.routing.classification.Classification;
import org.huiying.routing.classification.ClassifierRules;
import org.huiying.routing.classification.PhraseClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Classifying the message that opens a ticket (runs inside the message's transaction). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifierBenchmark {

    private final PhraseClassifier classifier = new PhraseClassifier(ClassifierRules.defaults());

    @Benchmark
    public Classification chargingFault() {
        return classifier.classify("你好，我的车充不进电了，仪表盘上亮了一个黄色的故障灯，请问怎么处理？");
    }

    @Benchmark
    public Classification appointment() {
        return classifier.classify("请问周六上午可以预约保养吗？我的车已经开了一万公里了。");
    }
}
