package dev.sonda.engine.encode;

import dev.sonda.api.Problems;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecProvider;
import dev.sonda.engine.log.LogEncoder;

/**
 * A wire format end to end: its {@code type:} name, its spec record, reading, writing and
 * validating its {@code encoder:} block ({@link SpecProvider}), and building the encoders of the
 * signals it can write: metric samples ({@link MetricEncoder}), log events ({@link LogEncoder}),
 * spans ({@link SpanEncoder}), infrastructure events ({@link EventEncoder}), or several.
 *
 * <p>Register it with one line in {@code META-INF/services/dev.sonda.api.spi.SpecProvider}, exactly
 * as the built-ins ({@code prometheus_text}, {@code influx_lp}, {@code json_lines}, {@code syslog})
 * are, or add it to a {@link dev.sonda.api.spi.SpecRegistry} built for a run.
 *
 * <p>Threading: {@link #metricEncoder} and {@link #logEncoder} are called on the thread that
 * compiles or starts an entry, once per entry; they must not block. The encoder returned is used
 * by that entry's runner thread only (one caller at a time) and should not allocate per event. A
 * provider is stateless or thread-safe.
 */
public interface EncoderProvider extends SpecProvider<EncoderSpec> {

    @Override
    default SpecKind kind() {
        return SpecKind.ENCODER;
    }

    /**
     * Adds the spec's own problems ({@link EncoderSpec#validate}), such as a precision above 17.
     *
     * @param spec a spec of {@link #specClass()}
     * @param path where the block sits, such as {@code scenarios[0].encoder}
     * @param problems collector of problems
     */
    @Override
    default void validate(EncoderSpec spec, String path, Problems problems) {
        spec.validate(path, problems);
    }

    /**
     * Whether {@link #metricEncoder} builds an encoder (for metrics, histogram and summary entries).
     *
     * @return true when this format writes metric samples
     */
    boolean encodesMetrics();

    /**
     * Whether {@link #logEncoder} builds an encoder (for logs entries).
     *
     * @return true when this format writes log events
     */
    boolean encodesLogs();

    /**
     * Whether {@link #spanEncoder} builds an encoder (for traces entries). Default: false.
     *
     * @return true when this format writes spans
     */
    default boolean encodesSpans() {
        return false;
    }

    /**
     * Whether {@link #eventEncoder} builds an encoder (for events entries). Default: false.
     *
     * @return true when this format writes infrastructure events
     */
    default boolean encodesEvents() {
        return false;
    }

    /**
     * Builds the span encoder of one traces entry.
     *
     * @param spec a spec of {@link #specClass()}, validated
     * @return a new or shared encoder, never null
     * @throws EncodeException when the format writes no spans (the default)
     */
    default SpanEncoder spanEncoder(EncoderSpec spec) {
        throw new EncodeException("span encoding not supported by " + type() + " encoder; use ndjson for traces");
    }

    /**
     * Builds the event encoder of one events entry.
     *
     * @param spec a spec of {@link #specClass()}, validated
     * @return a new or shared encoder, never null
     * @throws EncodeException when the format writes no events (the default)
     */
    default EventEncoder eventEncoder(EncoderSpec spec) {
        throw new EncodeException("event encoding not supported by " + type() + " encoder; use ndjson for events");
    }

    /**
     * Builds the metric encoder of one entry.
     *
     * @param spec a spec of {@link #specClass()}, validated
     * @return a new or shared encoder, never null
     * @throws EncodeException when the format writes no metrics; by default, {@code metric encoding
     *     not supported by TYPE encoder} (the reference's words for syslog)
     */
    default MetricEncoder metricEncoder(EncoderSpec spec) {
        throw new EncodeException("metric encoding not supported by " + type() + " encoder");
    }

    /**
     * Builds the log encoder of one entry.
     *
     * @param spec a spec of {@link #specClass()}, validated
     * @return a new or shared encoder, never null
     * @throws EncodeException when the format writes no logs; by default, {@code log encoding not
     *     supported by TYPE encoder}
     */
    default LogEncoder logEncoder(EncoderSpec spec) {
        throw new EncodeException("log encoding not supported by " + type() + " encoder");
    }

    /**
     * How the CLI's start banner and {@code --dry-run} show the encoder, such as {@code
     * prometheus_text (precision: 2)}. Default: the type.
     *
     * @param spec a spec of {@link #specClass()}
     * @return the display text
     */
    default String display(EncoderSpec spec) {
        return type();
    }
}
