package dev.sonda.junit5;

import dev.sonda.api.Comparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractDurationAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one captured {@link Series}; start with {@link SondaAssertions#assertThat(Series)}
 * or {@link CapturedAssert#series(String, String...)}.
 *
 * <pre>{@code
 * assertThat(cpu).hasLabel("host", "a").hasValuesBetween(0, 100).hasSampleInterval(Duration.ofSeconds(15));
 * assertThat(cpu).firstSampleAbove(90).isAtOffset(Duration.ofMinutes(9));
 * assertThat(cpu).alertWhen(GREATER_THAN, 90).forDuration(Duration.ofMinutes(5)).firesAt(Duration.ofMinutes(14));
 * assertThat(cpu).staysBelowFor(50, Duration.ofMinutes(10));
 * assertThat(cpu).hasGapOfAtLeast(Duration.ofMinutes(5));
 * assertThat(requests).hasRateBetween(0.9, 1.1, Duration.ofMinutes(1));
 * assertThat(latency).startsAfter(backup).crosses(GREATER_THAN, 90);
 * }</pre>
 *
 * <p>Comparisons take the DSL's {@link Comparison} ({@code GREATER_THAN}, {@code LESS_THAN}, the
 * operators of {@code after:} and {@code while:}), the named forms ({@code firstSampleAbove}, {@code
 * staysBelowFor}, ...), or the text {@code >}, {@code >=}, {@code <} and {@code <=}; NaN values
 * satisfy none. Time is measured on the samples' timestamps, offsets from the run's start (see
 * {@link Series} for how runs and gaps are measured). Every failure message names the series,
 * says what was expected and what was found, and lists what was captured.
 */
public final class SeriesAssert extends AbstractAssert<SeriesAssert, Series> {

    SeriesAssert(Series actual) {
        super(actual, SeriesAssert.class);
    }

    private void fail(String expected, String found) {
        failWithMessage("%s", message(actual, expected, found));
    }

    static String message(Series series, String expected, String found) {
        return "\nExpecting " + series.id() + "\n  " + expected + "\nbut " + found + ".\nThe series: "
                + series.summary() + "\n" + series.captured().describe();
    }

    /**
     * Verifies the number of samples.
     *
     * @param expected the expected count
     * @return this assertion
     * @throws AssertionError if the count differs
     */
    public SeriesAssert hasSampleCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("to have " + expected + " samples", "it has " + actual.size());
        }
        return this;
    }

    /**
     * Verifies that there are at least {@code minimum} samples.
     *
     * @param minimum the smallest acceptable count
     * @return this assertion
     * @throws AssertionError if there are fewer
     */
    public SeriesAssert hasSampleCountAtLeast(int minimum) {
        isNotNull();
        if (actual.size() < minimum) {
            fail("to have at least " + minimum + " samples", "it has " + actual.size());
        }
        return this;
    }

    /**
     * Verifies one label.
     *
     * @param key the label key
     * @param value the expected value
     * @return this assertion
     * @throws AssertionError if the label is missing or has another value
     */
    public SeriesAssert hasLabel(String key, String value) {
        isNotNull();
        String found = actual.label(key);
        if (!Objects.equals(found, value)) {
            fail(
                    "to have label " + key + "=\"" + value + "\"",
                    found == null ? "it has no label " + key : "it has " + key + "=\"" + found + "\"");
        }
        return this;
    }

    /**
     * Verifies exactly the labels, no more and no fewer.
     *
     * @param labels label keys and values, alternating: {@code "host", "a", "zone", "eu1"}
     * @return this assertion
     * @throws AssertionError if the labels differ
     * @throws IllegalArgumentException if {@code labels} has an odd length
     */
    public SeriesAssert hasExactlyLabels(String... labels) {
        isNotNull();
        Captured.checkPairs(labels);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            expected.put(labels[i], labels[i + 1]);
        }
        if (!expected.equals(actual.labels())) {
            fail(
                    "to have exactly the labels " + Text.series("", expected),
                    "it has " + Text.series("", actual.labels()));
        }
        return this;
    }

    /**
     * Verifies that every value lies within {@code [min, max]}.
     *
     * @param min the lowest acceptable value
     * @param max the highest acceptable value
     * @return this assertion
     * @throws AssertionError if a value lies outside (or is NaN); the message gives the first such
     *     sample
     */
    public SeriesAssert hasValuesBetween(double min, double max) {
        isNotNull();
        for (int i = 0; i < actual.size(); i++) {
            double v = actual.value(i);
            if (!(v >= min && v <= max)) {
                fail(
                        "to have every value within [" + Text.value(min) + ", " + Text.value(max) + "]",
                        "sample " + i + " is " + actual.sample(i));
            }
        }
        return this;
    }

    /**
     * Verifies every value, in order (a {@code sequence} generator's output, for example).
     *
     * @param expected the expected values, compared with {@link Double#compare} (so NaN equals NaN)
     * @return this assertion
     * @throws AssertionError if the count or a value differs; the message gives the first difference
     */
    public SeriesAssert hasValues(double... expected) {
        isNotNull();
        String wanted = "to have the " + expected.length + " values " + brief(expected);
        checkPrefix(expected, wanted);
        if (actual.size() != expected.length) {
            fail(wanted, "it has " + actual.size() + " values");
        }
        return this;
    }

    /**
     * Verifies the first values, in order.
     *
     * @param expected the expected first values, compared with {@link Double#compare}
     * @return this assertion
     * @throws AssertionError if there are fewer samples or a value differs; the message gives the
     *     first difference
     */
    public SeriesAssert startsWithValues(double... expected) {
        isNotNull();
        checkPrefix(expected, "to start with the " + expected.length + " values " + brief(expected));
        return this;
    }

    private void checkPrefix(double[] expected, String wanted) {
        int n = Math.min(expected.length, actual.size());
        for (int i = 0; i < n; i++) {
            if (Double.compare(actual.value(i), expected[i]) != 0) {
                fail(
                        wanted,
                        "sample " + i + " is " + Text.value(actual.value(i)) + " instead of " + Text.value(expected[i])
                                + " (" + actual.sample(i) + ")");
            }
        }
        if (actual.size() < expected.length) {
            fail(wanted, "it has only " + actual.size() + " values");
        }
    }

    private static String brief(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length && i < 20; i++) {
            sb.append(i == 0 ? "" : ", ").append(Text.value(values[i]));
        }
        return sb.append(values.length > 20 ? ", ...]" : "]").toString();
    }

    /**
     * Moves on to assertions on the largest value.
     *
     * @return a double assertion described with the series
     */
    public AbstractDoubleAssert<?> maxValue() {
        isNotNull();
        return Assertions.assertThat(actual.max()).as("max value of %s", actual.summary());
    }

    /**
     * Moves on to assertions on the smallest value.
     *
     * @return a double assertion described with the series
     */
    public AbstractDoubleAssert<?> minValue() {
        isNotNull();
        return Assertions.assertThat(actual.min()).as("min value of %s", actual.summary());
    }

    /**
     * Moves on to assertions on the first sample.
     *
     * @return a sample assertion
     */
    public SampleAssert firstSample() {
        isNotNull();
        return new SampleAssert(actual.first(), "first sample of " + actual.id(), actual);
    }

    /**
     * Moves on to assertions on the last sample.
     *
     * @return a sample assertion
     */
    public SampleAssert lastSample() {
        isNotNull();
        return new SampleAssert(actual.last(), "last sample of " + actual.id(), actual);
    }

    /**
     * Verifies that the first sample comes at this offset from the run's start (such as an entry's
     * {@code phase_offset} or {@code after:} start).
     *
     * @param offset the expected offset
     * @return this assertion
     * @throws AssertionError if the first sample comes at another offset
     */
    public SeriesAssert startsAtOffset(Duration offset) {
        isNotNull();
        if (!actual.offset(0).equals(offset)) {
            fail("to start at " + Text.offset(offset), "its first sample is " + actual.first());
        }
        return this;
    }

    /**
     * Moves on to the first sample that satisfies {@code value op threshold}, to check when it
     * came: {@code firstCrossing(">", 90).isAtOffset(Duration.ofMinutes(9))}.
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample satisfies the comparison
     * @throws IllegalArgumentException if {@code op} is not one of the four operators
     */
    public SampleAssert firstCrossing(String op, double threshold) {
        return firstCrossing(Op.of(op), threshold);
    }

    /**
     * Moves on to the first sample that satisfies {@code value op threshold}: {@code
     * firstCrossing(GREATER_THAN, 90).isAtOffset(Duration.ofMinutes(9))}.
     *
     * @param op {@link Comparison#GREATER_THAN} or {@link Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample satisfies the comparison
     */
    public SampleAssert firstCrossing(Comparison op, double threshold) {
        return firstCrossing(Op.of(op), threshold);
    }

    /**
     * Moves on to the first sample above {@code threshold} ({@code value > threshold}).
     *
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample is above
     */
    public SampleAssert firstSampleAbove(double threshold) {
        return firstCrossing(Op.GT, threshold);
    }

    /**
     * Moves on to the first sample at or above {@code threshold} ({@code value >= threshold}).
     *
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample is at or above
     */
    public SampleAssert firstSampleAtLeast(double threshold) {
        return firstCrossing(Op.GE, threshold);
    }

    /**
     * Moves on to the first sample below {@code threshold} ({@code value < threshold}).
     *
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample is below
     */
    public SampleAssert firstSampleBelow(double threshold) {
        return firstCrossing(Op.LT, threshold);
    }

    /**
     * Moves on to the first sample at or below {@code threshold} ({@code value <= threshold}).
     *
     * @param threshold the threshold
     * @return assertions on that sample
     * @throws AssertionError if no sample is at or below
     */
    public SampleAssert firstSampleAtMost(double threshold) {
        return firstCrossing(Op.LE, threshold);
    }

    private SampleAssert firstCrossing(Op o, double threshold) {
        isNotNull();
        int i = actual.firstIndex(o, threshold);
        if (i < 0) {
            fail(
                    "to cross " + o + " " + Text.value(threshold),
                    "no sample did (values " + Text.value(actual.min()) + ".." + Text.value(actual.max()) + ")");
        }
        return new SampleAssert(
                actual.sample(i),
                "first crossing of " + o + " " + Text.value(threshold) + " by " + actual.id(),
                actual);
    }

    /**
     * Verifies that no sample satisfies {@code value op threshold}.
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return this assertion
     * @throws AssertionError if a sample does; the message gives the first
     * @throws IllegalArgumentException if {@code op} is not one of the four operators
     */
    public SeriesAssert neverCrosses(String op, double threshold) {
        return neverCrosses(Op.of(op), threshold);
    }

    /**
     * Verifies that no sample satisfies {@code value op threshold}.
     *
     * @param op {@link Comparison#GREATER_THAN} or {@link Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return this assertion
     * @throws AssertionError if a sample does; the message gives the first
     */
    public SeriesAssert neverCrosses(Comparison op, double threshold) {
        return neverCrosses(Op.of(op), threshold);
    }

    /**
     * Verifies that no sample is above {@code threshold}.
     *
     * @param threshold the threshold
     * @return this assertion
     * @throws AssertionError if a sample is; the message gives the first
     */
    public SeriesAssert neverGoesAbove(double threshold) {
        return neverCrosses(Op.GT, threshold);
    }

    /**
     * Verifies that no sample is below {@code threshold}.
     *
     * @param threshold the threshold
     * @return this assertion
     * @throws AssertionError if a sample is; the message gives the first
     */
    public SeriesAssert neverGoesBelow(double threshold) {
        return neverCrosses(Op.LT, threshold);
    }

    private SeriesAssert neverCrosses(Op o, double threshold) {
        isNotNull();
        int i = actual.firstIndex(o, threshold);
        if (i >= 0) {
            fail("never to cross " + o + " " + Text.value(threshold), "it did first at " + actual.sample(i));
        }
        return this;
    }

    /**
     * Moves on to how long the series stayed above {@code threshold} ({@link
     * Series#longestRunAbove(double)}): {@code longestRunAbove(90).isGreaterThanOrEqualTo(ofMinutes(5))}.
     *
     * @param threshold the threshold
     * @return a duration assertion described with the stretch found
     */
    public AbstractDurationAssert<?> longestRunAbove(double threshold) {
        isNotNull();
        return Assertions.assertThat(actual.longestRunAbove(threshold))
                .as("longest run above %s of %s (%s)", Text.value(threshold), actual.id(), runText(Op.GT, threshold));
    }

    /**
     * Verifies that the series stayed above {@code threshold} for at least {@code atLeast}: some
     * stretch of consecutive samples above it spans that long, first sample to last.
     *
     * @param threshold the threshold
     * @param atLeast the shortest acceptable stretch
     * @return this assertion
     * @throws AssertionError if every stretch is shorter
     */
    public SeriesAssert staysAboveFor(double threshold, Duration atLeast) {
        return staysFor(Op.GT, "above", threshold, atLeast);
    }

    /**
     * Verifies that the series stayed below {@code threshold} for at least {@code atLeast}: some
     * stretch of consecutive samples below it spans that long, first sample to last.
     *
     * @param threshold the threshold
     * @param atLeast the shortest acceptable stretch
     * @return this assertion
     * @throws AssertionError if every stretch is shorter
     */
    public SeriesAssert staysBelowFor(double threshold, Duration atLeast) {
        return staysFor(Op.LT, "below", threshold, atLeast);
    }

    private SeriesAssert staysFor(Op op, String word, double threshold, Duration atLeast) {
        isNotNull();
        if (actual.longestRun(op, threshold).compareTo(atLeast) < 0) {
            fail(
                    "to stay " + word + " " + Text.value(threshold) + " for at least " + Text.duration(atLeast),
                    "its longest run " + word + " it " + runText(op, threshold));
        }
        return this;
    }

    /**
     * Moves on to how long the series stayed below {@code threshold} ({@link
     * Series#longestRunBelow(double)}).
     *
     * @param threshold the threshold
     * @return a duration assertion described with the stretch found
     */
    public AbstractDurationAssert<?> longestRunBelow(double threshold) {
        isNotNull();
        return Assertions.assertThat(actual.longestRunBelow(threshold))
                .as("longest run below %s of %s (%s)", Text.value(threshold), actual.id(), runText(Op.LT, threshold));
    }

    /**
     * Starts a threshold alert rule over this series, evaluated as Prometheus evaluates alerting
     * rules ({@link ThresholdAlert}): set it up with {@code forDuration}, {@code keepFiringFor},
     * {@code evaluatedEvery}, then assert when it goes pending, fires and resolves.
     *
     * @param op {@link Comparison#GREATER_THAN} or {@link Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return the rule's stage, {@code for: 0}, evaluated every minute
     */
    public ThresholdAlertAssert alertWhen(Comparison op, double threshold) {
        isNotNull();
        return new ThresholdAlertAssert(actual, ThresholdAlert.when(op, threshold));
    }

    /**
     * Starts a threshold alert rule over this series with the operator as written in PromQL.
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return the rule's stage, {@code for: 0}, evaluated every minute
     * @throws IllegalArgumentException if {@code op} is none of the four
     */
    public ThresholdAlertAssert alertWhen(String op, double threshold) {
        isNotNull();
        return new ThresholdAlertAssert(actual, ThresholdAlert.when(op, threshold));
    }

    /**
     * Verifies that neighbouring samples are {@code interval} apart, every one of them (to within
     * a microsecond: the engine keeps time in whole nanoseconds, so an interval such as 1/3 s is
     * rounded). A series from {@code .every(Duration.ofSeconds(15))} without gaps or bursts has
     * an interval of 15 s.
     *
     * @param interval the expected interval
     * @return this assertion
     * @throws AssertionError if some neighbours are another distance apart; the message lists the
     *     first
     */
    public SeriesAssert hasSampleInterval(Duration interval) {
        isNotNull();
        long want = interval.toNanos();
        List<String> off = new ArrayList<>();
        int count = 0;
        for (int i = 1; i < actual.size(); i++) {
            long d = actual.epochNanos(i) - actual.epochNanos(i - 1);
            if (Math.abs(d - want) > 1_000) {
                count++;
                if (off.size() < 5) {
                    off.add(Text.duration(Duration.ofNanos(d)) + " from " + Text.offset(actual.offset(i - 1)) + " to "
                            + Text.offset(actual.offset(i)));
                }
            }
        }
        if (count > 0) {
            fail(
                    "to have its samples " + Text.duration(interval) + " apart",
                    count + " neighbours are not: " + String.join(", ", off) + (count > off.size() ? ", ..." : ""));
        }
        return this;
    }

    /**
     * Verifies the rate of samples in every complete window ({@link Series#rates(Duration)}): each
     * lies within {@code [min, max]} samples per second.
     *
     * @param min the lowest acceptable rate, samples per second
     * @param max the highest acceptable rate, samples per second
     * @param window the window length
     * @return this assertion
     * @throws AssertionError if a window's rate lies outside, or no window is complete
     */
    public SeriesAssert hasRateBetween(double min, double max, Duration window) {
        isNotNull();
        String found = Rates.outside(actual.rates(window), min, max, window, actual.offset(0));
        if (found != null) {
            fail(Rates.expectation(min, max, window), found);
        }
        return this;
    }

    /**
     * Moves on to the highest rate over the complete windows ({@link Series#rates(Duration)}), such
     * as a burst's: {@code maxRate(ofSeconds(5)).isEqualTo(10.0)}.
     *
     * @param window the window length
     * @return a double assertion described with the rates (NaN when no window is complete)
     */
    public AbstractDoubleAssert<?> maxRate(Duration window) {
        isNotNull();
        double[] rates = actual.rates(window);
        double max = java.util.Arrays.stream(rates).max().orElse(Double.NaN);
        return Assertions.assertThat(max).as("highest rate of %s (%s)", actual.id(), Rates.describe(rates, window));
    }

    /**
     * Moves on to the lowest rate over the complete windows ({@link Series#rates(Duration)}), such
     * as the base rate between bursts.
     *
     * @param window the window length
     * @return a double assertion described with the rates (NaN when no window is complete)
     */
    public AbstractDoubleAssert<?> minRate(Duration window) {
        isNotNull();
        double[] rates = actual.rates(window);
        double min = java.util.Arrays.stream(rates).min().orElse(Double.NaN);
        return Assertions.assertThat(min).as("lowest rate of %s (%s)", actual.id(), Rates.describe(rates, window));
    }

    private String runText(Op op, double threshold) {
        int[] run = actual.longestRunIndices(op, threshold);
        if (run == null) {
            return "no sample is " + op + " " + Text.value(threshold);
        }
        return "lasts " + Text.duration(Duration.ofNanos(actual.epochNanos(run[1]) - actual.epochNanos(run[0])))
                + ", " + (run[1] - run[0] + 1) + " samples from " + Text.offset(actual.offset(run[0])) + " to "
                + Text.offset(actual.offset(run[1]));
    }

    /**
     * Verifies that two neighbouring samples are at least {@code length} apart (see {@link Gap}:
     * a {@code gaps:} window of 20 s at rate 1 is a gap of 21 s).
     *
     * @param length the shortest gap to look for
     * @return this assertion
     * @throws AssertionError if every gap is shorter; the message gives the longest
     */
    public SeriesAssert hasGapOfAtLeast(Duration length) {
        isNotNull();
        Optional<Gap> longest = actual.longestGap();
        if (longest.isEmpty() || longest.get().length().compareTo(length) < 0) {
            fail(
                    "to have a gap of at least " + Text.duration(length),
                    longest.map(g -> "its longest gap is " + g).orElse("it has a single sample"));
        }
        return this;
    }

    /**
     * Verifies that no two neighbouring samples are more than {@code length} apart.
     *
     * @param length the longest acceptable gap
     * @return this assertion
     * @throws AssertionError if a gap is longer; the message lists them
     */
    public SeriesAssert hasNoGapLongerThan(Duration length) {
        isNotNull();
        List<Gap> longer = actual.gaps(length.plusNanos(1));
        if (!longer.isEmpty()) {
            fail(
                    "to have no gap longer than " + Text.duration(length),
                    "it has " + longer.size() + ": " + longer.subList(0, Math.min(10, longer.size())));
        }
        return this;
    }

    /**
     * Moves on to the longest time between neighbouring samples.
     *
     * @return a duration assertion described with the gap ({@link Duration#ZERO} for a single
     *     sample)
     */
    public AbstractDurationAssert<?> longestGap() {
        isNotNull();
        Optional<Gap> gap = actual.longestGap();
        return Assertions.assertThat(gap.map(Gap::length).orElse(Duration.ZERO))
                .as(
                        "longest gap of %s (%s)",
                        actual.id(), gap.map(Gap::toString).orElse("a single sample"));
    }

    /**
     * Starts a check that this series begins only once {@code upstream} crossed a threshold, as
     * an {@code after:} entry does;
     * finish it with {@link StartsAfter#crosses(String, double)}: {@code
     * assertThat(latency).startsAfter(backup).crosses(">", 90)}.
     *
     * @param upstream the series whose crossing must come first
     * @return the pending check
     * @throws NullPointerException if {@code upstream} is null
     */
    public StartsAfter startsAfter(Series upstream) {
        isNotNull();
        return new StartsAfter(Objects.requireNonNull(upstream, "upstream"));
    }

    /** The second half of {@link #startsAfter(Series)}. */
    public final class StartsAfter {
        private final Series upstream;

        private StartsAfter(Series upstream) {
            this.upstream = upstream;
        }

        /**
         * Verifies that the series began only once {@code upstream} had crossed the threshold: its
         * first sample comes after the last upstream sample that did not yet satisfy {@code value op
         * threshold}.
         *
         * <p>From samples alone a crossing is known to lie between that last sample and the first
         * one that satisfies the comparison. An {@code after:} start is computed from the
         * upstream generator's shape, so it may fall anywhere in that interval: a ramp at one
         * sample per second can cross 90 at {@code +6m22.5s}, between samples at {@code +6m22s} and
         * {@code +6m23s}, and the dependent entry starts right then. If the upstream's first sample
         * already satisfies the comparison, the series must start no earlier than that sample.
         *
         * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
         * @param threshold the upstream threshold
         * @return the series assertion, to go on
         * @throws AssertionError if the upstream never crosses, or the series starts before it did
         * @throws IllegalArgumentException if {@code op} is not one of the four operators
         */
        public SeriesAssert crosses(String op, double threshold) {
            return crosses(Op.of(op), threshold);
        }

        /**
         * Verifies that the series began only once {@code upstream} had crossed the threshold, as
         * {@link #crosses(String, double)} does, with the DSL's comparison (the one the {@code
         * after:} clause names).
         *
         * @param op {@link Comparison#GREATER_THAN} or {@link Comparison#LESS_THAN}
         * @param threshold the upstream threshold
         * @return the series assertion, to go on
         * @throws AssertionError if the upstream never crosses, or the series starts before it did
         */
        public SeriesAssert crosses(Comparison op, double threshold) {
            return crosses(Op.of(op), threshold);
        }

        private SeriesAssert crosses(Op o, double threshold) {
            String expected = "to start only after " + upstream.id() + " crosses " + o + " " + Text.value(threshold);
            int i = upstream.firstIndex(o, threshold);
            if (i < 0) {
                fail(
                        expected,
                        upstream.id() + " never crossed it (values " + Text.value(upstream.min()) + ".."
                                + Text.value(upstream.max()) + ")");
            }
            long first = actual.epochNanos(0);
            if (i == 0 && first < upstream.epochNanos(0)) {
                fail(
                        expected,
                        "it started before " + upstream.id() + " began: its first sample is " + actual.first()
                                + ", the upstream's first sample, already past the threshold, is "
                                + upstream.sample(0));
            }
            if (i > 0 && first <= upstream.epochNanos(i - 1)) {
                fail(
                        expected,
                        "it started before the crossing: its first sample is " + actual.first()
                                + ", when the upstream had not crossed yet (" + upstream.sample(i - 1)
                                + "); the upstream crossed between " + Text.offset(upstream.offset(i - 1)) + " and "
                                + Text.offset(upstream.offset(i)) + " (" + upstream.sample(i) + ")");
            }
            return SeriesAssert.this;
        }
    }
}
