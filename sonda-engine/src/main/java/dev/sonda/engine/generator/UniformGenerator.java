package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

/**
 * {@code type: uniform}: deterministic pseudo-random values, {@code min + unit(mix(seed ^ tick)) *
 * (max - min)} (Sonda 1.20 {@code generator/uniform.rs}; {@link SplitMix64#mix(long)}, {@link
 * SplitMix64#unit(long)}).
 *
 * <p>A pure function of (seed, tick): the range is inclusive, {@code [min, max]}. Anchors: seed 42,
 * {@code [10, 90]}, ticks 0..2 give 69.32519030174588, 68.2543018631486, 27.068700996215277.
 * Immutable and thread-safe.
 */
public final class UniformGenerator implements ValueGenerator {
    private final double min;
    private final double span;
    private final long seed;

    /**
     * Creates the generator.
     *
     * @param min lower bound, inclusive
     * @param max upper bound, inclusive
     * @param seed 64-bit seed, read as unsigned (the reference's default is 0)
     */
    public UniformGenerator(double min, double max, long seed) {
        this.min = min;
        this.span = max - min;
        this.seed = seed;
    }

    /**
     * The pseudo-random value at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return a value in {@code [min, max]}
     */
    @Override
    public double value(long tick) {
        return min + SplitMix64.unit(SplitMix64.mix(seed ^ tick)) * span;
    }

    /**
     * The built-in provider of {@code type: uniform}: keys {@code min} and {@code max} (required)
     * and {@code seed} (0 to 18446744073709551615, default 0).
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "uniform";
        }

        @Override
        public Class<GeneratorSpec.Uniform> specClass() {
            return GeneratorSpec.Uniform.class;
        }

        @Override
        public String summary() {
            return "seeded pseudo-random values in [min, max]";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            Long seed = block.unsigned64("seed");
            return new GeneratorSpec.Uniform(block.requiredNumber("min"), block.requiredNumber("max"), seed);
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Uniform u = Specs.as(this, spec, GeneratorSpec.Uniform.class);
            out.put("min", u.min()).put("max", u.max());
            if (u.seed() != null) {
                out.putUnsigned("seed", u.seed());
            }
        }

        /**
         * Builds a {@link UniformGenerator}, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Uniform}
         * @param context the entry's jitter
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Uniform}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Uniform u = Specs.as(this, spec, GeneratorSpec.Uniform.class);
            return context.withJitter(new UniformGenerator(u.min(), u.max(), context.seed(u.seed())));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Uniform u = Specs.as(this, spec, GeneratorSpec.Uniform.class);
            return "uniform (min: " + Specs.text(u.min()) + ", max: " + Specs.text(u.max()) + ")";
        }
    }
}
