package dev.sonda.engine.workload;

import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * A running workload entry ({@link dev.sonda.engine.Run#workloads()}): what Mockingbird's control
 * API offers, as methods. Thread-safe; every method may be called from any thread while the run
 * goes on, and after it ended (the last tick stays readable).
 */
public interface WorkloadHandle {

    /**
     * The workload entry's name.
     *
     * @return the name
     */
    String name();

    /**
     * The names of its metrics, as written (no prefix, no churn cycle), in definition order.
     *
     * @return the names
     */
    List<String> metrics();

    /**
     * Multiplies one metric's values for {@code duration}, starting with the next tick generated
     * (on the simulated clock: the first tick after the current one) and covering the ticks whose
     * time is less than that tick's time plus {@code duration}: at rate r, exactly {@code duration
     * · r} ticks. A gauge's value (after its clamp), a counter's increments (its total stays
     * monotonic) and each histogram or summary observation are multiplied. A new spike of the same
     * metric replaces the one in force; spikes of different metrics are independent.
     *
     * @param metric the metric's name, as {@link #metrics()} lists it
     * @param multiplier the factor, finite
     * @param duration how long, positive
     * @throws IllegalArgumentException if the metric is unknown (the message lists the known ones),
     *     the multiplier is not finite or the duration not positive
     */
    void spike(String metric, double multiplier, Duration duration);

    /**
     * The current state.
     *
     * @return a snapshot
     */
    WorkloadStatus status();

    /**
     * The pull endpoint's settings.
     *
     * @return the endpoint, or null when the workload has none
     */
    Endpoint scrape();

    /**
     * The control API's settings.
     *
     * @return the endpoint, or null when the workload has none
     */
    Endpoint control();

    /**
     * Writes the latest complete tick, every series of every metric, then the self-metrics, in
     * {@code format}, streaming: at most one small buffer is held, whatever the number of series.
     * Nothing is written before the first tick but the self-metrics. A tick being generated
     * meanwhile never shows half-done: the writer holds the tick it started with.
     *
     * @param out where the text goes; not closed
     * @param format the format
     * @param prefix prepended to every metric name, or null
     * @param timestamps whether samples carry their tick's timestamp
     * @throws IOException if {@code out} fails (counted as an export error of the exporter {@code
     *     prometheus})
     */
    void writeExposition(OutputStream out, ExpositionFormat format, String prefix, boolean timestamps)
            throws IOException;

    /**
     * Replaces the workload's definition from its next tick. Metrics whose series are defined the
     * same way (name, type, label space, buckets, quantiles, window) keep their series and state
     * (a counter goes on from its total with its new rate); others start over, their old series
     * counted removed and their new ones created. The pull endpoint, control API and shard stay as
     * they are.
     *
     * @param next the new definition
     * @throws dev.sonda.api.InvalidScenarioException carrying every problem of {@code next}
     */
    void reload(Workload next);

    /**
     * Sets how much the workload logs.
     *
     * @param level the level
     * @throws NullPointerException if {@code level} is null
     */
    void logLevel(LogLevel level);

    /**
     * How much the workload logs.
     *
     * @return the level
     */
    LogLevel logLevel();

    /**
     * Counts a failed export (a scrape that could not be written) in the self-metric {@code
     * gen_export_errors_total}, once per metric.
     *
     * @param exporter such as {@code prometheus}
     */
    void exportFailed(String exporter);
}
