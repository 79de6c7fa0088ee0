package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

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

    /** The built-in provider of {@code type: constant} (key {@code value}, required). */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "constant";
        }

        @Override
        public Class<GeneratorSpec.Constant> specClass() {
            return GeneratorSpec.Constant.class;
        }

        @Override
        public String summary() {
            return "the same value at every tick";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Constant(block.requiredNumber("value"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            out.put("value", Specs.as(this, spec, GeneratorSpec.Constant.class).value());
        }

        /**
         * Builds a {@link ConstantGenerator}, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Constant}
         * @param context the entry's jitter
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Constant}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Constant c = Specs.as(this, spec, GeneratorSpec.Constant.class);
            return context.withJitter(new ConstantGenerator(c.value()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Constant c = Specs.as(this, spec, GeneratorSpec.Constant.class);
            return "constant (value: " + Specs.text(c.value()) + ")";
        }
    }
}
