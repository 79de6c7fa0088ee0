package dev.sonda.bench;

import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.JsonLinesLogEncoder;
import dev.sonda.engine.log.LogGenerator;
import dev.sonda.engine.log.LogGenerators;
import dev.sonda.engine.log.MutableLogRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log events per second on one core: a template generator with three field pools and severity
 * weights, each event encoded as {@code json_lines} into a reused buffer. Goal: 2 million events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogBench {
    private static final int BATCH = 1024;
    private static final long EPOCH_NANOS = 1_767_225_600_000_000_000L;

    private LogGenerator generator;
    private final JsonLinesLogEncoder encoder = new JsonLinesLogEncoder();
    private final ByteBuf buf = new ByteBuf(1 << 20);
    private final Labels labels = Labels.of(Map.of("host", "web-01", "service", "checkout"));
    private final MutableLogRecord scratch = new MutableLogRecord();
    private long tick;

    /** Creates the benchmark state; JMH calls it. */
    public LogBench() {}

    /** Builds the template generator. */
    @Setup
    public void setUp() {
        generator = LogGenerators.create(
                new LogGeneratorSpec.Template(
                        List.of(new LogGeneratorSpec.LogTemplate(
                                "Request from {ip} to {endpoint} returned {status}",
                                Map.of(
                                        "ip", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
                                        "endpoint", List.of("/api/v1/health", "/api/v1/metrics"),
                                        "status", List.of("200", "404", "500")))),
                        Map.of(Severity.INFO, 0.7, Severity.WARN, 0.2, Severity.ERROR, 0.1),
                        42L),
                "bench");
    }

    /**
     * Generates and encodes {@value #BATCH} log events.
     *
     * @return the bytes written, so the work is not optimised away
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int templateJsonLines() {
        buf.clear();
        for (int i = 0; i < BATCH; i++) {
            long t = tick++;
            encoder.encode(generator.generate(t, EPOCH_NANOS + t * 1_000_000L, labels, scratch), buf);
        }
        return buf.length();
    }
}
