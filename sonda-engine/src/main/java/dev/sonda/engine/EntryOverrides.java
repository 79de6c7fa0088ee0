package dev.sonda.engine;

import dev.sonda.api.OnSinkError;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.Map;

/**
 * Settings that replace every entry's own after the plan's offsets are resolved, as the CLI's
 * {@code --rate}, {@code --duration}, {@code --sink}, {@code --encoder}, {@code --label} and
 * {@code --on-sink-error} do (Sonda 1.20 applies them after compilation, so {@code after:} offsets
 * are those of the file). The entries' generators, encoders and sinks are then built once with the
 * overridden values. A null component leaves the entries' own setting.
 *
 * @param rate events per second for every entry, or null
 * @param duration lifetime of every entry, or null
 * @param sink the sink of every entry, or null
 * @param encoder the encoder of every entry (log entries included), or null
 * @param labels labels merged over every entry's own (they win), possibly empty
 * @param onSinkError the sink failure policy of every entry, or null
 */
public record EntryOverrides(
        Double rate,
        Duration duration,
        SinkSpec sink,
        EncoderSpec encoder,
        Map<String, String> labels,
        OnSinkError onSinkError) {

    /** No override. */
    public static final EntryOverrides NONE = new EntryOverrides(null, null, null, null, Map.of(), null);

    /**
     * Creates the record, copying {@code labels}.
     *
     * @param rate events per second, or null
     * @param duration lifetime, or null
     * @param sink the sink, or null
     * @param encoder the encoder, or null
     * @param labels labels over the entries' own
     * @param onSinkError the policy, or null
     */
    public EntryOverrides {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /**
     * These overrides with a rate.
     *
     * @param rate events per second
     * @return the new overrides
     */
    public EntryOverrides withRate(double rate) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }

    /**
     * These overrides with a duration.
     *
     * @param duration the lifetime of every entry
     * @return the new overrides
     */
    public EntryOverrides withDuration(Duration duration) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }

    /**
     * These overrides with a sink.
     *
     * @param sink the sink of every entry
     * @return the new overrides
     */
    public EntryOverrides withSink(SinkSpec sink) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }

    /**
     * These overrides with an encoder.
     *
     * @param encoder the encoder of every entry
     * @return the new overrides
     */
    public EntryOverrides withEncoder(EncoderSpec encoder) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }

    /**
     * These overrides with labels.
     *
     * @param labels labels over every entry's own
     * @return the new overrides
     */
    public EntryOverrides withLabels(Map<String, String> labels) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }

    /**
     * These overrides with a sink failure policy.
     *
     * @param onSinkError the policy
     * @return the new overrides
     */
    public EntryOverrides withOnSinkError(OnSinkError onSinkError) {
        return new EntryOverrides(rate, duration, sink, encoder, labels, onSinkError);
    }
}
