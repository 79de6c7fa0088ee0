package dev.sonda.engine;

import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DelayClause;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.encode.EventEncoder;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.encode.SpanEncoder;
import dev.sonda.engine.generator.ValueGenerator;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogGenerator;
import dev.sonda.engine.sink.SinkProvider;
import dev.sonda.engine.trace.TraceModel;
import dev.sonda.engine.workload.internal.CompiledWorkload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry after compilation, and what runs: file defaults merged, built-in defaults applied, packs
 * and csv_replay columns expanded, offsets resolved, overrides applied, and its generator, encoder
 * and sink provider built once ({@link #runtime()}). This is also what {@code sonda run --dry-run}
 * prints.
 *
 * @param index position in the compiled list (after pack and csv_replay expansion)
 * @param path where the entry is written in the file, such as {@code scenarios[2]}; an entry of a
 *     pack or a csv_replay column names its origin, such as {@code scenarios[2] (pack
 *     'node_cpu', metric 'node_cpu_seconds_total')}
 * @param id the entry id, or null
 * @param name metric name, or the log entry's name
 * @param signalType the signal type
 * @param source the entry as compiled (merged, expanded, overridden, every spec resolved by its
 *     provider); its schedule fields (gaps, bursts, dynamic labels, gates) are read through this
 *     record's accessors
 * @param rate events (ticks) per second, above 0
 * @param duration lifetime from the entry's start, or null to run until stopped
 * @param phaseOffset start delay from the run's start, {@link Duration#ZERO} for none
 * @param labels static labels: defaults merged under the entry's own, overrides over them
 * @param encoder the encoder spec
 * @param sink the sink spec
 * @param onSinkError the sink failure policy
 * @param onSinkErrorExplicit whether {@code on_sink_error} was chosen (on the entry, in the file's
 *     defaults or by an override such as {@code --on-sink-error}) rather than taken from the
 *     built-in default {@code warn}: only an explicit {@code warn} accepts dropped records without
 *     failing the command that ran them ({@link #acceptsDrops()})
 * @param clockGroup the clock group, or null
 * @param clockGroupAuto whether the clock group was synthesized ({@code chain_<id>})
 * @param runtime what was built for the entry: generator, encoders, sink provider
 */
public record CompiledEntry(
        int index,
        String path,
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
        boolean onSinkErrorExplicit,
        String clockGroup,
        boolean clockGroupAuto,
        Runtime runtime) {

    /**
     * What compilation built for an entry, once: immutable, thread-safe parts shared by every run
     * of the compiled plan. Stateful parts (a histogram's sampler, a sink) are made per run from
     * these.
     *
     * <p>A traces entry's metric and log encoders are those of its RED metrics and log lines;
     * when those go to a sink of their own ({@code traces.metrics.sink}, {@code traces.logs.sink}),
     * {@link #metricsSink} and {@link #logsSink} say which.
     *
     * @param generator the value generator of a metrics entry (jitter included), else null
     * @param logGenerator the log generator of a logs entry, else null
     * @param metricEncoder the metric encoder of a metrics, histogram or summary entry, or of a
     *     traces entry's RED metrics, else null
     * @param logEncoder the log encoder of a logs entry, or of a traces entry's log lines, else null
     * @param sinkProvider creates the entry's sink when it starts
     * @param spanEncoder the span encoder of a traces entry, else null
     * @param eventEncoder the event encoder of an events entry, else null
     * @param traceModel the compiled graph of a traces entry, else null
     * @param logsSink the own sink of a traces entry's log lines, or null when they share the
     *     entry's
     * @param metricsSink the own sink of a traces entry's RED metrics, or null when they share the
     *     entry's
     * @param workload the compiled workload of a {@code signal_type: workload} entry, else null
     *     (not API: its type is internal)
     */
    public record Runtime(
            ValueGenerator generator,
            LogGenerator logGenerator,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            SinkProvider sinkProvider,
            SpanEncoder spanEncoder,
            EventEncoder eventEncoder,
            TraceModel traceModel,
            Companion logsSink,
            Companion metricsSink,
            CompiledWorkload workload) {
        /**
         * Creates the record.
         *
         * @param generator the value generator, or null
         * @param logGenerator the log generator, or null
         * @param metricEncoder the metric encoder, or null
         * @param logEncoder the log encoder, or null
         * @param sinkProvider the sink provider
         * @param spanEncoder the span encoder, or null
         * @param eventEncoder the event encoder, or null
         * @param traceModel the compiled graph, or null
         * @param logsSink the log lines' own sink, or null
         * @param metricsSink the RED metrics' own sink, or null
         * @param workload the compiled workload, or null
         * @throws NullPointerException if {@code sinkProvider} is null
         */
        public Runtime {
            Objects.requireNonNull(sinkProvider, "sinkProvider");
        }

        /**
         * Creates the record of a metrics, logs, histogram or summary entry.
         *
         * @param generator the value generator, or null
         * @param logGenerator the log generator, or null
         * @param metricEncoder the metric encoder, or null
         * @param logEncoder the log encoder, or null
         * @param sinkProvider the sink provider
         * @throws NullPointerException if {@code sinkProvider} is null
         */
        public Runtime(
                ValueGenerator generator,
                LogGenerator logGenerator,
                MetricEncoder metricEncoder,
                LogEncoder logEncoder,
                SinkProvider sinkProvider) {
            this(generator, logGenerator, metricEncoder, logEncoder, sinkProvider, null, null, null, null, null, null);
        }

        /**
         * Creates the record of a traces or events entry, which has no workload.
         *
         * @param generator the value generator, or null
         * @param logGenerator the log generator, or null
         * @param metricEncoder the metric encoder, or null
         * @param logEncoder the log encoder, or null
         * @param sinkProvider the sink provider
         * @param spanEncoder the span encoder, or null
         * @param eventEncoder the event encoder, or null
         * @param traceModel the compiled graph, or null
         * @param logsSink the log lines' own sink, or null
         * @param metricsSink the RED metrics' own sink, or null
         * @throws NullPointerException if {@code sinkProvider} is null
         */
        public Runtime(
                ValueGenerator generator,
                LogGenerator logGenerator,
                MetricEncoder metricEncoder,
                LogEncoder logEncoder,
                SinkProvider sinkProvider,
                SpanEncoder spanEncoder,
                EventEncoder eventEncoder,
                TraceModel traceModel,
                Companion logsSink,
                Companion metricsSink) {
            this(
                    generator,
                    logGenerator,
                    metricEncoder,
                    logEncoder,
                    sinkProvider,
                    spanEncoder,
                    eventEncoder,
                    traceModel,
                    logsSink,
                    metricsSink,
                    null);
        }
    }

    /**
     * A second sink of one entry: where a traces entry's log lines or RED metrics go when they do
     * not share the entry's sink.
     *
     * @param sink the sink spec, resolved by its provider
     * @param provider creates the sink when the entry starts
     */
    public record Companion(SinkSpec sink, SinkProvider provider) {
        /**
         * Creates the record.
         *
         * @param sink the sink spec
         * @param provider its provider
         * @throws NullPointerException if an argument is null
         */
        public Companion {
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(provider, "provider");
        }
    }

    /**
     * Creates the record, copying {@code labels}.
     *
     * @param index position in the compiled list
     * @param path where the entry is written
     * @param id the entry id, or null
     * @param name the entry's name
     * @param signalType the signal type
     * @param source the entry as compiled
     * @param rate events per second
     * @param duration lifetime, or null
     * @param phaseOffset start delay
     * @param labels static labels
     * @param encoder the encoder
     * @param sink the sink
     * @param onSinkError the sink failure policy
     * @param onSinkErrorExplicit whether the policy was chosen rather than defaulted
     * @param clockGroup the clock group, or null
     * @param clockGroupAuto whether the clock group was synthesized
     * @param runtime what was built for the entry
     * @throws NullPointerException if a required component is null
     */
    public CompiledEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(phaseOffset, "phaseOffset");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(onSinkError, "onSinkError");
        Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * Creates the record with a policy that counts as the built-in default ({@code
     * onSinkErrorExplicit} false).
     *
     * @param index position in the compiled list
     * @param path where the entry is written
     * @param id the entry id, or null
     * @param name the entry's name
     * @param signalType the signal type
     * @param source the entry as compiled
     * @param rate events per second
     * @param duration lifetime, or null
     * @param phaseOffset start delay
     * @param labels static labels
     * @param encoder the encoder
     * @param sink the sink
     * @param onSinkError the sink failure policy
     * @param clockGroup the clock group, or null
     * @param clockGroupAuto whether the clock group was synthesized
     * @param runtime what was built for the entry
     * @throws NullPointerException if a required component is null
     */
    public CompiledEntry(
            int index,
            String path,
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
            boolean clockGroupAuto,
            Runtime runtime) {
        this(
                index,
                path,
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
                false,
                clockGroup,
                clockGroupAuto,
                runtime);
    }

    /**
     * Whether dropped records are accepted: {@code on_sink_error: warn} chosen explicitly. A
     * command running the entry (the {@code sonda} CLI) reports drops of any other entry as a
     * failure, a difference from the reference, which exits 0 after any number of sink errors
     * under {@code warn}.
     *
     * @return true for an explicit {@code warn}
     */
    public boolean acceptsDrops() {
        return onSinkError == OnSinkError.WARN && onSinkErrorExplicit;
    }

    /**
     * The entry's signal: its generator, log generator, or histogram/summary settings.
     *
     * @return the signal
     */
    public Signal signal() {
        return source.signal();
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
     * The entry's {@code while:} gate, or null.
     *
     * @return the gate clause
     */
    public WhileClause whileClause() {
        return source.whileClause();
    }

    /**
     * The entry's {@code delay:} clause, or null.
     *
     * @return the delay clause
     */
    public DelayClause delay() {
        return source.delay();
    }

    /**
     * The entry's {@code start_time}, or null for the run's start.
     *
     * @return the start time text
     */
    public String startTime() {
        return source.startTime();
    }

    /**
     * The metric type of a metrics entry: {@code metric_type}, or {@link MetricType#GAUGE} when
     * unset; {@link MetricType#HISTOGRAM} and {@link MetricType#SUMMARY} for those signals.
     *
     * @return the metric type
     */
    public MetricType metricType() {
        return switch (signalType) {
            case HISTOGRAM -> MetricType.HISTOGRAM;
            case SUMMARY -> MetricType.SUMMARY;
            default -> source.metricType() == null ? MetricType.GAUGE : source.metricType();
        };
    }

    /**
     * How messages name the entry: its id, else its name, else its position.
     *
     * @return such as {@code 'primary'}
     */
    public String displayName() {
        return source.sourceName(index);
    }
}
