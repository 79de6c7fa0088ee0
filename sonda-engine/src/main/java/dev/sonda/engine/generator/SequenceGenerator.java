package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.util.List;

/**
 * {@code type: sequence}: the listed values in order (Sonda 1.20 {@code generator/sequence.rs}).
 *
 * <p>With {@code repeat} the value at tick {@code t} is {@code values[t mod n]}, the modulo taken on
 * the unsigned tick; without it, {@code values[min(t, n - 1)]}, holding the last value. Immutable and
 * thread-safe (the values are copied at construction).
 */
public final class SequenceGenerator implements ValueGenerator {
    /** The reference's message for an empty list ({@code generator/mod.rs}). */
    static final String EMPTY_MESSAGE = "sequence generator requires at least one value";

    private final double[] values;
    private final boolean repeat;

    /**
     * Creates the generator.
     *
     * @param values the values to emit, at least one; copied
     * @param repeat whether to cycle ({@code true}, the reference's default) or hold the last value
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public SequenceGenerator(double[] values, boolean repeat) {
        if (values.length == 0) {
            throw new IllegalArgumentException(EMPTY_MESSAGE);
        }
        this.values = values.clone();
        this.repeat = repeat;
    }

    /**
     * The value at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code values[t mod n]} with repeat, else {@code values[min(t, n - 1)]}
     */
    @Override
    public double value(long tick) {
        return values[index(tick, values.length, repeat)];
    }

    /**
     * The index a replay of {@code length} values reads at {@code tick}: {@code t mod length} with
     * repeat, else {@code min(t, length - 1)}, on the unsigned tick. Shared with {@link
     * CsvReplayGenerator}.
     *
     * @param tick the event counter, unsigned
     * @param length the number of values, at least 1
     * @param repeat whether to cycle
     * @return the index, in {@code [0, length)}
     */
    static int index(long tick, int length, boolean repeat) {
        if (repeat) {
            return (int) Long.remainderUnsigned(tick, length);
        }
        long last = length - 1L;
        return (int) (Long.compareUnsigned(tick, last) < 0 ? tick : last);
    }

    /**
     * The built-in provider of {@code type: sequence}: keys {@code values} (a non-empty list of
     * numbers, required) and {@code repeat} (default true).
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "sequence";
        }

        @Override
        public Class<GeneratorSpec.Sequence> specClass() {
            return GeneratorSpec.Sequence.class;
        }

        @Override
        public String summary() {
            return "the listed values in order, cycling or holding the last";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            if (!block.has("values")) {
                block.problem(null, SpecMessages.missing("values"));
            }
            return new GeneratorSpec.Sequence(block.numbers("values"), block.bool("repeat", true));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.Sequence s = Specs.as(this, spec, GeneratorSpec.Sequence.class);
            out.put("values", s.values()).put("repeat", s.repeat());
        }

        /**
         * Builds a {@link SequenceGenerator}, with the entry's jitter.
         *
         * @param spec a {@link GeneratorSpec.Sequence}
         * @param context the entry's jitter and the block's path
         * @return the generator
         * @throws InvalidScenarioException at {@code values} under the block's path with "sequence
         *     generator requires at least one value" if the list is empty
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sequence}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            GeneratorSpec.Sequence s = Specs.checked(this, spec, GeneratorSpec.Sequence.class, context);
            List<Double> list = s.values();
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = list.get(i);
            }
            return context.withJitter(new SequenceGenerator(values, s.repeat()));
        }

        @Override
        public String display(GeneratorSpec spec) {
            return "sequence ("
                    + Specs.as(this, spec, GeneratorSpec.Sequence.class)
                            .values()
                            .size() + " values)";
        }
    }
}
