package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.GeneratorSpec.FlapEnum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operational aliases run as the reference lowers them ({@code config/aliases.rs}): each
 * alias's generator gives, tick for tick, the values of the core generator it stands for.
 */
class AliasProvidersTest {
    private static final String PATH = "scenarios[0].generator";
    private static final int TICKS = 400;

    private static ValueGenerator create(GeneratorSpec spec, double rate) {
        return Generators.create(spec, rate, null, null, null, PATH);
    }

    private static void assertSameValues(ValueGenerator actual, ValueGenerator expected) {
        for (long t = 0; t < TICKS; t++) {
            assertThat(Double.doubleToRawLongBits(actual.value(t)))
                    .as("tick %d", t)
                    .isEqualTo(Double.doubleToRawLongBits(expected.value(t)));
        }
    }

    private static GeneratorSpec.Flap flap(long upMillis, long downMillis, Double up, Double down, FlapEnum e) {
        return new GeneratorSpec.Flap(Duration.ofMillis(upMillis), Duration.ofMillis(downMillis), up, down, e);
    }

    /** One cycle of the flap's values, checking that the next cycle repeats it. */
    private static List<Double> flapValues(GeneratorSpec.Flap flap, double rate, int cycle) {
        ValueGenerator g = create(flap, rate);
        List<Double> out = new ArrayList<>();
        for (int t = 0; t < cycle; t++) {
            out.add(g.value(t));
            assertThat(g.value(t + cycle)).as("repeats at tick %d", t + cycle).isEqualTo(g.value(t));
        }
        return out;
    }

    private static List<Double> repeat(int n, double v, int m, double w) {
        List<Double> out = new ArrayList<>(Collections.nCopies(n, v));
        out.addAll(Collections.nCopies(m, w));
        return out;
    }

    @Test
    void steadyDefaultsAtRateOneMatchTheReferenceAnchor() {
        GeneratorSpec steady = new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), 1.0, null);
        ValueGenerator g = Generators.create(steady, 1.0);
        assertThat(g.value(0)).isEqualTo(49.528040653905045);
        assertThat(g.value(1)).isEqualTo(50.823651090461766);
        assertThat(g.value(2)).isEqualTo(51.58285908494004);
        assertThat(g.value(3)).isEqualTo(53.64973710033604);
    }

    @Test
    void steadyRunsAsASineWithItsNoiseAsJitter() {
        GeneratorSpec steady = new GeneratorSpec.Steady(10, 2, Duration.ofSeconds(8), 0.5, 7L);
        assertSameValues(create(steady, 2), new JitterGenerator(new SineGenerator(2, 8.0, 10, 2), 0.5, 7L));
    }

    @Test
    void anEntryJitterWinsOverTheNoiseEvenWhenZero() {
        GeneratorSpec steady = new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), 3.0, 9L);
        ValueGenerator g = Generators.create(steady, 1, 0.0, null, null, PATH);
        assertThat(g).isInstanceOf(SineGenerator.class);
        assertThat(g.value(0)).isEqualTo(50.0);
        assertSameValues(
                Generators.create(steady, 1, 2.0, null, null, PATH),
                new JitterGenerator(new SineGenerator(10, 60.0, 50, 1), 2.0, 9L));
    }

    @Test
    void theNoiseSeedAppliesOnlyWhenTheEntryHasNoSeed() {
        GeneratorSpec deg = new GeneratorSpec.Degradation(0, 100, Duration.ofMinutes(5), 1.0, 7L);
        SawtoothGenerator saw = new SawtoothGenerator(0, 100, 300.0, 1);
        assertSameValues(Generators.create(deg, 1, null, 3L, null, PATH), new JitterGenerator(saw, 1.0, 3L));
        assertSameValues(Generators.create(deg, 1, 2.0, null, null, PATH), new JitterGenerator(saw, 2.0, 7L));
        GeneratorSpec unseeded = new GeneratorSpec.Degradation(0, 100, Duration.ofMinutes(5), 1.0, null);
        assertSameValues(create(unseeded, 1), new JitterGenerator(saw, 1.0, 0L));
    }

    @Test
    void flapRepeatsEachValueForItsRoundedTickCount() {
        assertThat(flapValues(flap(5000, 3000, null, null, null), 2, 16)).isEqualTo(repeat(10, 1.0, 6, 0.0));
        assertThat(flapValues(flap(10_000, 5000, null, null, null), 1, 15)).isEqualTo(repeat(10, 1.0, 5, 0.0));
    }

    @Test
    void flapClampsAPhaseThatRoundsToZeroTicksToOne() {
        // rate 0.05: up 10 s = 0.5 ticks rounds half away to 1, down 60 s = 3 ticks
        assertThat(flapValues(flap(10_000, 60_000, null, null, null), 0.05, 4)).containsExactly(1.0, 0.0, 0.0, 0.0);
        // rate 0.01: up 10 s = 0.1 ticks rounds to 0 and is clamped to 1
        assertThat(flapValues(flap(10_000, 100_000, 5.0, 6.0, null), 0.01, 2)).containsExactly(5.0, 6.0);
    }

    @Test
    void flapRoundsHalfTicksAwayFromZero() {
        assertThat(flapValues(flap(2500, 1500, null, null, null), 1, 5)).isEqualTo(repeat(3, 1.0, 2, 0.0));
    }

    @Test
    void flapTakesItsValuesFromTheEnumOrTheExplicitValues() {
        assertThat(flapValues(flap(4000, 1000, null, null, FlapEnum.NEIGHBOR_STATE), 1, 5))
                .containsExactly(6.0, 6.0, 6.0, 6.0, 1.0);
        assertThat(flapValues(flap(1000, 1000, 100.0, -1.0, null), 2, 4)).containsExactly(100.0, 100.0, -1.0, -1.0);
        assertThat(flapValues(flap(1000, 1000, null, 3.0, null), 1, 2)).containsExactly(1.0, 3.0);
    }

    @Test
    void flapRejectsAnEnumTogetherWithExplicitValues() {
        assertThatThrownBy(() -> create(flap(1000, 1000, 2.0, null, FlapEnum.BOOLEAN), 1))
                .isInstanceOfSatisfying(
                        InvalidScenarioException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new Problem(
                                                PATH + ".enum",
                                                "flap: 'enum' is mutually exclusive with explicit 'up_value'/'down_value' — pick one")));
    }

    @Test
    void flapRejectsDurationsThatProduceNoTickAtAll() {
        assertThatThrownBy(() -> create(flap(10_000, 10_000, null, null, null), 0.01))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(
                                PATH, "flap: up_duration and down_duration must produce at least one tick total")));
    }

    @Test
    void flapRejectsMoreTicksThanAnArrayHolds() {
        assertThatThrownBy(() -> create(flap(10_000, 5000, null, null, null), 1e300))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("flap: up_duration and down_duration produce more than");
    }

    @Test
    void saturationRunsAsASawtooth() {
        GeneratorSpec spec = new GeneratorSpec.Saturation(20, 95, Duration.ofMinutes(2));
        assertSameValues(create(spec, 1), new SawtoothGenerator(20, 95, 120.0, 1));
    }

    @Test
    void leakRunsAsASawtoothWhenItOutlastsTheEntry() {
        GeneratorSpec leak = new GeneratorSpec.Leak(10, 95, Duration.ofSeconds(60));
        SawtoothGenerator sawtooth = new SawtoothGenerator(10, 95, 60.0, 1);
        assertSameValues(Generators.create(leak, 1, null, null, Duration.ofSeconds(30), PATH), sawtooth);
        assertSameValues(Generators.create(leak, 1, null, null, Duration.ofSeconds(60), PATH), sawtooth);
        assertSameValues(Generators.create(leak, 1, null, null, null, PATH), sawtooth);
    }

    @Test
    void leakRejectsARampShorterThanTheEntry() {
        GeneratorSpec leak = new GeneratorSpec.Leak(0, 100, Duration.ofSeconds(20));
        assertThatThrownBy(() -> Generators.create(leak, 1, null, null, Duration.ofSeconds(30), PATH))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(
                                PATH + ".time_to_ceiling",
                                "leak: time_to_ceiling (20s) is shorter than scenario duration (30s); the sawtooth"
                                        + " would reset mid-run. Use 'saturation' instead for repeating fill-and-reset"
                                        + " cycles, or increase time_to_ceiling to >= duration")));
    }

    @Test
    void leakRendersFractionalDurationsAsDecimalSeconds() {
        GeneratorSpec leak = new GeneratorSpec.Leak(0, 100, Duration.ofMillis(1500));
        assertThatThrownBy(() -> Generators.create(leak, 1, null, null, Duration.ofMinutes(1), PATH))
                .hasMessageContaining("time_to_ceiling (1.5s) is shorter than scenario duration (60s)");
    }

    @Test
    void degradationRunsAsASawtoothWithNoise() {
        GeneratorSpec spec = new GeneratorSpec.Degradation(0.05, 0.5, Duration.ofSeconds(60), 0.02, 7L);
        assertSameValues(create(spec, 1), new JitterGenerator(new SawtoothGenerator(0.05, 0.5, 60.0, 1), 0.02, 7L));
    }

    @Test
    void spikeEventRunsAsASpike() {
        GeneratorSpec spec = new GeneratorSpec.SpikeEvent(0, 100, Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertSameValues(create(spec, 2), new SpikeGenerator(0, 100, 10.0, 30.0, 2));
    }

    @Test
    void spikeEventRejectsANonPositiveIntervalBuiltInJava() {
        GeneratorSpec spec = new GeneratorSpec.SpikeEvent(0, 100, Duration.ofSeconds(10), Duration.ZERO);
        assertThatThrownBy(() -> create(spec, 1))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(
                                PATH + ".spike_interval", "spike_event: spike_interval must be greater than zero")));
    }

    @Test
    void durationsConvertToSecondsAsSecsPlusNanosOverOneBillion() {
        assertThat(Specs.seconds(Duration.ofNanos(1_500_000))).isEqualTo(0.0015);
        assertThat(Specs.seconds(Duration.ofSeconds(3, 100_000_000))).isEqualTo(3.0 + 100_000_000 / 1e9);
        GeneratorSpec spec = new GeneratorSpec.Saturation(0, 1, Duration.ofNanos(1_234_567_000));
        assertSameValues(create(spec, 1), new SawtoothGenerator(0, 1, 1.0 + 234_567_000 / 1e9, 1));
    }
}
