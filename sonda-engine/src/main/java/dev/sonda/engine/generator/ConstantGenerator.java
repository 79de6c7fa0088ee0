package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;

/**
 * {@code type: constant}: the same value at every tick (Sonda 1.20 {@code generator/constant.rs}).
 * Immutable and thread-safe.
 */
public final class ConstantGenerator implements ValueGenerator {
    private final double value;

    /**
     * Creates the generator.
     *
     * @param value the value returned at every tick, any double
     */
    public ConstantGenerator(double value) {
        this.value = value;
    }

    /**
     * Returns the constant.
     *
     * @param tick ignored
     * @return the value given at construction
     */
    @Override
    public double value(long tick) {
        return value;
    }

    /** The built-in provider of {@code type: constant}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "constant"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "constant";
        }

        /**
         * Builds a {@link ConstantGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Constant}
         * @param rate ignored
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Constant}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Constant c) {
                return new ConstantGenerator(c.value());
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
