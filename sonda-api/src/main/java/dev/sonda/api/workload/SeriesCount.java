package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.Objects;

/**
 * How many series of each metric are live over time (YAML {@code churn.series_count}), as
 * avalanche's {@code --series-operation-mode} does: every {@code every}, the count changes. The
 * live series are always the first ones of the metric's label space; a count above the space's
 * size means all of it. Series that go and come back are new series (counters restart from 0).
 */
public sealed interface SeriesCount {

    /**
     * The YAML {@code mode}.
     *
     * @return such as {@code gradual}
     */
    String mode();

    /**
     * The interval between changes.
     *
     * @return the interval
     */
    Duration every();

    /**
     * Adds every problem of the settings.
     *
     * @param path where the block sits
     * @param problems the collector
     */
    void validate(String path, Problems problems);

    /**
     * {@code gradual} (avalanche {@code gradual-change}): starts at {@code min}; each interval adds
     * {@code step} until {@code max} is reached, then takes {@code step} away until it would go
     * below {@code min}, where it turns again (holding {@code min} for that interval).
     *
     * @param min the lowest count, at least 0
     * @param max the highest count, above {@code min}
     * @param step the change per interval, at least 1
     * @param every the interval
     */
    record Gradual(long min, long max, long step, Duration every) implements SeriesCount {
        /** The YAML mode, {@code gradual}. */
        public static final String MODE = "gradual";

        /**
         * Creates the record.
         *
         * @param min the lowest count
         * @param max the highest count
         * @param step the change per interval
         * @param every the interval
         * @throws NullPointerException if {@code every} is null
         */
        public Gradual {
            Objects.requireNonNull(every, "every");
        }

        @Override
        public String mode() {
            return MODE;
        }

        @Override
        public void validate(String path, Problems problems) {
            Checks.atLeast(min, 0, path, "min", problems);
            if (max <= min) {
                problems.add(path + ".max", "max (" + max + ") must be greater than min (" + min + ")");
            }
            Checks.atLeast(step, 1, path, "step", problems);
            Checks.positive(every, path, "every", problems);
        }
    }

    /**
     * {@code double_halve} (avalanche {@code double-halve}): {@code start}, then twice as many for
     * one interval, then {@code start} again, alternating.
     *
     * @param start the count in even intervals, at least 1
     * @param every the interval
     */
    record DoubleHalve(long start, Duration every) implements SeriesCount {
        /** The YAML mode, {@code double_halve}. */
        public static final String MODE = "double_halve";

        /**
         * Creates the record.
         *
         * @param start the base count
         * @param every the interval
         * @throws NullPointerException if {@code every} is null
         */
        public DoubleHalve {
            Objects.requireNonNull(every, "every");
        }

        @Override
        public String mode() {
            return MODE;
        }

        @Override
        public void validate(String path, Problems problems) {
            Checks.atLeast(start, 1, path, "start", problems);
            Checks.positive(every, path, "every", problems);
        }
    }

    /**
     * {@code spike} (avalanche {@code spike}): {@code base} series, and {@code floor(base ·
     * multiplier)} in every other interval.
     *
     * @param base the count outside spikes, at least 1
     * @param multiplier the factor during a spike, at least 1
     * @param every the interval
     */
    record Spike(long base, double multiplier, Duration every) implements SeriesCount {
        /** The YAML mode, {@code spike}. */
        public static final String MODE = "spike";

        /**
         * Creates the record.
         *
         * @param base the base count
         * @param multiplier the spike factor
         * @param every the interval
         * @throws NullPointerException if {@code every} is null
         */
        public Spike {
            Objects.requireNonNull(every, "every");
        }

        @Override
        public String mode() {
            return MODE;
        }

        @Override
        public void validate(String path, Problems problems) {
            Checks.atLeast(base, 1, path, "base", problems);
            if (!(multiplier >= 1 && Double.isFinite(multiplier))) {
                problems.add(
                        path + ".multiplier",
                        "multiplier must be finite and at least 1, got " + FloatText.display(multiplier));
            }
            Checks.positive(every, path, "every", problems);
        }
    }
}
