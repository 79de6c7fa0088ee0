package dev.sonda.bench;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.ValueGenerator;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link ValueGenerator#value(long)} for each built-in generator, in samples per
 * second on one thread.
 *
 * <p>Each invocation computes {@value #BATCH} consecutive ticks (continuing where the previous
 * invocation stopped, so periodic generators walk through their whole period) and hands each
 * value to a {@link Blackhole} (JMH's compiler blackholes on JDK 17: next to no cost, and no
 * folding of a loop of identical values). The generators are built as a run
 * builds them, through {@link Generators#create}, at 1,000 events per second; {@code flap} and
 * {@code steady} go through the alias desugaring (to a sequence, and to a sine wrapped in jitter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GeneratorBench {
    /** Samples per benchmark invocation. */
    public static final int BATCH = 1024;

    private static final double RATE = 1000.0;

    /** The generator under test: the YAML type, or {@code jitter_sine} for a sine with jitter. */
    @Param({"constant", "sine", "sawtooth", "uniform", "sequence", "step", "spike", "jitter_sine", "flap", "steady"})
    public String generator;

    private ValueGenerator gen;
    private long tick;

    /** Creates the benchmark state; JMH calls it. */
    public GeneratorBench() {}

    /** Builds the generator named by {@link #generator}. */
    @Setup
    public void setUp() {
        gen = create(generator);
        tick = 0;
    }

    /**
     * Builds one of the benchmarked generators.
     *
     * @param name a value of {@link #generator}
     * @return the generator, built at 1,000 events per second
     * @throws IllegalArgumentException for an unknown name
     */
    public static ValueGenerator create(String name) {
        GeneratorSpec.Sine sine = new GeneratorSpec.Sine(40, 60, 50);
        return switch (name) {
            case "constant" -> Generators.create(new GeneratorSpec.Constant(42.5), RATE);
            case "sine" -> Generators.create(sine, RATE);
            case "sawtooth" -> Generators.create(new GeneratorSpec.Sawtooth(0, 100, 60), RATE);
            case "uniform" -> Generators.create(new GeneratorSpec.Uniform(0, 100, 42L), RATE);
            case "sequence" -> Generators.create(
                    new GeneratorSpec.Sequence(List.of(1.0, 2.0, 3.0, 5.0, 8.0, 13.0), true), RATE);
            case "step" -> Generators.create(new GeneratorSpec.Step(0, 1.5, 1000.0), RATE);
            case "spike" -> Generators.create(new GeneratorSpec.Spike(10, 90, 5, 30), RATE);
            case "jitter_sine" -> Generators.create(sine, RATE, 2.0, 7L, null, "generator");
            case "flap" -> Generators.create(
                    new GeneratorSpec.Flap(Duration.ofSeconds(10), Duration.ofSeconds(5), null, null, null), RATE);
            case "steady" -> Generators.create(new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), 1.0, 7L), RATE);
            default -> throw new IllegalArgumentException("unknown generator " + name);
        };
    }

    /**
     * Computes {@value #BATCH} consecutive values.
     *
     * @param bh consumes every value, so none can be optimised away
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void value(Blackhole bh) {
        ValueGenerator g = gen;
        long t = tick;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(g.value(t + i));
        }
        tick = t + BATCH;
    }
}
