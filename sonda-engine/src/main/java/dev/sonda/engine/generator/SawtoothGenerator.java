package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

/**
 * {@code type: sawtooth}: a linear ramp from {@code min} toward {@code max} that resets every
 * {@code periodTicks = periodSecs * rate} ticks (Sonda 1.20 {@code generator/sawtooth.rs}).
 *
 * <p>{@code pos = tick % periodTicks} (floating-point remainder), {@code frac = pos / periodTicks},
 * {@code value = min + frac * (max - min)}: {@code min} at tick 0 and at every reset, approaching
 * but not reaching {@code max}. A zero period gives NaN. Immutable and thread-safe.
 */
public final class SawtoothGenerator implements ValueGenerator {
    private final double min;
    private final double span;
    private final double periodTicks;

    /**
     * Creates the generator.
     *
     * @param min value at the start of each period
     * @param max value approached at the end of each period (may be below {@code min}: a falling
     *     ramp)
     * @param periodSecs period in seconds
     * @param rate events per second, used to convert the period to ticks
     */
    public SawtoothGenerator(double min, double max, double periodSecs, double rate) {
        this.min = min;
        this.span = max - min;
        this.periodTicks = periodSecs * rate;
    }

    /**
     * The ramp at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code min + ((tick % periodTicks) / periodTicks) * (max - min)}
     */
    @Override
    public double value(long tick) {
        double pos = RustMath.u64ToDouble(tick) % periodTicks;
        return min + (pos / periodTicks) * span;
    }

    /**
     * The built-in provider of {@code type: sawtooth}: keys {@code min}, {@code max} and {@code
     * period_secs}, all required.
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "sawtooth";
        }

        @Override
        public Class<GeneratorSpec.Sawtooth> specClass() {
            return GeneratorSpec.Sawtooth.class;
        }

        @Override
        public String summary() {
            return "a linear ramp from min toward max that resets every period";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Sawtooth(
                    block.requiredNumber("min"), block.requiredNumber("max"), block.requiredNumber("period_secs"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Sawtooth s = Specs.as(this, spec, GeneratorSpec.Sawtooth.class);
            out.put("min", s.min()).put("max", s.max()).put("period_secs", s.periodSecs());
        }

        /**
         * Builds a {@link SawtoothGenerator} at the entry's rate, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Sawtooth}
         * @param context the entry's rate and jitter
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sawtooth}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Sawtooth s = Specs.as(this, spec, GeneratorSpec.Sawtooth.class);
            return context.withJitter(new SawtoothGenerator(s.min(), s.max(), s.periodSecs(), context.rate()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Sawtooth s = Specs.as(this, spec, GeneratorSpec.Sawtooth.class);
            return "sawtooth (min: " + Specs.text(s.min()) + ", max: " + Specs.text(s.max()) + ", period_secs: "
                    + Specs.text(s.periodSecs()) + ")";
        }
    }
}
