package dev.sonda.bench;

import dev.sonda.api.Scenario;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.EncodingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole run on a simulated clock, in events per second: one entry of {@value #EVENTS} events
 * ({@code rate} 1,000 for 1,000 s) encoded as {@code prometheus_text} with three labels into a
 * {@link CountingSink}, from {@link Sonda#start} to {@link Run#join()}.
 *
 * <p>A third case adds a dynamic label to the sine entry, which takes the engine's per-event
 * series lookup.
 *
 * <p>This is the engine's whole per-event path on one core (the run's single scheduler thread does
 * all the work while the benchmark thread waits in {@code join}): schedule arithmetic, {@code
 * value(tick)}, encoding, the sink call and the counters. The fixed cost per run (plan already
 * compiled; start of a thread, building the generator, encoder and series) is spread over the
 * million events and is negligible. Each invocation checks that all events arrived.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunBench {
    /** Events per run (and per benchmark invocation). */
    public static final int EVENTS = 1_000_000;

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * The entry: {@code constant} or {@code sine} with three static labels, or {@code
     * sine_dynamic_label}, the sine with a fourth, dynamic label {@code pod} cycling through 100
     * values ({@code pod-0} … {@code pod-99}), to show the cost of the dynamic-label path.
     */
    @Param({"constant", "sine", "sine_dynamic_label"})
    public String generator;

    private CompiledPlan plan;

    /** Creates the benchmark state; JMH calls it. */
    public RunBench() {}

    /** Compiles the one-entry plan. */
    @Setup
    public void setUp() {
        var entry = Scenario.metrics("cpu_usage")
                .rate(1000)
                .duration(Duration.ofSeconds(EVENTS / 1000))
                .label("host", "web-0042")
                .label("region", "eu-west-1")
                .label("env", "production")
                .encoder(EncoderSpec.prometheusText());
        entry = switch (generator) {
            case "constant" -> entry.constant(42.5);
            case "sine" -> entry.sine(40, 60, 50);
            case "sine_dynamic_label" -> entry.sine(40, 60, 50).dynamicLabel("pod", "pod-", 100);
            default -> throw new IllegalArgumentException("unknown generator " + generator);
        };
        plan = Sonda.compile(entry.buildPlan());
    }

    /**
     * Runs the plan to completion on a fresh simulated clock.
     *
     * @return the bytes the sink received
     * @throws InterruptedException if interrupted while joining
     * @throws IllegalStateException if the sink did not receive every event
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long run() throws InterruptedException {
        CountingSink sink = new CountingSink();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx));
        RunStats stats;
        try (Run run = Sonda.start(plan, options)) {
            stats = run.join();
        }
        if (sink.events() != EVENTS || stats.events() != EVENTS) {
            throw new IllegalStateException(
                    "expected " + EVENTS + " events, sink got " + sink.events() + ", stats say " + stats.events());
        }
        return sink.bytes();
    }
}
