package dev.sonda.engine;

import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.SignalType;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry after compilation: file defaults merged, built-in defaults applied, offsets resolved.
 * This is what a run executes and what {@code sonda run --dry-run} prints.
 *
 * @param index position in the compiled list (after pack expansion)
 * @param id the entry id, or null
 * @param name metric name, or the log entry's name
 * @param signalType the signal type
 * @param source the IR entry it was compiled from (with its own, unmerged fields)
 * @param rate events (ticks) per second, above 0
 * @param duration lifetime from the entry's start, or null to run until stopped
 * @param phaseOffset start delay from the run's start, {@link Duration#ZERO} for none
 * @param labels static labels: defaults merged under the entry's own
 * @param encoder the encoder
 * @param sink the sink
 * @param onSinkError the sink failure policy
 * @param clockGroup the clock group, or null
 * @param clockGroupAuto whether the clock group was synthesized ({@code chain_<id>})
 */
public record CompiledEntry(
        int index,
        String id,
        String name,
        SignalType signalType,
        Entry source,
        double rate,
        Duration duration,
        Duration phaseOffset,
        Map<String, String> labels,
        EncoderSpec encoder,
        SinkSpec sink,
        OnSinkError onSinkError,
        String clockGroup,
        boolean clockGroupAuto) {

    /**
     * Creates the record, copying {@code labels}.
     *
     * @param index position in the compiled list
     * @param id the entry id, or null
     * @param name the entry's name
     * @param signalType the signal type
     * @param source the IR entry
     * @param rate events per second
     * @param duration lifetime, or null
     * @param phaseOffset start delay
     * @param labels static labels
     * @param encoder the encoder
     * @param sink the sink
     * @param onSinkError the sink failure policy
     * @param clockGroup the clock group, or null
     * @param clockGroupAuto whether the clock group was synthesized
     * @throws NullPointerException if a required component is null
     */
    public CompiledEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(phaseOffset, "phaseOffset");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(onSinkError, "onSinkError");
    }

    /**
     * The entry's gaps, or null.
     *
     * @return the gaps
     */
    public Gaps gaps() {
        return source.gaps();
    }

    /**
     * The entry's bursts, or null.
     *
     * @return the bursts
     */
    public Bursts bursts() {
        return source.bursts();
    }

    /**
     * The entry's dynamic labels.
     *
     * @return the dynamic labels, possibly empty
     */
    public List<DynamicLabel> dynamicLabels() {
        return source.dynamicLabels();
    }

    /**
     * The entry's cardinality spikes.
     *
     * @return the spikes, possibly empty
     */
    public List<CardinalitySpike> cardinalitySpikes() {
        return source.cardinalitySpikes();
    }

    /**
     * This entry with another rate (the CLI's {@code --rate}).
     *
     * @param rate events per second
     * @return the changed entry
     */
    public CompiledEntry withRate(double rate) {
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                labels,
                encoder,
                sink,
                onSinkError,
                clockGroup,
                clockGroupAuto);
    }

    /**
     * This entry with another duration (the CLI's {@code --duration}).
     *
     * @param duration lifetime, or null to run until stopped
     * @return the changed entry
     */
    public CompiledEntry withDuration(Duration duration) {
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                labels,
                encoder,
                sink,
                onSinkError,
                clockGroup,
                clockGroupAuto);
    }

    /**
     * This entry with another sink (the CLI's {@code --sink} and {@code -o}, or a test capture).
     *
     * @param sink the sink spec
     * @return the changed entry
     */
    public CompiledEntry withSink(SinkSpec sink) {
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                labels,
                encoder,
                sink,
                onSinkError,
                clockGroup,
                clockGroupAuto);
    }

    /**
     * This entry with another encoder (the CLI's {@code --encoder}).
     *
     * @param encoder the encoder spec
     * @return the changed entry
     */
    public CompiledEntry withEncoder(EncoderSpec encoder) {
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                labels,
                encoder,
                sink,
                onSinkError,
                clockGroup,
                clockGroupAuto);
    }

    /**
     * This entry with another sink failure policy (the CLI's {@code --on-sink-error}).
     *
     * @param policy the policy
     * @return the changed entry
     */
    public CompiledEntry withOnSinkError(OnSinkError policy) {
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                labels,
                encoder,
                sink,
                policy,
                clockGroup,
                clockGroupAuto);
    }

    /**
     * This entry with more labels over its own (the CLI's {@code --label}).
     *
     * @param extra labels that win over the entry's
     * @return the changed entry
     */
    public CompiledEntry withLabels(Map<String, String> extra) {
        Map<String, String> merged = new java.util.HashMap<>(labels);
        merged.putAll(extra);
        return new CompiledEntry(
                index,
                id,
                name,
                signalType,
                source,
                rate,
                duration,
                phaseOffset,
                merged,
                encoder,
                sink,
                onSinkError,
                clockGroup,
                clockGroupAuto);
    }
}
