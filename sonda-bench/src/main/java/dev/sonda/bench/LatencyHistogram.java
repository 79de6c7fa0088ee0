package dev.sonda.bench;

/**
 * A log-linear histogram of non-negative durations in nanoseconds, for percentiles of event
 * lateness without storing every value: exact below 64 ns, then 32 buckets per power of two (a
 * relative error under 1.6% on reported percentiles). The maximum is kept exactly. Fixed size
 * (about 15 KiB), no allocation when recording. Not thread-safe: synchronize externally when
 * several threads record.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 64;
    private static final int SUB = 32;
    private static final int SIZE = LINEAR + (63 - 6) * SUB;

    private final long[] counts = new long[SIZE];
    private long count;
    private long max;
    private long negative;

    /** Creates an empty histogram. */
    public LatencyHistogram() {}

    /**
     * Records one duration. Negative durations are counted as 0 and tallied in {@link
     * #negative()}.
     *
     * @param nanos the duration in nanoseconds
     */
    public void record(long nanos) {
        if (nanos < 0) {
            negative++;
            nanos = 0;
        }
        counts[index(nanos)]++;
        count++;
        if (nanos > max) {
            max = nanos;
        }
    }

    /**
     * Adds every value recorded in {@code other} to this histogram.
     *
     * @param other another histogram, not modified
     */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
        negative += other.negative;
    }

    /**
     * Returns the number of recorded values.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * Returns the largest recorded value, exactly.
     *
     * @return the maximum in nanoseconds, 0 when empty
     */
    public long max() {
        return max;
    }

    /**
     * Returns how many negative durations were recorded (as 0).
     *
     * @return the number of negative values
     */
    public long negative() {
        return negative;
    }

    /**
     * Returns the value at a percentile: the midpoint of the bucket holding the value of rank
     * {@code ceil(p/100 · count)}, capped at the maximum.
     *
     * @param p the percentile, 0 to 100
     * @return the value in nanoseconds, 0 when empty
     */
    public long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, midpoint(i));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        return LINEAR + (msb - 6) * SUB + (int) ((v >>> (msb - 5)) - SUB);
    }

    static long midpoint(int index) {
        if (index < LINEAR) {
            return index;
        }
        int k = index - LINEAR;
        int shift = k / SUB + 1;
        long lower = (long) (k % SUB + SUB) << shift;
        return lower + (1L << shift) / 2;
    }
}
