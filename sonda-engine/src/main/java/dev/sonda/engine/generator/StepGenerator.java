package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

/**
 * {@code type: step}: a counter, {@code start + tick * stepSize}, optionally wrapping (Sonda 1.20
 * {@code generator/step.rs}).
 *
 * <p>{@code raw = tick * stepSize}. When {@code max} is set and {@code max > start} (false for
 * NaN), the value is {@code start + remEuclid(raw, max - start)} ({@link RustMath#remEuclid(double,
 * double)}), which stays in {@code [start, max)} for negative steps too; otherwise it is {@code
 * start + raw}, unbounded. Example: start 0, step 1, max 3 gives 0, 1, 2, 0, 1, 2, … Immutable and
 * thread-safe.
 */
public final class StepGenerator implements ValueGenerator {
    private final double start;
    private final double stepSize;
    private final boolean wraps;
    private final double range;

    /**
     * Creates the generator.
     *
     * @param start the value at tick 0 (the reference's default is 0.0)
     * @param stepSize the increment per tick, may be negative
     * @param max the wrap bound, or null for an unbounded counter; ignored unless above {@code
     *     start}
     */
    public StepGenerator(double start, double stepSize, Double max) {
        this.start = start;
        this.stepSize = stepSize;
        this.wraps = max != null && max > start;
        this.range = wraps ? max - start : 0.0;
    }

    /**
     * The counter at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code start + remEuclid(tick * stepSize, max - start)} when wrapping, else {@code
     *     start + tick * stepSize}
     */
    @Override
    public double value(long tick) {
        double raw = RustMath.u64ToDouble(tick) * stepSize;
        return wraps ? start + RustMath.remEuclid(raw, range) : start + raw;
    }

    /**
     * The built-in provider of {@code type: step}: keys {@code step_size} (required), {@code start}
     * (default 0) and {@code max} (optional wrap bound).
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "step";
        }

        @Override
        public Class<GeneratorSpec.Step> specClass() {
            return GeneratorSpec.Step.class;
        }

        @Override
        public String summary() {
            return "a counter: start + tick * step_size, wrapping at max";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Step(
                    block.number("start", 0.0), block.requiredNumber("step_size"), block.number("max"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Step s = Specs.as(this, spec, GeneratorSpec.Step.class);
            out.put("start", s.start()).put("step_size", s.stepSize()).put("max", s.max());
        }

        /**
         * Builds a {@link StepGenerator}, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Step}
         * @param context the entry's jitter
         * @return the generator
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Step}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Step s = Specs.as(this, spec, GeneratorSpec.Step.class);
            return context.withJitter(new StepGenerator(s.start(), s.stepSize(), s.max()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            GeneratorSpec.Step s = Specs.as(this, spec, GeneratorSpec.Step.class);
            return "step (start: " + Specs.text(s.start()) + ", step_size: " + Specs.text(s.stepSize()) + ")";
        }
    }
}
