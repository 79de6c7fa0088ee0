package dev.sonda.engine.sink;

import dev.sonda.engine.Clock;
import dev.sonda.engine.encode.EventEncoder;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.encode.SpanEncoder;
import dev.sonda.engine.log.LogEncoder;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a sink gets besides its spec when it is created.
 *
 * @param entryName the entry's name, for messages
 * @param labels the entry's static labels (Loki stream labels, OTLP resource attributes)
 * @param clock the run's clock: {@code nanoTime()} for {@code max_buffer_age}, {@code epochNanos()}
 *     for stamps; simulated on a simulated run, so a sink never reads the wall clock itself
 * @param diagnostics receives the reference's unconditional stderr lines (retry notices, discarded
 *     batches), one line per call without a trailing newline
 * @param metricEncoder the entry's metric encoder, or null for a log entry (byte-stream sinks
 *     encode with it through {@link EncodingSink})
 * @param logEncoder the entry's log encoder, or null for a metric entry
 * @param delivery where the sink reports delivered and dropped records
 * @param spanEncoder the entry's span encoder, or null for entries other than traces
 * @param eventEncoder the entry's event encoder, or null for entries other than events
 * @param help the entry's {@code help:} text (Prometheus {@code # HELP}, remote-write 2.0 metadata,
 *     an OTLP metric's description), or null
 */
public record SinkContext(
        String entryName,
        Map<String, String> labels,
        Clock clock,
        Consumer<String> diagnostics,
        MetricEncoder metricEncoder,
        LogEncoder logEncoder,
        Delivery delivery,
        SpanEncoder spanEncoder,
        EventEncoder eventEncoder,
        String help) {
    /**
     * Creates the context, copying {@code labels}.
     *
     * @param entryName the entry's name
     * @param labels the entry's static labels
     * @param clock the run's clock
     * @param diagnostics receives diagnostic lines
     * @param metricEncoder the metric encoder, or null
     * @param logEncoder the log encoder, or null
     * @param delivery where delivery is reported
     * @param spanEncoder the span encoder, or null
     * @param eventEncoder the event encoder, or null
     * @param help the entry's help text, or null
     * @throws NullPointerException if a required argument is null
     */
    public SinkContext {
        Objects.requireNonNull(entryName, "entryName");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * Creates the context without a help text.
     *
     * @param entryName the entry's name
     * @param labels the entry's static labels
     * @param clock the run's clock
     * @param diagnostics receives diagnostic lines
     * @param metricEncoder the metric encoder, or null
     * @param logEncoder the log encoder, or null
     * @param delivery where delivery is reported
     * @throws NullPointerException if a required argument is null
     */
    public SinkContext(
            String entryName,
            Map<String, String> labels,
            Clock clock,
            Consumer<String> diagnostics,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            Delivery delivery) {
        this(entryName, labels, clock, diagnostics, metricEncoder, logEncoder, delivery, null, null, null);
    }

    /**
     * Creates a context for a traces or events entry, without a help text.
     *
     * @param entryName the entry's name
     * @param labels the entry's static labels
     * @param clock the run's clock
     * @param diagnostics receives diagnostic lines
     * @param metricEncoder the metric encoder, or null
     * @param logEncoder the log encoder, or null
     * @param delivery where delivery is reported
     * @param spanEncoder the span encoder, or null
     * @param eventEncoder the event encoder, or null
     */
    public SinkContext(
            String entryName,
            Map<String, String> labels,
            Clock clock,
            Consumer<String> diagnostics,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            Delivery delivery,
            SpanEncoder spanEncoder,
            EventEncoder eventEncoder) {
        this(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                null);
    }

    /**
     * Creates a context with a help text, for a metrics entry.
     *
     * @param entryName the entry's name
     * @param labels the entry's static labels
     * @param clock the run's clock
     * @param diagnostics receives diagnostic lines
     * @param metricEncoder the metric encoder, or null
     * @param logEncoder the log encoder, or null
     * @param delivery where delivery is reported
     * @param help the entry's help text, or null
     */
    public SinkContext(
            String entryName,
            Map<String, String> labels,
            Clock clock,
            Consumer<String> diagnostics,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            Delivery delivery,
            String help) {
        this(entryName, labels, clock, diagnostics, metricEncoder, logEncoder, delivery, null, null, help);
    }

    /**
     * A context for tests and one-off use: no labels, the system clock, diagnostics to standard
     * error, no encoders, delivery not reported.
     *
     * @param entryName the entry's name
     * @return the context
     */
    public static SinkContext simple(String entryName) {
        return new SinkContext(entryName, Map.of(), Clock.system(), System.err::println, null, null, Delivery.NONE);
    }

    /**
     * Monotonic time of the run's clock, in nanoseconds.
     *
     * @return {@code clock().nanoTime()}
     */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /**
     * This context with other encoders.
     *
     * @param metricEncoder the metric encoder, or null
     * @param logEncoder the log encoder, or null
     * @return the new context
     */
    public SinkContext withEncoders(MetricEncoder metricEncoder, LogEncoder logEncoder) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }

    /**
     * This context with other labels.
     *
     * @param labels the labels
     * @return the new context
     */
    public SinkContext withLabels(Map<String, String> labels) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }

    /**
     * This context with another clock.
     *
     * @param clock the clock
     * @return the new context
     */
    public SinkContext withClock(Clock clock) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }

    /**
     * This context with another delivery counter.
     *
     * @param delivery where delivery is reported
     * @return the new context
     */
    public SinkContext withDelivery(Delivery delivery) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }

    /**
     * This context with a help text.
     *
     * @param help the entry's help text, or null
     * @return the new context
     */
    public SinkContext withHelp(String help) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }

    /**
     * This context with other span and event encoders.
     *
     * @param spanEncoder the span encoder, or null
     * @param eventEncoder the event encoder, or null
     * @return the new context
     */
    public SinkContext withTraceEncoders(SpanEncoder spanEncoder, EventEncoder eventEncoder) {
        return new SinkContext(
                entryName,
                labels,
                clock,
                diagnostics,
                metricEncoder,
                logEncoder,
                delivery,
                spanEncoder,
                eventEncoder,
                help);
    }
}
