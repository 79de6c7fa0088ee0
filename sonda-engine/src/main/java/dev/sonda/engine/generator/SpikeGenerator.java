package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

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

    /**
     * The built-in provider of {@code type: spike}: keys {@code baseline}, {@code magnitude},
     * {@code duration_secs} and {@code interval_secs}, all required.
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "spike";
        }

        @Override
        public Class<GeneratorSpec.Spike> specClass() {
            return GeneratorSpec.Spike.class;
        }

        @Override
        public String summary() {
            return "baseline + magnitude for duration_secs of every interval_secs";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Spike(
                    block.requiredNumber("baseline"),
                    block.requiredNumber("magnitude"),
                    block.requiredNumber("duration_secs"),
                    block.requiredNumber("interval_secs"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Spike s = Specs.as(this, spec, GeneratorSpec.Spike.class);
            out.put("baseline", s.baseline())
                    .put("magnitude", s.magnitude())
                    .put("duration_secs", s.durationSecs())
                    .put("interval_secs", s.intervalSecs());
        }

        /**
         * Builds a {@link SpikeGenerator} at the entry's rate, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Spike}
         * @param context the entry's rate, jitter and the block's path
         * @return the generator
         * @throws InvalidScenarioException under the block's path, at {@code interval_secs} ("spike
         *     generator requires interval_secs &gt; 0") and/or {@code duration_secs} ("spike
         *     generator requires duration_secs &gt;= 0")
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Spike}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Spike s = Specs.checked(this, spec, GeneratorSpec.Spike.class, context);
            return context.withJitter(new SpikeGenerator(
                    s.baseline(), s.magnitude(), s.durationSecs(), s.intervalSecs(), context.rate()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Spike s = Specs.as(this, spec, GeneratorSpec.Spike.class);
            return "spike (baseline: " + Specs.text(s.baseline()) + ", magnitude: " + Specs.text(s.magnitude()) + ")";
        }
    }
}
