package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;

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

    /** The built-in provider of {@code type: sawtooth}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "sawtooth"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "sawtooth";
        }

        /**
         * Builds a {@link SawtoothGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Sawtooth}
         * @param rate events per second
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sawtooth}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Sawtooth s) {
                return new SawtoothGenerator(s.min(), s.max(), s.periodSecs(), rate);
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
