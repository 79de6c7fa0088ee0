package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

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

    /**
     * The built-in provider of {@code type: sine}: keys {@code amplitude}, {@code period_secs} and
     * {@code offset}, all required.
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "sine";
        }

        @Override
        public Class<GeneratorSpec.Sine> specClass() {
            return GeneratorSpec.Sine.class;
        }

        @Override
        public String summary() {
            return "a sine wave: offset + amplitude * sin(2 pi t / period)";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Sine(
                    block.requiredNumber("amplitude"),
                    block.requiredNumber("period_secs"),
                    block.requiredNumber("offset"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Sine s = Specs.as(this, spec, GeneratorSpec.Sine.class);
            out.put("amplitude", s.amplitude())
                    .put("period_secs", s.periodSecs())
                    .put("offset", s.offset());
        }

        /**
         * Builds a {@link SineGenerator} at the entry's rate, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Sine}
         * @param context the entry's rate and jitter
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sine}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Sine s = Specs.as(this, spec, GeneratorSpec.Sine.class);
            return context.withJitter(new SineGenerator(s.amplitude(), s.periodSecs(), s.offset(), context.rate()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Sine s = Specs.as(this, spec, GeneratorSpec.Sine.class);
            return "sine (amplitude: " + Specs.text(s.amplitude()) + ", period_secs: " + Specs.text(s.periodSecs())
                    + ", offset: " + Specs.text(s.offset()) + ")";
        }
    }
}
