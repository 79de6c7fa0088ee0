package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreGeneratorsTest {

    private static double[] first(ValueGenerator g, int n) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = g.value(t);
        }
        return out;
    }

    @Test
    void constantReturnsTheSameValueAtEveryTick() {
        ValueGenerator g = new ConstantGenerator(42.5);
        assertThat(first(g, 3)).containsExactly(42.5, 42.5, 42.5);
        assertThat(g.value(-1L)).isEqualTo(42.5);
    }

    @Test
    void sineMatchesTheReferenceAnchor() {
        ValueGenerator g = new SineGenerator(50, 4, 50, 2); // period_ticks 8
        assertThat(first(g, 5)).containsExactly(50.0, 85.35533905932738, 100.0, 85.35533905932738, 50.00000000000001);
    }

    @Test
    void sineUsesFdlibmSinLikeTheMuslBuildOfTheReference() {
        // gen_sine_basic tick 40: Math.sin gives 15.358983848622465, the reference 15.358983848622458
        assertThat(new SineGenerator(40, 15, 50, 4).value(40)).isEqualTo(15.358983848622458);
    }

    @Test
    void sineWithAZeroPeriodIsNaN() {
        assertThat(new SineGenerator(1, 0, 5, 1).value(0)).isNaN();
        assertThat(new SineGenerator(1, 0, 5, 1).value(3)).isNaN();
    }

    @Test
    void sawtoothMatchesTheReferenceAnchorAndResetsEveryPeriod() {
        ValueGenerator g = new SawtoothGenerator(0, 100, 4, 2); // period_ticks 8
        assertThat(first(g, 10)).containsExactly(0.0, 12.5, 25.0, 37.5, 50.0, 62.5, 75.0, 87.5, 0.0, 12.5);
    }

    @Test
    void sawtoothHandlesFractionalPeriodsInTicks() {
        ValueGenerator g = new SawtoothGenerator(0, 10, 3, 0.5); // period_ticks 1.5
        assertThat(first(g, 4)).containsExactly(0.0, 10.0 * (1.0 / 1.5), 10.0 * (0.5 / 1.5), 0.0);
    }

    @Test
    void uniformMatchesTheDocumentedAnchors() {
        assertThat(first(new UniformGenerator(10, 90, 42), 3))
                .containsExactly(69.32519030174588, 68.2543018631486, 27.068700996215277);
        assertThat(first(new UniformGenerator(0, 1, 0), 3))
                .containsExactly(0.8833108082136427, 0.566561575172281, 0.5911897341980795);
    }

    @Test
    void sequenceCyclesWhenRepeating() {
        ValueGenerator g = new SequenceGenerator(new double[] {1, 2, 3}, true);
        assertThat(first(g, 7)).containsExactly(1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0);
    }

    @Test
    void sequenceTakesTheModuloOfTheUnsignedTick() {
        ValueGenerator g = new SequenceGenerator(new double[] {1, 2, 3}, true);
        // 2^64 - 1 is divisible by 3; 2^63 leaves 2 (2^63 = 3 * 3074457345618258602 + 2)
        assertThat(g.value(-1L)).isEqualTo(1.0);
        assertThat(g.value(Long.MIN_VALUE)).isEqualTo(3.0);
    }

    @Test
    void sequenceHoldsTheLastValueWhenNotRepeating() {
        ValueGenerator g = new SequenceGenerator(new double[] {1, 2, 3}, false);
        assertThat(first(g, 6)).containsExactly(1.0, 2.0, 3.0, 3.0, 3.0, 3.0);
        assertThat(g.value(Long.MAX_VALUE)).isEqualTo(3.0);
        assertThat(g.value(-1L)).isEqualTo(3.0);
        assertThat(new SequenceGenerator(new double[] {7}, false).value(0)).isEqualTo(7.0);
    }

    @Test
    void sequenceCopiesItsValues() {
        double[] values = {1, 2};
        ValueGenerator g = new SequenceGenerator(values, true);
        values[0] = 99;
        assertThat(g.value(0)).isEqualTo(1.0);
    }

    @Test
    void sequenceRejectsAnEmptyList() {
        assertThatThrownBy(() -> new SequenceGenerator(new double[0], true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence generator requires at least one value");
    }

    @Test
    void stepCountsWithoutBoundWhenMaxIsAbsent() {
        assertThat(first(new StepGenerator(0, 1, null), 4)).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(first(new StepGenerator(100, -1, null), 3)).containsExactly(100.0, 99.0, 98.0);
        assertThat(new StepGenerator(0, 1, null).value(1_000_000)).isEqualTo(1_000_000.0);
    }

    @Test
    void wrapsIntoStartMaxWhenMaxIsAboveStart() {
        assertThat(first(new StepGenerator(0, 1, 3.0), 7)).containsExactly(0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0);
        assertThat(first(new StepGenerator(10, 1, 13.0), 5)).containsExactly(10.0, 11.0, 12.0, 10.0, 11.0);
        assertThat(first(new StepGenerator(0, 0.5, 2.0), 5)).containsExactly(0.0, 0.5, 1.0, 1.5, 0.0);
    }

    @Test
    void wrapsNegativeStepsIntoStartMaxToo() {
        assertThat(first(new StepGenerator(0, -1, 3.0), 7)).containsExactly(0.0, 2.0, 1.0, 0.0, 2.0, 1.0, 0.0);
        assertThat(first(new StepGenerator(10, -1, 13.0), 4)).containsExactly(10.0, 12.0, 11.0, 10.0);
    }

    @Test
    void stepDoesNotWrapWhenMaxIsNotAboveStart() {
        assertThat(first(new StepGenerator(5, 1, 5.0), 3)).containsExactly(5.0, 6.0, 7.0);
        assertThat(first(new StepGenerator(10, 1, 5.0), 3)).containsExactly(10.0, 11.0, 12.0);
        assertThat(first(new StepGenerator(0, 1, Double.NaN), 3)).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void spikeOccupiesTheStartOfEveryInterval() {
        ValueGenerator g = new SpikeGenerator(10, 90, 2, 10, 1);
        assertThat(first(g, 12))
                .containsExactly(100.0, 100.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 100.0, 100.0);
    }

    @Test
    void spikeLastingTheWholeIntervalIsAlwaysOnAndAZeroSpikeNever() {
        assertThat(first(new SpikeGenerator(0, 5, 10, 10, 1), 25)).containsOnly(5.0);
        assertThat(first(new SpikeGenerator(0, 5, 30, 10, 1), 25)).containsOnly(5.0);
        assertThat(first(new SpikeGenerator(1, 5, 0, 10, 1), 25)).containsOnly(1.0);
    }

    @Test
    void spikeWithANegativeMagnitudeDips() {
        assertThat(first(new SpikeGenerator(50, -20, 1, 3, 1), 4)).containsExactly(30.0, 50.0, 50.0, 30.0);
    }

    @Test
    void spikeConvertsSecondsToTicksWithTheRate() {
        // rate 2: duration 1 s = 2 ticks, interval 2 s = 4 ticks
        assertThat(first(new SpikeGenerator(0, 1, 1, 2, 2), 8)).containsExactly(1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0);
    }

    @Test
    void spikeRejectsANonPositiveIntervalAndANegativeDurationButLetsNaNPass() {
        assertThatThrownBy(() -> new SpikeGenerator(0, 1, 1, 0, 1))
                .hasMessage("spike generator requires interval_secs > 0");
        assertThatThrownBy(() -> new SpikeGenerator(0, 1, -1, 10, 1))
                .hasMessage("spike generator requires duration_secs >= 0");
        assertThat(new SpikeGenerator(0, 1, Double.NaN, Double.NaN, 1).value(0)).isEqualTo(0.0);
    }
}
