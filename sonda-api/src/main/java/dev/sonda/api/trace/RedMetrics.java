package dev.sonda.api.trace;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The RED metrics of a traces entry (YAML {@code traces.metrics:}): every {@code interval}, per
 * service, counted from the spans that started in that interval, stamped at its end, each series
 * labelled {@code service} and {@code unit}:
 *
 * <ul>
 *   <li>{@code request_rate} ({@code req/s}): spans / interval seconds;
 *   <li>{@code error_rate} ({@code %}): failed spans / spans × 100, 0 without spans;
 *   <li>{@code latency_avg}, {@code latency_p50}, {@code latency_p95}, {@code latency_p99} ({@code
 *       ms}): the mean and the nearest-rank quantiles of the spans' durations, 0 without spans.
 * </ul>
 *
 * @param interval the sampling interval, positive (default 10 s)
 * @param encoder how samples are written, or null for the entry's encoder when it writes metrics,
 *     else {@code prometheus_text}
 * @param sink where they go, or null for the entry's sink
 */
public record RedMetrics(Duration interval, EncoderSpec encoder, SinkSpec sink) {
    /** The default interval: 10 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** The metric names, in the order each interval writes them per service. */
    public static final List<String> NAMES =
            List.of("request_rate", "error_rate", "latency_avg", "latency_p50", "latency_p95", "latency_p99");

    /**
     * Creates the record.
     *
     * @param interval the interval, null for {@link #DEFAULT_INTERVAL}
     * @param encoder the encoder, or null
     * @param sink the sink, or null
     */
    public RedMetrics {
        interval = interval == null ? DEFAULT_INTERVAL : interval;
    }

    /**
     * RED metrics every {@code interval} through the entry's encoder and sink.
     *
     * @param interval positive
     * @return the block
     */
    public static RedMetrics every(Duration interval) {
        return new RedMetrics(Objects.requireNonNull(interval, "interval"), null, null);
    }

    /**
     * This block writing to another sink (YAML {@code sink:}).
     *
     * @param sink the sink
     * @return the new block
     */
    public RedMetrics withSink(SinkSpec sink) {
        return new RedMetrics(interval, encoder, sink);
    }

    /**
     * This block with another encoder (YAML {@code encoder:}).
     *
     * @param encoder the encoder
     * @return the new block
     */
    public RedMetrics withEncoder(EncoderSpec encoder) {
        return new RedMetrics(interval, encoder, sink);
    }

    /**
     * Adds this block's problems.
     *
     * @param path where it sits, such as {@code scenarios[0].traces.metrics}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (interval.isZero() || interval.isNegative()) {
            problems.add(
                    path + ".interval", "interval must be greater than zero, got " + DurationText.format(interval));
        }
        if (encoder != null) {
            encoder.validate(path + ".encoder", problems);
            if (!encoder.supportsMetrics()) {
                problems.add(
                        path + ".encoder",
                        "encoder '" + encoder.type() + "' does not write metrics; choose one that does, such as"
                                + " prometheus_text or ndjson");
            }
        }
        if (sink != null) {
            sink.validate(path + ".sink", problems);
        }
    }
}
