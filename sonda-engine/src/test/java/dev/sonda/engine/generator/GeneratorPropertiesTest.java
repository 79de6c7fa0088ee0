package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GeneratorPropertiesTest {

    @Property
    void theSameSpecRateAndTickGiveTheSameBitsOnTwoInstances(
            @ForAll("specs") GeneratorSpec spec, @ForAll("rates") double rate, @ForAll long tick) {
        ValueGenerator a = Generators.create(spec, rate);
        ValueGenerator b = Generators.create(spec, rate);
        long first = Double.doubleToRawLongBits(a.value(tick));
        assertThat(Double.doubleToRawLongBits(b.value(tick))).isEqualTo(first);
        assertThat(Double.doubleToRawLongBits(a.value(tick))).isEqualTo(first);
    }

    @Property
    void uniformStaysWithinMinAndMaxInclusive(
            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int low,
            @ForAll @IntRange(min = 0, max = 2_000_000) int width,
            @ForAll long seed,
            @ForAll long tick) {
        double min = low;
        double max = (double) low + width;
        double v = new UniformGenerator(min, max, seed).value(tick);
        assertThat(v).isBetween(min, max);
    }

    /** With a period of exact ticks (multiples of 0.5 here) the ramp never reaches {@code max}. */
    @Property
    void sawtoothStaysWithinMinInclusiveAndMaxExclusive(
            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int low,
            @ForAll @IntRange(min = 1, max = 2_000_000) int width,
            @ForAll @IntRange(min = 1, max = 1000) int periodSecs,
            @ForAll("exactRates") double rate,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long tick) {
        double min = low;
        double max = (double) low + width;
        double v = new SawtoothGenerator(min, max, periodSecs, rate).value(tick);
        assertThat(v).isGreaterThanOrEqualTo(min).isLessThan(max);
    }

    /**
     * With an inexact period in ticks ({@code 4 s * 0.05/s} is not exactly 0.2) the last step of a
     * ramp can round onto {@code max}, as in the reference; the range is still closed.
     */
    @Property
    void sawtoothStaysWithinMinAndMaxInclusiveForAnyRate(
            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int low,
            @ForAll @IntRange(min = 1, max = 2_000_000) int width,
            @ForAll @IntRange(min = 1, max = 1000) int periodSecs,
            @ForAll("rates") double rate,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long tick) {
        double min = low;
        double max = (double) low + width;
        double v = new SawtoothGenerator(min, max, periodSecs, rate).value(tick);
        assertThat(v).isBetween(min, max);
    }

    @Example
    void sawtoothCanRoundOntoMaxWhenThePeriodInTicksIsInexact() {
        assertThat(new SawtoothGenerator(2, 3, 4, 0.05).value(1)).isEqualTo(3.0);
    }

    @Property
    void jitterStaysWithinPlusOrMinusItsHalfRangeOfTheInnerValue(
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double inner,
            @ForAll @DoubleRange(min = 0, max = 1e6) double jitter,
            @ForAll long seed,
            @ForAll long tick) {
        double v = new JitterGenerator(new ConstantGenerator(inner), jitter, seed).value(tick);
        assertThat(v).isBetween(inner - jitter, inner + jitter);
    }

    @Property
    void stepWithMaxAboveStartStaysWithinStartInclusiveAndMaxExclusive(
            @ForAll @IntRange(min = -1000, max = 1000) int start,
            @ForAll @IntRange(min = 1, max = 1000) int width,
            @ForAll @IntRange(min = -400, max = 400) int quarterSteps,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long tick) {
        double max = (double) start + width;
        double v = new StepGenerator(start, quarterSteps * 0.25, max).value(tick);
        assertThat(v).isGreaterThanOrEqualTo(start).isLessThan(max);
    }

    @Provide
    Arbitrary<Double> rates() {
        return Arbitraries.of(0.05, 0.5, 1.0, 2.0, 4.0, 10.0, 100.0);
    }

    @Provide
    Arbitrary<Double> exactRates() {
        return Arbitraries.of(0.5, 1.0, 2.0, 4.0, 10.0, 100.0);
    }

    @Provide
    Arbitrary<GeneratorSpec> specs() {
        Arbitrary<Double> d = Arbitraries.doubles().between(-1e6, 1e6).ofScale(6);
        Arbitrary<Double> secs = Arbitraries.doubles().between(0.001, 3600).ofScale(6);
        Arbitrary<Duration> duration = Arbitraries.longs().between(1, 120_000).map(Duration::ofMillis);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<GeneratorSpec> constant = d.map(GeneratorSpec.Constant::new);
        Arbitrary<GeneratorSpec> sine = Combinators.combine(d, secs, d).as(GeneratorSpec.Sine::new);
        Arbitrary<GeneratorSpec> sawtooth = Combinators.combine(d, d, secs).as(GeneratorSpec.Sawtooth::new);
        Arbitrary<GeneratorSpec> uniform = Combinators.combine(d, d, seeds).as(GeneratorSpec.Uniform::new);
        Arbitrary<GeneratorSpec> sequence = Combinators.combine(
                        d.list().ofMinSize(1).ofMaxSize(20), Arbitraries.of(true, false))
                .as((List<Double> values, Boolean repeat) -> new GeneratorSpec.Sequence(values, repeat));
        Arbitrary<GeneratorSpec> step =
                Combinators.combine(d, d, d.injectNull(0.3)).as(GeneratorSpec.Step::new);
        Arbitrary<GeneratorSpec> spike = Combinators.combine(d, d, secs, secs).as(GeneratorSpec.Spike::new);
        Arbitrary<GeneratorSpec> steady =
                Combinators.combine(d, d, duration, secs, seeds.injectNull(0.5)).as(GeneratorSpec.Steady::new);
        // at least 20 s, so the lowest rate (0.05) still gives each phase one tick
        Arbitrary<Duration> phase = Arbitraries.longs().between(20_000, 120_000).map(Duration::ofMillis);
        Arbitrary<GeneratorSpec> flap = Combinators.combine(phase, phase, d, d)
                .as((up, down, upValue, downValue) -> new GeneratorSpec.Flap(up, down, upValue, downValue, null));
        Arbitrary<GeneratorSpec> saturation =
                Combinators.combine(d, d, duration).as(GeneratorSpec.Saturation::new);
        Arbitrary<GeneratorSpec> degradation =
                Combinators.combine(d, d, duration, secs, seeds.injectNull(0.5)).as(GeneratorSpec.Degradation::new);
        Arbitrary<GeneratorSpec> spikeEvent =
                Combinators.combine(d, d, duration, duration).as(GeneratorSpec.SpikeEvent::new);
        return Arbitraries.oneOf(List.of(
                constant,
                sine,
                sawtooth,
                uniform,
                sequence,
                step,
                spike,
                steady,
                flap,
                saturation,
                degradation,
                spikeEvent));
    }
}
