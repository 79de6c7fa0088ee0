package dev.sonda.engine.internal;

import static dev.sonda.engine.internal.AfterTestEntries.d;
import static dev.sonda.engine.internal.AfterTestEntries.metrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The crossing math of {@code after:} per target generator, with every message of the reference's
 * {@code timing.rs} as wrapped by {@code compile_after.rs}.
 */
class AfterCrossingTest {
    private static final GeneratorSpec ONE = new GeneratorSpec.Constant(1);

    private static Duration offset(GeneratorSpec target, double rate, String op, double value) {
        AfterTestEntries.Outcome out = AfterTestEntries.resolve(
                metrics("t", target).rate(rate), metrics("f", ONE).after("t", op, value));
        assertThat(out.problems()).isEmpty();
        return out.offset(1);
    }

    private static String error(GeneratorSpec target, double rate, String op, double value) {
        AfterTestEntries.Outcome out = AfterTestEntries.resolve(
                metrics("t", target).rate(rate), metrics("f", ONE).after("t", op, value));
        assertThat(out.problems()).hasSize(1);
        return out.messages().get(0);
    }

    private static String error(GeneratorSpec target, String op, double value) {
        return error(target, 1, op, value);
    }

    private static String outOfRange(String op, String value, String reason) {
        return "entry 'f': after.ref 't' op '" + op + "' value " + value + " -- " + reason;
    }

    private static String ambiguous(String op, String value, String reason) {
        return "entry 'f': after.ref 't' op '" + op + "' value " + value
                + " -- condition is true at t=0, timing is ambiguous: " + reason;
    }

    private static String unsupported(String gen, String op, String reason) {
        return "entry 'f': after.ref 't' uses generator '" + gen + "' which does not support " + op
                + " threshold crossings: " + reason;
    }

    // ---- constant ------------------------------------------------------------------------------

    @Test
    void aConstantTargetIsAmbiguousWhenItAlreadySatisfiesTheCondition() {
        assertThat(error(new GeneratorSpec.Constant(42), ">", 10))
                .isEqualTo(ambiguous(">", "10", "constant generator emits 42; \"> 10\" is satisfied at t=0"));
    }

    @Test
    void aConstantTargetIsOutOfRangeWhenItNeverSatisfiesTheCondition() {
        assertThat(error(new GeneratorSpec.Constant(42), ">", 100))
                .isEqualTo(outOfRange(">", "100", "constant generator emits 42; it never crosses \"> 100\""));
    }

    // ---- unsupported generators ------------------------------------------------------------------

    @Test
    void sineUniformCsvReplayAndSteadyTargetsAreUnsupported() {
        assertThat(error(new GeneratorSpec.Sine(10, 60, 50), ">", 55))
                .isEqualTo(unsupported(
                        "sine",
                        ">",
                        "sine generator is not supported as an `after` target: sine waves cross any threshold"
                                + " twice per period, making the crossing direction ambiguous"));
        assertThat(error(new GeneratorSpec.Uniform(0, 10, 1L), ">", 5))
                .isEqualTo(unsupported(
                        "uniform",
                        ">",
                        "uniform generator is not supported as an `after` target: the output is"
                                + " non-deterministic, so no crossing time can be computed"));
        assertThat(error(new GeneratorSpec.CsvReplay("data.csv", List.of(), true, 1, null), "<", 5))
                .isEqualTo(unsupported(
                        "csv_replay",
                        "<",
                        "csv_replay generator is not supported as an `after` target: the output depends on"
                                + " external data, so no crossing time can be computed"));
        assertThat(error(new GeneratorSpec.Steady(50, 5, d("60s"), 1, null), ">", 55))
                .isEqualTo(unsupported(
                        "steady",
                        ">",
                        "cannot compute crossing for \"steady\" behavior -- sine waves cross any threshold twice"
                                + " per period, making the result ambiguous. Use explicit phase_offset instead"));
    }

    @Test
    void aPlugInGeneratorTargetIsUnsupportedUnderItsOwnTypeName() {
        assertThat(error(new GeneratorSpec.Generic("my_gen", Map.of()), ">", 1))
                .isEqualTo(unsupported(
                        "my_gen",
                        ">",
                        "my_gen generator is not supported as an `after` target: it has no analytical model, so"
                                + " no crossing time can be computed"));
    }

    // ---- sawtooth family -------------------------------------------------------------------------

    @Test
    void aSawtoothCrossesAboveByLinearInterpolationOverItsPeriod() {
        assertThat(offset(new GeneratorSpec.Sawtooth(0, 7, 13), 3, ">", 2.2)).isEqualTo(Duration.ofMillis(4086));
    }

    @Test
    void saturationCrossesAboveAtTheWorkedExampleTime() {
        assertThat(offset(new GeneratorSpec.Saturation(1, 30, d("90s")), 1, ">", 10))
                .isEqualTo(Duration.ofMillis(27931));
    }

    @Test
    void leakAndDegradationUseTheirOwnRampLengths() {
        assertThat(offset(new GeneratorSpec.Leak(0, 100, d("10m")), 1, ">", 50)).isEqualTo(Duration.ofMinutes(5));
        assertThat(offset(new GeneratorSpec.Degradation(0, 100, d("5m"), 1, null), 1, ">", 25))
                .isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void aDescendingSawtoothAboveReturnsTheDownCrossingTimeAsTheReferenceDoes() {
        assertThat(offset(new GeneratorSpec.Sawtooth(100, 0, 20), 1, ">", 50)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFlatSawtoothCannotCrossAnyThreshold() {
        assertThat(error(new GeneratorSpec.Saturation(5, 5, d("1m")), ">", 1))
                .isEqualTo(outOfRange(
                        ">",
                        "1",
                        "baseline (5) equals ceiling (5); the signal is constant and cannot cross any threshold"));
    }

    @Test
    void aSawtoothAboveRejectsThresholdsOutsideItsRamp() {
        assertThat(error(new GeneratorSpec.Saturation(20, 85, d("2m")), ">", 150))
                .isEqualTo(
                        outOfRange(">", "150", "threshold 150 is at or above ceiling 85; the signal never exceeds it"));
        assertThat(error(new GeneratorSpec.Saturation(20, 85, d("2m")), ">", 10.5))
                .isEqualTo(ambiguous(
                        ">",
                        "10.5",
                        "threshold 10.5 is below baseline 20; the signal starts above it (satisfied at t=0)"));
    }

    @Test
    void aSawtoothBelowNeverSucceeds() {
        GeneratorSpec saw = new GeneratorSpec.Sawtooth(20, 85, 60);
        assertThat(error(saw, "<", 20))
                .isEqualTo(outOfRange(
                        "<", "20", "threshold 20 is at or below baseline 20; the signal never drops below it"));
        assertThat(error(saw, "<", 90))
                .isEqualTo(ambiguous(
                        "<",
                        "90",
                        "threshold 90 is above ceiling 85; the signal is always below it (satisfied at t=0)"));
        assertThat(error(saw, "<", 50))
                .isEqualTo(ambiguous(
                        "<",
                        "50",
                        "signal starts at baseline 20 which is already below threshold 50 (satisfied at t=0)"));
        assertThat(error(new GeneratorSpec.Sawtooth(100, 0, 20), "<", 33))
                .isEqualTo(outOfRange(
                        "<", "33", "the sawtooth ramps from 100 toward 0; it does not cross below 33 during the ramp"));
    }

    // ---- flap --------------------------------------------------------------------------------------

    @Test
    void aFlapDropsBelowAtItsUpDuration() {
        GeneratorSpec flap = new GeneratorSpec.Flap(d("60s"), d("30s"), null, null, null);
        assertThat(offset(flap, 1, "<", 1)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFlapUsesItsEnumValues() {
        GeneratorSpec neighbor =
                new GeneratorSpec.Flap(d("7.5s"), d("5s"), null, null, GeneratorSpec.FlapEnum.NEIGHBOR_STATE);
        assertThat(offset(neighbor, 1, "<", 3)).isEqualTo(Duration.ofMillis(7500));
        GeneratorSpec oper = new GeneratorSpec.Flap(d("10s"), d("5s"), null, null, GeneratorSpec.FlapEnum.OPER_STATE);
        assertThat(error(oper, "<", 1.5))
                .isEqualTo(outOfRange(
                        "<",
                        "1.5",
                        "down_value 2 is not less than threshold 1.5; the flap signal never drops below 1.5"));
        assertThat(error(oper, ">", 1.5))
                .isEqualTo(outOfRange(
                        ">", "1.5", "up_value 1 equals threshold 1.5; the signal never strictly exceeds it"));
    }

    @Test
    void aFlapBelowRejectsThresholdsOutsideItsValues() {
        GeneratorSpec flap = new GeneratorSpec.Flap(d("10s"), d("5s"), null, null, null);
        assertThat(error(flap, "<", 0))
                .isEqualTo(outOfRange(
                        "<", "0", "threshold 0 is at or below the down_value 0; the flap signal never goes below it"));
        assertThat(error(flap, "<", 2))
                .isEqualTo(ambiguous(
                        "<",
                        "2",
                        "threshold 2 is above up_value 1; the flap signal is always below it (satisfied at t=0)"));
    }

    @Test
    void aFlapAboveNeverSucceeds() {
        GeneratorSpec flap = new GeneratorSpec.Flap(d("10s"), d("5s"), 10.0, 2.0, null);
        assertThat(error(flap, ">", 10))
                .isEqualTo(outOfRange(
                        ">", "10", "threshold 10 is at or above up_value 10; the flap signal never exceeds it"));
        assertThat(error(flap, ">", 1))
                .isEqualTo(ambiguous(
                        ">",
                        "1",
                        "threshold 1 is below down_value 2; the flap signal is always above it (satisfied at t=0)"));
        assertThat(error(flap, ">", 5))
                .isEqualTo(ambiguous(
                        ">",
                        "5",
                        "\"flap_signal > 5\" is satisfied at t=0 (starts at up_value 10). Use \"<\" to detect the down"
                                + " event"));
    }

    // ---- spike ---------------------------------------------------------------------------------------

    @Test
    void aSpikeEventDropsBelowWhenTheSpikeEnds() {
        GeneratorSpec spike = new GeneratorSpec.SpikeEvent(0, 100, d("10s"), d("60s"));
        assertThat(offset(spike, 1, "<", 50)).isEqualTo(Duration.ofSeconds(10));
        assertThat(offset(new GeneratorSpec.Spike(5, 10, 2.5, 30), 1, "<", 6)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aSpikeAboveNeverSucceeds() {
        GeneratorSpec spike = new GeneratorSpec.SpikeEvent(0, 100, d("10s"), d("60s"));
        assertThat(error(spike, ">", 50))
                .isEqualTo(ambiguous(
                        ">",
                        "50",
                        "\"> 50\" is satisfied at t=0 (spike starts immediately at peak 100). Use \"<\" to detect when"
                                + " the spike ends"));
        assertThat(error(spike, ">", 100))
                .isEqualTo(outOfRange(
                        ">", "100", "threshold 100 is at or above peak value 100; the signal never exceeds it"));
        assertThat(error(spike, ">", -1))
                .isEqualTo(ambiguous(
                        ">",
                        "-1",
                        "threshold -1 is below baseline 0; the signal is always above it (satisfied at t=0)"));
        GeneratorSpec dip = new GeneratorSpec.Spike(10, -5, 1, 10);
        assertThat(error(dip, ">", 7)).isEqualTo(outOfRange(">", "7", "peak 5 does not exceed threshold 7"));
    }

    @Test
    void aSpikeBelowRejectsThresholdsOutsideItsRange() {
        GeneratorSpec spike = new GeneratorSpec.Spike(0, 100, 10, 60);
        assertThat(error(spike, "<", 0))
                .isEqualTo(
                        outOfRange("<", "0", "threshold 0 is at or below baseline 0; the signal never drops below it"));
        assertThat(error(spike, "<", 101))
                .isEqualTo(ambiguous(
                        "<",
                        "101",
                        "threshold 101 is above peak 100; the signal is always below it (satisfied at t=0)"));
        GeneratorSpec dip = new GeneratorSpec.Spike(10, -5, 1, 10);
        assertThat(error(dip, "<", 7))
                .isEqualTo(
                        outOfRange(
                                "<",
                                "7",
                                "baseline 10 is not below threshold 7; the signal does not cross below it when the spike ends"));
    }

    // ---- step ----------------------------------------------------------------------------------------

    @Test
    void aStepCountsTicksAtTheTargetsRate() {
        assertThat(offset(new GeneratorSpec.Step(0, 10, null), 2, ">", 55)).isEqualTo(Duration.ofSeconds(3));
        assertThat(offset(new GeneratorSpec.Step(0, 10, null), 2, ">", 50)).isEqualTo(Duration.ofSeconds(3));
        assertThat(offset(new GeneratorSpec.Step(5, 1, null), 1, ">", 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(offset(new GeneratorSpec.Step(5, 1, 2.0), 1, ">", 7)).isEqualTo(Duration.ofSeconds(3));
        assertThat(offset(new GeneratorSpec.Step(0, 1, 100.0), 1, ">", 3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aStepRejectsEveryImpossibleCrossing() {
        assertThat(error(new GeneratorSpec.Step(0, 1, null), "<", 5))
                .isEqualTo(unsupported(
                        "step",
                        "<",
                        "step generator does not support `< threshold`; the value is monotonically non-decreasing"));
        assertThat(error(new GeneratorSpec.Step(0, 0, null), ">", 5))
                .isEqualTo(outOfRange(">", "5", "step_size is 0; the signal never advances"));
        assertThat(error(new GeneratorSpec.Step(0, -2, null), ">", 5))
                .isEqualTo(outOfRange(">", "5", "step_size -2 is negative; the signal moves away from `> threshold`"));
        assertThat(error(new GeneratorSpec.Step(10, 1, null), ">", 5))
                .isEqualTo(ambiguous(
                        ">", "5", "step generator starts at 10 which already exceeds threshold 5 (satisfied at t=0)"));
        assertThat(error(new GeneratorSpec.Step(0, 1, 5.0), ">", 5))
                .isEqualTo(outOfRange(
                        ">", "5", "step wraps at 5 which is at or below threshold 5; the signal never exceeds it"));
        assertThat(error(new GeneratorSpec.Step(0, 10, 60.0), ">", 55))
                .isEqualTo(outOfRange(">", "55", "step wraps at 60 before reaching threshold 55"));
        assertThat(error(new GeneratorSpec.Step(0, 1, null), 0.0, ">", 5))
                .isEqualTo(outOfRange(">", "5", "step rate 0 must be positive and finite"));
    }

    // ---- sequence ------------------------------------------------------------------------------------

    @Test
    void aSequenceCrossesAtTheFirstMatchingIndexAtTheTargetsRate() {
        GeneratorSpec seq = new GeneratorSpec.Sequence(List.of(10.0, 5.0, 2.0, 1.0), false);
        assertThat(offset(seq, 2, "<", 3)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSequenceRejectsEveryImpossibleCrossing() {
        GeneratorSpec seq = new GeneratorSpec.Sequence(List.of(10.0, 5.0, 2.0, 1.0), true);
        assertThat(error(seq, "<", 11))
                .isEqualTo(ambiguous(
                        "<", "11", "sequence starts at 10 which already satisfies \"< 11\" (satisfied at t=0)"));
        assertThat(error(seq, ">", 10))
                .isEqualTo(
                        outOfRange(">", "10", "no value in the sequence satisfies \"> 10\"; the signal never crosses"));
        assertThat(error(new GeneratorSpec.Sequence(List.of(), true), ">", 1))
                .isEqualTo(outOfRange(">", "1", "sequence has no values; no crossing is possible"));
        assertThat(error(seq, Double.POSITIVE_INFINITY, ">", 1))
                .isEqualTo(outOfRange(">", "1", "sequence rate inf must be positive and finite"));
    }
}
