package dev.sonda.junit5;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The captured samples of one series (one metric name with one label set), in the order they
 * were delivered: an immutable snapshot, taken when {@link Captured} handed it out.
 *
 * <p>Values and timestamps are kept in primitive arrays; {@link Sample} objects are made only when
 * asked for. A series exists only once it has a sample, so it is never empty. Samples of two
 * entries that share a name and labels land in the same series, in arrival order.
 *
 * <p>Time questions are answered from the samples alone:
 *
 * <ul>
 *   <li>{@link #firstCrossing(String, double)}: the first sample that satisfies {@code value op
 *       threshold};
 *   <li>{@link #longestRunAbove(double)}: the longest stretch of consecutive samples above a
 *       threshold, measured from its first to its last sample (ten minutes of samples every 15 s
 *       span 9m45s). This is not what Prometheus' {@code for:} means; for alert timing use {@link
 *       ThresholdAlert} ({@link SeriesAssert#alertWhen}), which evaluates as Prometheus does;
 *   <li>{@link #gaps(Duration)}: neighbouring samples at least a given time apart;
 *   <li>{@link #rates(Duration)}: samples per second over fixed windows.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Series {
    private final Captured captured;
    private final String name;
    private final Map<String, String> labels;
    private final double[] values;
    private final long[] nanos;
    private final int size;
    private final long startNanos;

    /** The Prometheus stale marker: a NaN with these bits (Prometheus {@code value.StaleNaN}). */
    private static final long STALE_NAN_BITS = 0x7ff0000000000002L;

    Series(Captured captured, Recorder.SeriesView view, long startNanos) {
        this.captured = captured;
        this.name = view.name();
        this.labels = view.labels();
        this.values = view.values();
        this.nanos = view.nanos();
        this.size = view.size();
        this.startNanos = startNanos;
    }

    /** Whether {@code v} is the Prometheus stale marker (these NaN bits exactly). */
    static boolean isStaleMarker(double v) {
        return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
    }

    /**
     * The capture this series was taken from (for listing everything else in messages).
     *
     * @return the capture
     */
    public Captured captured() {
        return captured;
    }

    /**
     * The metric name.
     *
     * @return the name, such as {@code cpu_usage}
     */
    public String name() {
        return name;
    }

    /**
     * The series' labels.
     *
     * @return the labels, unmodifiable, iteration order unspecified
     */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * One label's value.
     *
     * @param key the label key
     * @return the value, or null when the series has no such label
     */
    public String label(String key) {
        return labels.get(key);
    }

    /**
     * The series as {@code name{key="value", ...}}, keys in code-point order.
     *
     * @return the series text
     */
    public String id() {
        return Text.series(name, labels);
    }

    /**
     * The number of samples.
     *
     * @return at least 1
     */
    public int size() {
        return size;
    }

    /**
     * The value of sample {@code i}.
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return the value
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double value(int i) {
        return values[Objects.checkIndex(i, size)];
    }

    /**
     * The timestamp of sample {@code i} in nanoseconds since the Unix epoch.
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return epoch nanoseconds
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long epochNanos(int i) {
        return nanos[Objects.checkIndex(i, size)];
    }

    /**
     * The timestamp of sample {@code i} in milliseconds since the Unix epoch (rounded down).
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return epoch milliseconds
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long epochMillis(int i) {
        return Math.floorDiv(epochNanos(i), 1_000_000L);
    }

    /**
     * The timestamp of sample {@code i}.
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return the instant
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public Instant timestamp(int i) {
        return Text.instant(epochNanos(i));
    }

    /**
     * The time from the run's start ({@link Captured#start()}) to sample {@code i}.
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return the offset
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public Duration offset(int i) {
        return Duration.ofNanos(epochNanos(i) - startNanos);
    }

    /**
     * Sample {@code i} as an object.
     *
     * @param i the sample's position, {@code 0 <= i < size()}
     * @return the sample
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public Sample sample(int i) {
        Objects.checkIndex(i, size);
        return new Sample(name, labels, values[i], Text.instant(nanos[i]), Duration.ofNanos(nanos[i] - startNanos));
    }

    /**
     * The first sample.
     *
     * @return the sample
     */
    public Sample first() {
        return sample(0);
    }

    /**
     * The last sample.
     *
     * @return the sample
     */
    public Sample last() {
        return sample(size - 1);
    }

    /**
     * Every sample, in delivery order; the objects are made as the list is read.
     *
     * @return an immutable list of {@link #size()} samples
     */
    public List<Sample> samples() {
        return new SampleList();
    }

    /**
     * The values, in delivery order.
     *
     * @return a new array of {@link #size()} values
     */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /**
     * The timestamps in milliseconds since the Unix epoch, in delivery order.
     *
     * @return a new array of {@link #size()} timestamps
     */
    public long[] epochMillis() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = Math.floorDiv(nanos[i], 1_000_000L);
        }
        return out;
    }

    /**
     * The smallest value; NaN values are skipped.
     *
     * @return the minimum, or NaN if every value is NaN
     */
    public double min() {
        double m = Double.NaN;
        for (int i = 0; i < size; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The largest value; NaN values are skipped.
     *
     * @return the maximum, or NaN if every value is NaN
     */
    public double max() {
        double m = Double.NaN;
        for (int i = 0; i < size; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The first sample whose value satisfies {@code value op threshold}, whatever came before it
     * (a series that starts above 90 crosses {@code > 90} at its first sample).
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return the sample, or empty if no sample satisfies the comparison
     * @throws IllegalArgumentException if {@code op} is not one of the four operators
     */
    public Optional<Sample> firstCrossing(String op, double threshold) {
        int i = firstIndex(Op.of(op), threshold);
        return i < 0 ? Optional.empty() : Optional.of(sample(i));
    }

    /**
     * The first sample whose value satisfies {@code value op threshold}.
     *
     * @param op {@link dev.sonda.api.Comparison#GREATER_THAN} or {@link
     *     dev.sonda.api.Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return the sample, or empty if no sample satisfies the comparison
     * @throws NullPointerException if {@code op} is null
     */
    public Optional<Sample> firstCrossing(dev.sonda.api.Comparison op, double threshold) {
        int i = firstIndex(Op.of(op), threshold);
        return i < 0 ? Optional.empty() : Optional.of(sample(i));
    }

    int firstIndex(Op op, double threshold) {
        for (int i = 0; i < size; i++) {
            if (op.test(values[i], threshold)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * How long the series stayed above {@code threshold}: the longest stretch of consecutive
     * samples with {@code value > threshold}, from the stretch's first sample to its last. Silences
     * between samples do not end a stretch; check them with {@link #gaps(Duration)}.
     *
     * @param threshold the threshold
     * @return the duration; {@link Duration#ZERO} if at most one consecutive sample is above
     */
    public Duration longestRunAbove(double threshold) {
        return longestRun(Op.GT, threshold);
    }

    /**
     * The longest stretch of consecutive samples that satisfy {@code value op threshold}, from the
     * stretch's first sample to its last.
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return the duration; {@link Duration#ZERO} if no stretch has two samples
     * @throws IllegalArgumentException if {@code op} is not one of the four operators
     */
    public Duration longestRun(String op, double threshold) {
        return longestRun(Op.of(op), threshold);
    }

    /**
     * The longest stretch of consecutive samples that satisfy {@code value op threshold}, from the
     * stretch's first sample to its last.
     *
     * @param op {@link dev.sonda.api.Comparison#GREATER_THAN} or {@link
     *     dev.sonda.api.Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return the duration; {@link Duration#ZERO} if no stretch has two samples
     * @throws NullPointerException if {@code op} is null
     */
    public Duration longestRun(dev.sonda.api.Comparison op, double threshold) {
        return longestRun(Op.of(op), threshold);
    }

    /**
     * How long the series stayed below {@code threshold}: the longest stretch of consecutive
     * samples with {@code value < threshold}, from the stretch's first sample to its last.
     *
     * @param threshold the threshold
     * @return the duration; {@link Duration#ZERO} if at most one consecutive sample is below
     */
    public Duration longestRunBelow(double threshold) {
        return longestRun(Op.LT, threshold);
    }

    Duration longestRun(Op op, double threshold) {
        int[] run = longestRunIndices(op, threshold);
        return run == null ? Duration.ZERO : Duration.ofNanos(nanos[run[1]] - nanos[run[0]]);
    }

    /**
     * Samples per second over fixed windows: the windows are {@code [first + k·window, first +
     * (k+1)·window)} from the first sample, and only complete ones (ending at or before the last
     * sample) count. At a steady rate {@code r} every window reads {@code r} (give or take one
     * sample per window when {@code r·window} is not whole); a burst shows as the windows it
     * covers reading {@code r·multiplier}, a gap as windows reading less.
     *
     * @param window the window length, such as {@code Duration.ofSeconds(10)}
     * @return events per second per complete window, in time order; empty when the samples span
     *     less than one window
     * @throws IllegalArgumentException if {@code window} is zero or negative
     * @throws NullPointerException if {@code window} is null
     */
    public double[] rates(Duration window) {
        return Rates.perWindow(nanos, size, window);
    }

    /** First and last index of the longest stretch (by time, then earliest), or null if none. */
    int[] longestRunIndices(Op op, double threshold) {
        int[] best = null;
        long bestSpan = -1;
        int start = -1;
        for (int i = 0; i <= size; i++) {
            boolean in = i < size && op.test(values[i], threshold);
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                long span = nanos[i - 1] - nanos[start];
                if (span > bestSpan) {
                    bestSpan = span;
                    best = new int[] {start, i - 1};
                }
                start = -1;
            }
        }
        return best;
    }

    /**
     * Every pair of neighbouring samples at least {@code atLeast} apart (see {@link Gap} for what a
     * gap's length means at a steady rate).
     *
     * @param atLeast the shortest gap to report
     * @return the gaps in order, possibly empty
     * @throws NullPointerException if {@code atLeast} is null
     */
    public List<Gap> gaps(Duration atLeast) {
        long min = atLeast.toNanos();
        List<Gap> out = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            if (nanos[i] - nanos[i - 1] >= min) {
                out.add(new Gap(sample(i - 1), sample(i)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The longest time between two neighbouring samples.
     *
     * @return the gap (the earliest of equal ones), or empty for a series of one sample
     */
    public Optional<Gap> longestGap() {
        int at = -1;
        long best = Long.MIN_VALUE;
        for (int i = 1; i < size; i++) {
            long d = nanos[i] - nanos[i - 1];
            if (d > best) {
                best = d;
                at = i;
            }
        }
        return at < 0 ? Optional.empty() : Optional.of(new Gap(sample(at - 1), sample(at)));
    }

    /**
     * A one-line summary: id, sample count, value range, first and last sample.
     *
     * @return the summary, such as {@code cpu_usage{host="a"}: 60 samples, values 40..97, first 40
     *     at +0s, last 45 at +19m40s}
     */
    public String summary() {
        return id() + ": " + size + (size == 1 ? " sample" : " samples") + ", values " + Text.value(min()) + ".."
                + Text.value(max()) + ", first " + Text.value(values[0]) + " at " + Text.offset(offset(0))
                + ", last " + Text.value(values[size - 1]) + " at " + Text.offset(offset(size - 1));
    }

    /**
     * The same as {@link #summary()}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return summary();
    }

    private final class SampleList extends AbstractList<Sample> implements RandomAccess {
        @Override
        public Sample get(int index) {
            return sample(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
