package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;

/**
 * {@code type: sine}: {@code offset + amplitude * sin(2π·tick / periodTicks)} with {@code
 * periodTicks = periodSecs * rate} (Sonda 1.20 {@code generator/sine.rs}).
 *
 * <p>The argument is evaluated in the reference's order, {@code ((2.0 * PI) * tick) / periodTicks}.
 * The sine is {@link StrictMath#sin(double)} (fdlibm): the reference calls its platform's libm, and
 * the builds the golden vectors come from (wasm, and the musl-static Linux release) use the
 * fdlibm-derived musl routines, which {@code StrictMath} reproduces where {@link Math#sin(double)}
 * differs in the last bit for a few inputs (tick 40 of {@code gen_sine_basic}). Against a
 * glibc-linked reference the last bit may differ on a small fraction of ticks. The value at tick 0
 * is {@code offset}; a zero period gives NaN. Immutable and thread-safe.
 */
public final class SineGenerator implements ValueGenerator {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final double amplitude;
    private final double periodTicks;
    private final double offset;

    /**
     * Creates the generator.
     *
     * @param amplitude peak deviation from {@code offset}
     * @param periodSecs period in seconds; 0 yields NaN values, as in the reference
     * @param offset centre line of the wave
     * @param rate events per second, used to convert the period to ticks
     */
    public SineGenerator(double amplitude, double periodSecs, double offset, double rate) {
        this.amplitude = amplitude;
        this.periodTicks = periodSecs * rate;
        this.offset = offset;
    }

    /**
     * The wave at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code offset + amplitude * sin(((2π) * tick) / periodTicks)}
     */
    @Override
    public double value(long tick) {
        return offset + amplitude * StrictMath.sin(TWO_PI * RustMath.u64ToDouble(tick) / periodTicks);
    }

    /** The built-in provider of {@code type: sine}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "sine"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "sine";
        }

        /**
         * Builds a {@link SineGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Sine}
         * @param rate events per second
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sine}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Sine s) {
                return new SineGenerator(s.amplitude(), s.periodSecs(), s.offset(), rate);
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
