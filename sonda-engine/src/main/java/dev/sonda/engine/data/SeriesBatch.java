package dev.sonda.engine.data;

import dev.sonda.api.MetricType;
import java.util.function.Function;

/**
 * One tick of one metric of a workload: every live series of the metric, read by position, with
 * no object per series. Valid only during the call it is passed to; the engine reuses it.
 *
 * <p>A series is identified by its position {@code 0 <= series < size()}. Its labels are {@link
 * #labelCount()} name/value pairs sorted by name (the entry's static labels, the label space's
 * labels and, under series churn, the cycle label); values come from the workload's label tables,
 * so reading them allocates nothing. A position holds the same series from tick to tick until
 * {@link #startEpochNanos(int)} changes, which marks a new series (created by churn, or a counter
 * reset).
 *
 * <p>Values by type:
 *
 * <ul>
 *   <li>gauge and counter: {@link #value(int)} (a counter's is its cumulative total);
 *   <li>histogram: {@link #bucketCount()} finite upper bounds {@link #bucketBound(int)}, ascending;
 *       {@link #bucket(int, int)} the cumulative number of observations in bucket {@code b} since
 *       the series started, per bucket (not cumulative over buckets), {@code b = bucketCount()}
 *       being the one above the highest bound; {@link #sum(int)} and {@link #count(int)};
 *   <li>summary: {@link #quantileCount()} quantiles {@link #quantile(int)} and their values {@link
 *       #quantileValue(int, int)} over the metric's window, {@link #sum(int)} and {@link
 *       #count(int)} since the series started.
 * </ul>
 *
 * <p>{@link #parts()}, {@link #partValue(int, int)} and {@link #prepared(int, int, Function)} give
 * the same data in the Prometheus exposition layout of {@link Series} (a histogram's buckets, sum
 * and count as separate series), for sinks that take one sample at a time; {@code
 * Sink.batch}'s default goes that way.
 */
public interface SeriesBatch {

    /**
     * The metric name as delivered: the push prefix, then the metric's name (with its churn cycle
     * when metric names rotate).
     *
     * @return the name
     */
    String name();

    /**
     * The metric type.
     *
     * @return gauge, counter, histogram or summary
     */
    MetricType type();

    /**
     * The {@code # HELP} text.
     *
     * @return the text, or null
     */
    String help();

    /**
     * The tick's timestamp, on the run's clock.
     *
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    long epochNanos();

    /**
     * The number of live series.
     *
     * @return at least 0
     */
    int size();

    /**
     * The number of labels of every series.
     *
     * @return at least 0
     */
    int labelCount();

    /**
     * The name of label {@code k}; names ascend with {@code k} (code point order).
     *
     * @param k from 0 to {@link #labelCount()} - 1
     * @return the name
     */
    String labelName(int k);

    /**
     * The value of label {@code k} of a series, from the workload's tables (no allocation).
     *
     * @param series the position
     * @param k the label
     * @return the value
     */
    String labelValue(int series, int k);

    /**
     * When the series at this position started: the tick it was created at or a counter last
     * restarted from 0 (OTLP {@code start_time_unix_nano} of a cumulative point).
     *
     * @param series the position
     * @return nanoseconds since the epoch
     */
    long startEpochNanos(int series);

    /**
     * A gauge's value or a counter's total.
     *
     * @param series the position
     * @return the value
     */
    double value(int series);

    /**
     * A histogram's finite bounds.
     *
     * @return their number; 0 for other types
     */
    int bucketCount();

    /**
     * A histogram's bound {@code b}.
     *
     * @param b from 0 to {@link #bucketCount()} - 1
     * @return the upper bound (observations {@code <=} it fall in bucket {@code b} or below)
     */
    double bucketBound(int b);

    /**
     * Observations in one bucket: above bound {@code b - 1} and at most bound {@code b}.
     *
     * @param series the position
     * @param b from 0 to {@link #bucketCount()}; the last is above every bound
     * @return the count since the series started
     */
    long bucket(int series, int b);

    /**
     * The sum of a histogram's or summary's observations since the series started.
     *
     * @param series the position
     * @return the sum
     */
    double sum(int series);

    /**
     * The number of a histogram's or summary's observations since the series started.
     *
     * @param series the position
     * @return the count
     */
    long count(int series);

    /**
     * A summary's quantiles.
     *
     * @return their number; 0 for other types
     */
    int quantileCount();

    /**
     * A summary's quantile {@code q}.
     *
     * @param q from 0 to {@link #quantileCount()} - 1
     * @return the quantile, in (0, 1)
     */
    double quantile(int q);

    /**
     * The value of quantile {@code q} over the metric's window.
     *
     * @param series the position
     * @param q the quantile's index
     * @return the value; NaN before the first observation
     */
    double quantileValue(int series, int q);

    /**
     * Exposition samples per series: 1 for a gauge or counter; a histogram's buckets (the last
     * {@code le="+Inf"}), sum and count; a summary's quantiles, sum and count.
     *
     * @return the number of parts
     */
    int parts();

    /**
     * The value of one part, as exposed: a cumulative bucket count, a quantile value, a sum or a
     * count.
     *
     * @param series the position
     * @param part from 0 to {@link #parts()} - 1
     * @return the value
     */
    double partValue(int series, int part);

    /**
     * What {@code prepare} returned for the {@link Series} of one part, calling it the first time
     * the series is seen (and again when a new series takes the position); the engine keeps the
     * results for the sink.
     *
     * @param series the position
     * @param part the part
     * @param prepare the sink's {@code prepare}
     * @return the prepared form
     */
    Object prepared(int series, int part, Function<Series, Object> prepare);
}
