package dev.sonda.api;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario entry: an item of the YAML {@code scenarios:} list (or the whole body of a
 * single-signal file). Immutable.
 *
 * <p>Optional fields are null when the file leaves them out; {@link Defaults} and the built-in
 * defaults fill them at compile time (rate: no default, required, except for events entries, which
 * check once per second; duration: run until stopped; encoder: {@code prometheus_text} for
 * metrics, histograms and summaries, {@code json_lines} for logs, {@code ndjson} for traces and
 * events; sink: stdout; on_sink_error: warn). Collections are never null.
 *
 * @param id identifier other entries refer to ({@code [a-zA-Z_][a-zA-Z0-9_]*}), or null
 * @param name metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, for logs, traces and events, free
 *     text; null only for pack entries
 * @param signal the signal type and its body
 * @param rate events (ticks) per second, above 0, or null to take {@code defaults.rate}; an events
 *     entry without one checks for due events once per second
 * @param duration lifetime from the entry's own start, or null
 * @param startTime timestamp anchor ({@code now}, {@code +1h}, {@code -30m} or RFC 3339), or null
 * @param labels static labels
 * @param dynamicLabels labels whose value changes per tick (YAML {@code dynamic_labels})
 * @param encoder encoder, or null
 * @param sink sink, or null
 * @param jitter uniform noise amplitude added to metric values, finite and at least 0, or null
 * @param jitterSeed seed of the noise (YAML {@code jitter_seed}), unsigned, or null for 0
 * @param gaps recurring silences, or null
 * @param bursts recurring bursts, or null
 * @param cardinalitySpikes time-windowed cardinality spikes (YAML {@code cardinality_spikes})
 * @param phaseOffset explicit start delay (YAML {@code phase_offset}), positive, or null
 * @param clockGroup display group shared with dependent entries (YAML {@code clock_group}), or null
 * @param after start condition on another entry (YAML {@code after:}), or null
 * @param whileClause gate on another entry (YAML {@code while:}), or null
 * @param delay debounce of the gate (YAML {@code delay:}), or null
 * @param onSinkError sink failure policy (YAML {@code on_sink_error}), or null
 * @param metricType {@code # TYPE} for scrape endpoints (YAML {@code metric_type}), or null
 * @param help {@code # HELP} text for scrape endpoints, or null
 */
public record Entry(
        String id,
        String name,
        Signal signal,
        Double rate,
        Duration duration,
        String startTime,
        Map<String, String> labels,
        List<DynamicLabel> dynamicLabels,
        EncoderSpec encoder,
        SinkSpec sink,
        Double jitter,
        Long jitterSeed,
        Gaps gaps,
        Bursts bursts,
        List<CardinalitySpike> cardinalitySpikes,
        Duration phaseOffset,
        String clockGroup,
        AfterClause after,
        WhileClause whileClause,
        DelayClause delay,
        OnSinkError onSinkError,
        MetricType metricType,
        String help) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param id identifier other entries refer to ({@code [a-zA-Z_][a-zA-Z0-9_]*}), or null
     * @param name metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, for logs, free text; null only for pack entries
     * @param signal the signal type and its body
     * @param rate events (ticks) per second, above 0, or null to take {@code defaults.rate}
     * @param duration lifetime from the entry's own start, or null
     * @param startTime timestamp anchor ({@code now}, {@code +1h}, {@code -30m} or RFC 3339), or null
     * @param labels static labels
     * @param dynamicLabels labels whose value changes per tick (YAML {@code dynamic_labels})
     * @param encoder encoder, or null
     * @param sink sink, or null
     * @param jitter uniform noise amplitude added to metric values, finite and at least 0, or null
     * @param jitterSeed seed of the noise (YAML {@code jitter_seed}), unsigned, or null for 0
     * @param gaps recurring silences, or null
     * @param bursts recurring bursts, or null
     * @param cardinalitySpikes time-windowed cardinality spikes (YAML {@code cardinality_spikes})
     * @param phaseOffset explicit start delay (YAML {@code phase_offset}), positive, or null
     * @param clockGroup display group shared with dependent entries (YAML {@code clock_group}), or null
     * @param after start condition on another entry (YAML {@code after:}), or null
     * @param whileClause gate on another entry (YAML {@code while:}), or null
     * @param delay debounce of the gate (YAML {@code delay:}), or null
     * @param onSinkError sink failure policy (YAML {@code on_sink_error}), or null
     * @param metricType {@code # TYPE} for scrape endpoints (YAML {@code metric_type}), or null
     * @param help {@code # HELP} text for scrape endpoints, or null
     * @throws NullPointerException if a required component is null
     */
    public Entry {
        Objects.requireNonNull(signal, "signal");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        dynamicLabels = dynamicLabels == null ? List.of() : List.copyOf(dynamicLabels);
        cardinalitySpikes = cardinalitySpikes == null ? List.of() : List.copyOf(cardinalitySpikes);
    }

    /**
     * This entry with another signal (such as a workload with its shard set), every other field
     * kept.
     *
     * @param signal the signal
     * @return the new entry
     * @throws NullPointerException if {@code signal} is null
     */
    public Entry withSignal(Signal signal) {
        return new Entry(
                id,
                name,
                signal,
                rate,
                duration,
                startTime,
                labels,
                dynamicLabels,
                encoder,
                sink,
                jitter,
                jitterSeed,
                gaps,
                bursts,
                cardinalitySpikes,
                phaseOffset,
                clockGroup,
                after,
                whileClause,
                delay,
                onSinkError,
                metricType,
                help);
    }

    /**
     * The signal type of this entry.
     *
     * @return the signal type
     */
    public SignalType signalType() {
        return signal.signalType();
    }

    /**
     * How the reference names this entry in messages: id, else name, else pack, else {@code <entry
     * i>}.
     *
     * @param index the entry's position in the file
     * @return the display name
     */
    public String sourceName(int index) {
        if (id != null) {
            return id;
        }
        if (name != null) {
            return name;
        }
        if (signal instanceof Signal.Pack p) {
            return p.pack();
        }
        return "<entry " + index + ">";
    }

    /**
     * Adds every problem of this entry to {@code problems}, resolving rate, duration, sink, encoder,
     * {@code while} and {@code delay} through {@code defaults} as the compiler does. Cross-entry
     * rules (ids, refs, cycles) belong to the plan.
     *
     * @param path where the entry sits, such as {@code scenarios[2]}
     * @param index the entry's position in the file, for messages
     * @param defaults the file's defaults, {@link Defaults#NONE} for none
     * @param problems collector of problems found
     */
    public void validate(String path, int index, Defaults defaults, Problems problems) {
        String src = "entry '" + sourceName(index) + "'";
        if (id != null && !Names.isLabelKey(id)) {
            problems.add(path + ".id", "entry id '" + id + "' is invalid: must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        boolean pack = signal instanceof Signal.Pack;
        if (!pack && name == null) {
            problems.add(path + ".name", "entry " + index + ": inline signal must have 'name'");
        }
        if (name != null && namesAMetric() && !Names.isMetricName(name)) {
            problems.add(path + ".name", "invalid metric name \"" + name + "\": must match [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        Double effectiveRate = rate != null ? rate : defaults.rate();
        if (effectiveRate == null && signal.signalType() != SignalType.EVENTS) {
            problems.add(
                    path + ".rate",
                    "entry " + index + " (" + sourceName(index)
                            + "): missing required field 'rate' (set it on the entry or in defaults:)");
        } else if (effectiveRate != null && (Double.isNaN(effectiveRate) || effectiveRate <= 0)) {
            problems.add(path + ".rate", "rate must be positive, got " + FloatText.display(effectiveRate));
        }
        checkPositive(duration, path + ".duration", "duration", problems);
        labels.keySet().stream().sorted().forEach(k -> {
            if (!Names.isLabelKey(k)) {
                problems.add(
                        path + ".labels." + k, "invalid label key \"" + k + "\": must match [a-zA-Z_][a-zA-Z0-9_]*");
            }
        });
        for (int i = 0; i < dynamicLabels.size(); i++) {
            dynamicLabels.get(i).validate(path + ".dynamic_labels[" + i + "]", problems);
        }
        if (gaps != null) {
            gaps.validate(path + ".gaps", problems);
        }
        if (bursts != null) {
            bursts.validate(path + ".bursts", problems);
        }
        for (int i = 0; i < cardinalitySpikes.size(); i++) {
            cardinalitySpikes.get(i).validate(path + ".cardinality_spikes[" + i + "]", problems);
        }
        if (jitter != null) {
            if (Double.isNaN(jitter)) {
                problems.add(path + ".jitter", "jitter must not be NaN");
            } else if (Double.isInfinite(jitter)) {
                problems.add(path + ".jitter", "jitter must be finite");
            } else if (jitter < 0) {
                problems.add(path + ".jitter", "jitter must be non-negative");
            }
        }
        signal.validate(path, problems);
        if (signal instanceof Signal.Workload) {
            refuseOnWorkload(path, problems);
        }
        EncoderSpec enc = encoder != null ? encoder : defaults.encoder();
        if (enc != null) {
            enc.validate(path + ".encoder", problems);
            if (signal.signalType() == SignalType.TRACES && !enc.supportsSpans()) {
                problems.add(
                        path + ".encoder",
                        "span encoding not supported by encoder '" + enc.type() + "'; use ndjson for traces");
            } else if (signal.signalType() == SignalType.EVENTS && !enc.supportsEvents()) {
                problems.add(
                        path + ".encoder",
                        "event encoding not supported by encoder '" + enc.type() + "'; use ndjson for events");
            } else if (signal.signalType() == SignalType.TRACES || signal.signalType() == SignalType.EVENTS) {
                // checked above
            } else if (signal.signalType() == SignalType.LOGS && !enc.supportsLogs()) {
                problems.add(
                        path + ".encoder",
                        "log encoding not supported by this encoder: encoder '" + enc.type()
                                + "' writes metrics only; use json_lines or syslog for logs");
            } else if (signal.signalType() != SignalType.LOGS && !enc.supportsMetrics()) {
                problems.add(
                        path + ".encoder",
                        "metric encoding not supported by " + enc.type() + " encoder; use prometheus_text, influx_lp"
                                + " or json_lines for " + signal.signalType().yamlName());
            }
        }
        SinkSpec snk = sink != null ? sink : defaults.sink();
        if (snk != null) {
            snk.validate(path + ".sink", problems);
        }
        boolean relative = signal instanceof Signal.Traces t && t.traces().usesRelativeOffsets()
                || signal instanceof Signal.Events ev && ev.usesRelativeOffsets();
        if (relative && duration == null && defaults.duration() == null) {
            problems.add(
                    path + ".duration",
                    src + ": offsets written as a percentage need the entry's duration; set 'duration:' on the"
                            + " entry or in defaults:, or write the offsets as times such as 30s");
        }
        checkPositive(phaseOffset, path + ".phase_offset", src + ": phase_offset", problems);
        if (after != null) {
            checkPositive(after.delay(), path + ".after.delay", src + ": after.delay", problems);
        }
        validateGates(path, src, defaults, snk, problems);
    }

    /** Whether {@link #name()} is a metric name (metrics, histograms, summaries) rather than free text. */
    private boolean namesAMetric() {
        SignalType t = signal.signalType();
        return t == SignalType.METRICS || t == SignalType.HISTOGRAM || t == SignalType.SUMMARY;
    }

    /** Keys whose per-event meaning does not carry over to a workload, which emits every series every tick. */
    private void refuseOnWorkload(String path, Problems problems) {
        String why = " does not apply to signal_type: workload; ";
        if (!dynamicLabels.isEmpty()) {
            problems.add(path + ".dynamic_labels", "dynamic_labels" + why + "give the labels to a profile");
        }
        if (!cardinalitySpikes.isEmpty()) {
            problems.add(
                    path + ".cardinality_spikes",
                    "cardinality_spikes" + why + "use workload.churn.series_count (mode: spike)");
        }
        if (jitter != null) {
            problems.add(path + ".jitter", "jitter" + why + "the algorithms draw per series");
        }
        if (gaps != null) {
            problems.add(path + ".gaps", "gaps" + why + "run several entries, or stop the run");
        }
        if (bursts != null) {
            problems.add(path + ".bursts", "bursts" + why + "raise the rate");
        }
        if (metricType != null) {
            problems.add(path + ".metric_type", "metric_type" + why + "each workload metric has its own type");
        }
    }

    private void validateGates(String path, String src, Defaults defaults, SinkSpec snk, Problems problems) {
        WhileClause w = whileClause != null ? whileClause : defaults.whileClause();
        DelayClause d = delay != null ? delay : defaults.delay();
        Duration dur = duration != null ? duration : defaults.duration();
        if (d != null && w == null) {
            problems.add(
                    path + ".delay",
                    src + ": 'delay:' requires 'while:' on the same entry. 'delay:' debounces 'while:' transitions"
                            + " and has no meaning without it.");
        }
        if (w != null && dur == null) {
            problems.add(
                    path + ".while",
                    src + ": scenarios with 'while:' must have 'duration:' set (either on the entry or via"
                            + " 'defaults.duration').\nBounds the scenario's lifetime so paused state has a terminal"
                            + " point.");
        }
        if (after != null && dur == null) {
            problems.add(
                    path + ".after",
                    src + ": scenarios with 'after:' must have 'duration:' set (either on the entry or via"
                            + " 'defaults.duration').\nBounds the scenario's lifetime so pending state has a terminal"
                            + " point.");
        }
        if (w != null && !Double.isFinite(w.value())) {
            problems.add(
                    path + ".while.value",
                    src + ": while.value must be a finite number; NaN and infinity are rejected because the strict"
                            + " comparison gate would never resolve deterministically");
        }
        if (d != null) {
            if (d.snapTo() != null && Boolean.FALSE.equals(d.staleMarker())) {
                problems.add(
                        path + ".delay.close",
                        src + ": delay.close.snap_to already replaces the stale marker; do not also set"
                                + " delay.close.stale_marker: false");
            }
            if (d.snapTo() != null && !Double.isFinite(d.snapTo())) {
                problems.add(
                        path + ".delay.close.snap_to",
                        src + ": delay.close.snap_to must be a finite number; NaN and infinity cannot be emitted as"
                                + " a recovery sample");
            }
            String sinkType = snk == null ? "stdout" : snk.type();
            if (Boolean.TRUE.equals(d.staleMarker()) && d.snapTo() == null && !"remote_write".equals(sinkType)) {
                problems.add(
                        path + ".delay.close.stale_marker",
                        src + ": delay.close.stale_marker: true requires sink.type: remote_write — the marker is a"
                                + " Prometheus remote-write-specific signal and silently no-ops on sink.type: "
                                + sinkType + ". Either set sink.type: remote_write, or replace stale_marker with"
                                + " snap_to: <value> for a sink-agnostic recovery emit, or drop the field to disable"
                                + " the close-emit entirely.");
            }
        }
    }

    private static void checkPositive(Duration d, String path, String what, Problems problems) {
        if (d != null && (d.isZero() || d.isNegative())) {
            problems.add(path, what + " must be greater than zero, got " + DurationText.format(d));
        }
    }
}
