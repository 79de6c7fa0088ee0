package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: spike}: {@code baseline + magnitude} during the first {@code durationSecs} of every
 * {@code intervalSecs}, {@code baseline} otherwise (Sonda 1.20 {@code generator/spike.rs}).
 *
 * <p>{@code durationTicks = durationSecs * rate}, {@code intervalTicks = intervalSecs * rate},
 * {@code pos = tick % intervalTicks} (floating-point remainder); the value is {@code baseline +
 * magnitude} when {@code pos < durationTicks}, else {@code baseline}. Tick 0 spikes (unless the
 * duration is 0); a duration at least as long as the interval spikes always. Immutable and
 * thread-safe.
 */
public final class SpikeGenerator implements ValueGenerator {
    /** The reference's message for {@code interval_secs <= 0} ({@code generator/mod.rs}). */
    static final String INTERVAL_MESSAGE = "spike generator requires interval_secs > 0";

    /** The reference's message for {@code duration_secs < 0} ({@code generator/mod.rs}). */
    static final String DURATION_MESSAGE = "spike generator requires duration_secs >= 0";

    private final double baseline;
    private final double spiking;
    private final double durationTicks;
    private final double intervalTicks;

    /**
     * Creates the generator.
     *
     * @param baseline the value outside a spike
     * @param magnitude added during a spike (negative makes dips)
     * @param durationSecs spike length in seconds, at least 0 (NaN passes, as in the reference)
     * @param intervalSecs spike period in seconds, above 0 (NaN passes, as in the reference)
     * @param rate events per second, used to convert seconds to ticks
     * @throws IllegalArgumentException if {@code intervalSecs <= 0} or {@code durationSecs < 0}
     */
    public SpikeGenerator(double baseline, double magnitude, double durationSecs, double intervalSecs, double rate) {
        if (intervalSecs <= 0) {
            throw new IllegalArgumentException(INTERVAL_MESSAGE);
        }
        if (durationSecs < 0) {
            throw new IllegalArgumentException(DURATION_MESSAGE);
        }
        this.baseline = baseline;
        this.spiking = baseline + magnitude;
        this.durationTicks = durationSecs * rate;
        this.intervalTicks = intervalSecs * rate;
    }

    /**
     * The value at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code baseline + magnitude} inside a spike, else {@code baseline}
     */
    @Override
    public double value(long tick) {
        return RustMath.u64ToDouble(tick) % intervalTicks < durationTicks ? spiking : baseline;
    }

    /** The built-in provider of {@code type: spike}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "spike"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "spike";
        }

        /**
         * Builds a {@link SpikeGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Spike}
         * @param rate events per second
         * @return the generator
         * @throws InvalidScenarioException at {@code interval_secs} ("spike generator requires
         *     interval_secs &gt; 0") and/or {@code duration_secs} ("spike generator requires
         *     duration_secs &gt;= 0")
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Spike}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Spike s) {
                List<Problem> problems = new ArrayList<>(2);
                if (s.intervalSecs() <= 0) {
                    problems.add(new Problem("interval_secs", INTERVAL_MESSAGE));
                }
                if (s.durationSecs() < 0) {
                    problems.add(new Problem("duration_secs", DURATION_MESSAGE));
                }
                if (!problems.isEmpty()) {
                    throw new InvalidScenarioException(problems);
                }
                return new SpikeGenerator(s.baseline(), s.magnitude(), s.durationSecs(), s.intervalSecs(), rate);
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
