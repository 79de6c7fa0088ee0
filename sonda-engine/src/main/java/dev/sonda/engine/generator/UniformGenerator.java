package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;

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

    /** The built-in provider of {@code type: uniform}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "uniform"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "uniform";
        }

        /**
         * Builds a {@link UniformGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Uniform}
         * @param rate ignored
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Uniform}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Uniform u) {
                return new UniformGenerator(u.min(), u.max(), u.seed());
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
