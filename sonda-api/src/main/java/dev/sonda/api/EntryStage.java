package dev.sonda.api;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields every DSL entry stage shares, whatever its signal type. Stages are immutable: every
 * call returns a new stage and leaves the receiver unchanged, so a base scenario can be reused
 * across tests. Nothing is validated until {@link #build()} (or the plan's {@code build()}).
 *
 * <p>Each method names the YAML key it sets. Durations are {@link Duration}s; overloads taking a
 * {@code String} read the YAML duration syntax ({@code 30s}, {@code 1.5m}, {@code 250ms}) and throw
 * {@link IllegalArgumentException} on bad text.
 *
 * @param <S> the concrete stage type, returned by every method
 */
public abstract class EntryStage<S extends EntryStage<S>> {

    /** The fields a stage can hold. */
    enum Field {
        ID,
        NAME,
        BODY,
        RATE,
        DURATION,
        START_TIME,
        LABELS,
        DYNAMIC_LABELS,
        ENCODER,
        SINK,
        JITTER,
        JITTER_SEED,
        GAPS,
        BURSTS,
        CARDINALITY_SPIKES,
        PHASE_OFFSET,
        CLOCK_GROUP,
        AFTER,
        WHILE,
        DELAY,
        ON_SINK_ERROR,
        METRIC_TYPE,
        HELP,
        EXTRA
    }

    private final Map<Field, Object> state;

    /**
     * Creates a stage holding {@code state}.
     *
     * @param state the fields set so far; the caller hands over ownership
     */
    EntryStage(Map<Field, Object> state) {
        this.state = state;
    }

    /**
     * Creates a stage of the same concrete type holding {@code state}.
     *
     * @param state the new fields
     * @return the new stage
     */
    abstract S copy(Map<Field, Object> state);

    /**
     * The signal body built from the fields, or null when the required body is missing.
     *
     * @return the signal, or null
     */
    abstract Signal signal();

    /**
     * The signal type of this stage.
     *
     * @return the signal type
     */
    abstract SignalType signalType();

    final Object get(Field field) {
        return state.get(field);
    }

    final S with(Field field, Object value) {
        Map<Field, Object> next = new EnumMap<>(Field.class);
        next.putAll(state);
        if (value == null) {
            next.remove(field);
        } else {
            next.put(field, value);
        }
        return copy(next);
    }

    static Map<Field, Object> initial(String name) {
        Map<Field, Object> m = new EnumMap<>(Field.class);
        if (name != null) {
            m.put(Field.NAME, name);
        }
        return m;
    }

    /**
     * Sets the entry id other entries refer to in {@code after:} and {@code while:} (YAML {@code
     * id}).
     *
     * @param id {@code [a-zA-Z_][a-zA-Z0-9_]*}
     * @return the new stage
     */
    public S id(String id) {
        return with(Field.ID, id);
    }

    /**
     * The id set with {@link #id(String)}, or null.
     *
     * @return the id
     */
    public String id() {
        return (String) get(Field.ID);
    }

    /**
     * Sets events (ticks) per second (YAML {@code rate}).
     *
     * @param eventsPerSecond above 0; fractions allowed (0.5 = one event every 2 s)
     * @return the new stage
     */
    public S rate(double eventsPerSecond) {
        return with(Field.RATE, eventsPerSecond);
    }

    /**
     * Sets the lifetime from the entry's own start (YAML {@code duration}); without it the entry
     * runs until stopped.
     *
     * @param duration positive
     * @return the new stage
     */
    public S duration(Duration duration) {
        return with(Field.DURATION, duration);
    }

    /**
     * Sets the lifetime from YAML duration text (YAML {@code duration}).
     *
     * @param duration such as {@code 10m}
     * @return the new stage
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    public S duration(String duration) {
        return duration(DurationText.parse(duration));
    }

    /**
     * Sets the timestamp anchor (YAML {@code start_time}).
     *
     * @param startTime {@code now}, a signed offset such as {@code -1h}, or an RFC 3339 instant
     * @return the new stage
     */
    public S startTime(String startTime) {
        return with(Field.START_TIME, startTime);
    }

    /**
     * Adds one static label (YAML {@code labels:}), replacing an earlier value of the same key.
     *
     * @param key {@code [a-zA-Z_][a-zA-Z0-9_]*}
     * @param value any text
     * @return the new stage
     */
    public S label(String key, String value) {
        Map<String, String> labels = new LinkedHashMap<>(labels());
        labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return with(Field.LABELS, Map.copyOf(labels));
    }

    /**
     * Adds static labels (YAML {@code labels:}), replacing earlier values of the same keys.
     *
     * @param labels keys to values
     * @return the new stage
     */
    public S labels(Map<String, String> labels) {
        Map<String, String> merged = new LinkedHashMap<>(labels());
        merged.putAll(labels);
        return with(Field.LABELS, Map.copyOf(merged));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> labels() {
        Object l = get(Field.LABELS);
        return l == null ? Map.of() : (Map<String, String>) l;
    }

    /**
     * Adds a counter label {@code prefix + (tick mod cardinality)} (an item of YAML {@code
     * dynamic_labels:}).
     *
     * @param key label key
     * @param prefix value prefix, or null for {@code "<key>_"}
     * @param cardinality distinct values, at least 1
     * @return the new stage
     */
    public S dynamicLabel(String key, String prefix, long cardinality) {
        return addTo(Field.DYNAMIC_LABELS, new DynamicLabel(key, prefix, cardinality, List.of()));
    }

    /**
     * Adds a label cycling through {@code values} by tick (an item of YAML {@code dynamic_labels:}).
     *
     * @param key label key
     * @param values values, non-empty
     * @return the new stage
     */
    public S dynamicLabel(String key, List<String> values) {
        return addTo(Field.DYNAMIC_LABELS, new DynamicLabel(key, null, 0, values));
    }

    /**
     * Sets the encoder (YAML {@code encoder:}), such as {@code EncoderSpec.influxLp()}.
     *
     * @param encoder the encoder spec
     * @return the new stage
     */
    public S encoder(EncoderSpec encoder) {
        return with(Field.ENCODER, encoder);
    }

    /**
     * Sets the sink (YAML {@code sink:}), such as {@code SinkSpec.file("out.prom")}.
     *
     * @param sink the sink spec
     * @return the new stage
     */
    public S sink(SinkSpec sink) {
        return with(Field.SINK, sink);
    }

    /**
     * Silences the last {@code forDuration} of every {@code every} cycle (YAML {@code gaps:}).
     *
     * @param every cycle length
     * @param forDuration silence length, shorter than {@code every}
     * @return the new stage
     */
    public S gaps(Duration every, Duration forDuration) {
        return with(Field.GAPS, new Gaps(every, forDuration));
    }

    /**
     * Silences the tail of every cycle, from YAML duration text (YAML {@code gaps: {every, for}}).
     *
     * @param every cycle length, such as {@code 2m}
     * @param forDuration silence length, such as {@code 20s}
     * @return the new stage
     * @throws IllegalArgumentException if a text is not a positive duration
     */
    public S gaps(String every, String forDuration) {
        return gaps(DurationText.parse(every), DurationText.parse(forDuration));
    }

    /**
     * Multiplies the rate during the first {@code forDuration} of every cycle (YAML {@code
     * bursts:}).
     *
     * @param every cycle length
     * @param forDuration burst length, shorter than {@code every}
     * @param multiplier rate factor, above 0
     * @return the new stage
     */
    public S bursts(Duration every, Duration forDuration, double multiplier) {
        return with(Field.BURSTS, new Bursts(every, forDuration, multiplier));
    }

    /**
     * Multiplies the rate at the head of every cycle, from YAML duration text (YAML {@code
     * bursts:}).
     *
     * @param every cycle length, such as {@code 1m}
     * @param forDuration burst length, such as {@code 5s}
     * @param multiplier rate factor, above 0
     * @return the new stage
     * @throws IllegalArgumentException if a text is not a positive duration
     */
    public S bursts(String every, String forDuration, double multiplier) {
        return bursts(DurationText.parse(every), DurationText.parse(forDuration), multiplier);
    }

    /**
     * Adds a cardinality spike (an item of YAML {@code cardinality_spikes:}).
     *
     * @param spike the spike
     * @return the new stage
     */
    public S cardinalitySpike(CardinalitySpike spike) {
        return addTo(Field.CARDINALITY_SPIKES, spike);
    }

    /**
     * Delays the entry's start (YAML {@code phase_offset}).
     *
     * @param offset positive
     * @return the new stage
     */
    public S phaseOffset(Duration offset) {
        return with(Field.PHASE_OFFSET, offset);
    }

    /**
     * Delays the entry's start, from YAML duration text (YAML {@code phase_offset}).
     *
     * @param offset such as {@code 30s}
     * @return the new stage
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    public S phaseOffset(String offset) {
        return phaseOffset(DurationText.parse(offset));
    }

    /**
     * Names the display group this entry shares with its dependency chain (YAML {@code
     * clock_group}).
     *
     * @param group group name
     * @return the new stage
     */
    public S clockGroup(String group) {
        return with(Field.CLOCK_GROUP, group);
    }

    /**
     * Starts this entry when entry {@code ref} first satisfies {@code op value} (YAML {@code after:
     * {ref, op, value}}).
     *
     * @param ref id of the upstream metrics entry
     * @param op the strict comparison
     * @param value the threshold
     * @return the new stage
     */
    public S after(String ref, Comparison op, double value) {
        return with(Field.AFTER, new AfterClause(ref, op, value, null));
    }

    /**
     * Starts this entry when entry {@code ref} first satisfies {@code op value} (YAML {@code after:
     * {ref, op, value}}).
     *
     * @param ref id of the upstream metrics entry
     * @param op {@code "<"} or {@code ">"}
     * @param value the threshold
     * @return the new stage
     * @throws IllegalArgumentException if {@code op} is neither {@code <} nor {@code >}
     */
    public S after(String ref, String op, double value) {
        return after(ref, Comparison.of(op), value);
    }

    /**
     * Starts this entry {@code delay} after entry {@code ref} first satisfies {@code op value}
     * (YAML {@code after: {ref, op, value, delay}}).
     *
     * @param ref id of the upstream metrics entry
     * @param op {@code "<"} or {@code ">"}
     * @param value the threshold
     * @param delay extra wait after the crossing, positive
     * @return the new stage
     * @throws IllegalArgumentException if {@code op} is neither {@code <} nor {@code >}
     */
    public S after(String ref, String op, double value, Duration delay) {
        return with(Field.AFTER, new AfterClause(ref, Comparison.of(op), value, delay));
    }

    /**
     * Starts this entry when {@code upstream} first satisfies {@code op value} (YAML {@code after:
     * {ref: <upstream's id>, op, value}}).
     *
     * @param upstream a stage with an {@link #id(String) id}
     * @param op {@code "<"} or {@code ">"}
     * @param value the threshold
     * @return the new stage
     * @throws IllegalArgumentException if {@code upstream} has no id or {@code op} is invalid
     */
    public S after(EntryStage<?> upstream, String op, double value) {
        return after(idOf(upstream, "after"), op, value);
    }

    /**
     * Emits only while entry {@code ref} satisfies {@code op value} (YAML {@code while: {ref, op,
     * value}}; {@code while} is a Java keyword). Needs a {@code duration}.
     *
     * @param ref id of the upstream metrics entry
     * @param op {@code "<"} or {@code ">"}
     * @param value the threshold, finite
     * @return the new stage
     * @throws IllegalArgumentException if {@code op} is neither {@code <} nor {@code >}
     */
    public S activeWhile(String ref, String op, double value) {
        return with(Field.WHILE, new WhileClause(ref, Comparison.of(op), value, null, null));
    }

    /**
     * Emits only while {@code upstream} satisfies {@code op value} (YAML {@code while:}).
     *
     * @param upstream a stage with an {@link #id(String) id}
     * @param op {@code "<"} or {@code ">"}
     * @param value the threshold, finite
     * @return the new stage
     * @throws IllegalArgumentException if {@code upstream} has no id or {@code op} is invalid
     */
    public S activeWhile(EntryStage<?> upstream, String op, double value) {
        return activeWhile(idOf(upstream, "activeWhile"), op, value);
    }

    /**
     * Debounces the {@code while:} gate (YAML {@code delay: {open, close}}).
     *
     * @param open how long the gate must stay open before emission resumes; zero for none
     * @param close how long the gate must stay closed before emission pauses; zero for none
     * @return the new stage
     */
    public S delay(Duration open, Duration close) {
        return with(Field.DELAY, new DelayClause(open, close, null, null));
    }

    /**
     * Sets the {@code delay:} clause in full (YAML {@code delay:} with {@code close: {duration,
     * snap_to, stale_marker}}).
     *
     * @param delay the clause
     * @return the new stage
     */
    public S delay(DelayClause delay) {
        return with(Field.DELAY, delay);
    }

    /**
     * Sets the sink failure policy (YAML {@code on_sink_error}).
     *
     * @param policy warn (default) or fail
     * @return the new stage
     */
    public S onSinkError(OnSinkError policy) {
        return with(Field.ON_SINK_ERROR, policy);
    }

    private static String idOf(EntryStage<?> upstream, String method) {
        String id = upstream.id();
        if (id == null) {
            throw new IllegalArgumentException(
                    method + "(upstream, ...) needs an upstream with an id: call .id(\"...\")"
                            + " on the upstream stage, or pass its id as a String");
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    final <T> S addTo(Field field, T item) {
        List<T> list = new ArrayList<>();
        Object old = get(field);
        if (old != null) {
            list.addAll((List<T>) old);
        }
        list.add(Objects.requireNonNull(item));
        return with(field, List.copyOf(list));
    }

    /**
     * The entry as configured so far, without validation (a plan validates it with its defaults).
     *
     * @return the entry
     * @throws IllegalStateException if the signal's body (generator, log generator, distribution
     *     or pack) was never set
     */
    @SuppressWarnings("unchecked")
    public Entry toEntry() {
        Signal signal = signal();
        if (signal == null) {
            throw new IllegalStateException("entry '" + get(Field.NAME) + "' has no "
                    + (signalType() == SignalType.LOGS
                            ? "log generator"
                            : signalType() == SignalType.METRICS ? "generator" : "distribution")
                    + "; set one before building");
        }
        return new Entry(
                (String) get(Field.ID),
                (String) get(Field.NAME),
                signal,
                (Double) get(Field.RATE),
                (Duration) get(Field.DURATION),
                (String) get(Field.START_TIME),
                (Map<String, String>) get(Field.LABELS),
                (List<DynamicLabel>) get(Field.DYNAMIC_LABELS),
                (EncoderSpec) get(Field.ENCODER),
                (SinkSpec) get(Field.SINK),
                (Double) get(Field.JITTER),
                (Long) get(Field.JITTER_SEED),
                (Gaps) get(Field.GAPS),
                (Bursts) get(Field.BURSTS),
                (List<CardinalitySpike>) get(Field.CARDINALITY_SPIKES),
                (Duration) get(Field.PHASE_OFFSET),
                (String) get(Field.CLOCK_GROUP),
                (AfterClause) get(Field.AFTER),
                (WhileClause) get(Field.WHILE),
                (DelayClause) get(Field.DELAY),
                (OnSinkError) get(Field.ON_SINK_ERROR),
                (MetricType) get(Field.METRIC_TYPE),
                (String) get(Field.HELP));
    }

    /**
     * Builds and validates this entry on its own, with no file defaults.
     *
     * @return the entry
     * @throws InvalidScenarioException carrying every problem found, such as a missing rate
     * @throws IllegalStateException if the signal's body was never set
     */
    public Entry build() {
        Entry entry = toEntry();
        Problems problems = new Problems();
        entry.validate("scenario", 0, Defaults.NONE, problems);
        problems.throwIfAny();
        return entry;
    }

    /**
     * Builds and validates a one-entry runnable plan of this stage.
     *
     * @return the plan
     * @throws InvalidScenarioException carrying every problem found
     * @throws IllegalStateException if the signal's body was never set
     */
    public ScenarioPlan buildPlan() {
        return ScenarioPlan.of(Defaults.NONE, List.of(toEntry())).validate();
    }
}
