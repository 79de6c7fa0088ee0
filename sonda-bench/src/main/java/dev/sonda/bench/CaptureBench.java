package dev.sonda.bench;

import static dev.sonda.junit5.SondaAssertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code @SondaScenario} costs a test, in milliseconds per test: a one-hour scenario at 1
 * event/s (3,600 samples of a 16-tick sequence that crosses 90) run on the simulated clock,
 * captured in memory ({@link Captured#simulate}), then asserted the way an alert-rule test does
 * (sample count, first crossing, longest run above the threshold, no gap). Goal: under 100 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CaptureBench {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ScenarioPlan plan;

    /** Creates the benchmark state; JMH calls it. */
    public CaptureBench() {}

    /** Builds the one-hour plan. */
    @Setup
    public void setUp() {
        plan = Scenario.metrics("cpu_usage")
                .rate(1)
                .duration("1h")
                .sequence(10, 10, 10, 10, 10, 10, 10, 10, 95, 95, 95, 95, 95, 10, 10, 10)
                .label("instance", "server-01")
                .buildPlan();
    }

    /**
     * Runs, captures and asserts one hour of the scenario.
     *
     * @return the series, so the work is not optimised away
     */
    @Benchmark
    public Series oneHourCapturedAndAsserted() {
        Captured captured = Captured.simulate(plan, START);
        Series cpu = captured.series("cpu_usage");
        assertThat(cpu).hasSampleCount(3600).hasNoGapLongerThan(Duration.ofSeconds(1));
        assertThat(cpu).firstCrossing(">", 90).isAtOffset(Duration.ofSeconds(8));
        assertThat(cpu).longestRunAbove(90).isEqualTo(Duration.ofSeconds(4));
        return cpu;
    }
}
