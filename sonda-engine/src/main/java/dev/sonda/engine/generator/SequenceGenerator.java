package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
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

    /** The built-in provider of {@code type: sequence}, registered through {@code ServiceLoader}. */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        /**
         * Returns {@code "sequence"}.
         *
         * @return the type name
         */
        @Override
        public String type() {
            return "sequence";
        }

        /**
         * Builds a {@link SequenceGenerator}.
         *
         * @param spec a {@link GeneratorSpec.Sequence}
         * @param rate ignored
         * @return the generator
         * @throws InvalidScenarioException at {@code values} with "sequence generator requires at
         *     least one value" if the list is empty
         * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Sequence}
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, double rate) {
            if (spec instanceof GeneratorSpec.Sequence s) {
                List<Double> list = s.values();
                if (list.isEmpty()) {
                    throw new InvalidScenarioException(List.of(new Problem("values", EMPTY_MESSAGE)));
                }
                double[] values = new double[list.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = list.get(i);
                }
                return new SequenceGenerator(values, s.repeat());
            }
            throw Generators.wrongSpec(this, spec);
        }
    }
}
