package dev.sonda.api;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        EVERY,
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
     * Sets events (ticks) per second (YAML {@code rate}). Replaces an earlier {@link
     * #every(Duration)}.
     *
     * @param eventsPerSecond above 0; fractions allowed (0.5 = one event every 2 s); a build
     *     reports a value of 0 or below, or NaN
     * @return the new stage
     */
    public S rate(double eventsPerSecond) {
        return with(Field.EVERY, null).with(Field.RATE, eventsPerSecond);
    }

    /**
     * Sets the interval between events, for those who think in scrape intervals: YAML {@code rate}
     * set to {@code 1 / interval}, the interval in seconds ({@code every(Duration.ofSeconds(15))}
     * is {@code rate: 0.06666666666666667}, the same double as {@code rate(1 / 15.0)}). Replaces an
     * earlier {@link #rate(double)}; a later {@code rate(...)} replaces this.
     *
     * <p>The interval is converted to seconds as {@code seconds + nanos / 1e9}, as the reference
     * converts durations ({@link DurationText#toSeconds(Duration)}).
     *
     * @param interval time between two events, above zero; a zero or negative interval is reported
     *     by {@code build()} at the entry's {@code rate} path, not here
     * @return the new stage
     * @throws NullPointerException if {@code interval} is null
     */
    public S every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            return with(Field.RATE, null).with(Field.EVERY, interval);
        }
        return with(Field.EVERY, null).with(Field.RATE, 1.0 / DurationText.toSeconds(interval));
    }

    /**
     * Sets the interval between events from YAML duration text: {@code rate} set to {@code 1 /
     * interval} (see {@link #every(Duration)}).
     *
     * @param interval such as {@code 15s} or {@code 250ms}
     * @return the new stage
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    public S every(String interval) {
        return every(DurationText.parse(interval));
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
     * @param startTime {@code now}, a signed offset such as {@code -1h} (units {@code ms}, {@code
     *     s}, {@code m}, {@code h}, {@code d}), or an RFC 3339 instant such as {@code
     *     2026-01-01T00:00:00Z}; checked when the plan is compiled
     * @return the new stage
     */
    public S startTime(String startTime) {
        return with(Field.START_TIME, startTime);
    }

    /**
     * Anchors timestamps at a fixed instant (YAML {@code start_time} with an RFC 3339 value). The
     * instant is written in UTC with {@code Z} and as many fraction digits as it needs ({@link
     * Instant#toString()}, such as {@code 2026-01-01T00:00:00Z} or {@code
     * 2026-01-01T00:00:00.250Z}), which {@code start_time} reads back to the same instant to the
     * nanosecond; {@code startTime("2026-01-01T00:00:00Z")} builds the same entry.
     *
     * @param startTime an instant in the years 0000 to 9999 (RFC 3339 years have four digits)
     * @return the new stage
     * @throws NullPointerException if {@code startTime} is null
     * @throws IllegalArgumentException if the instant's year is outside 0000 to 9999
     */
    public S startTime(Instant startTime) {
        Objects.requireNonNull(startTime, "startTime");
        int year = startTime.atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("startTime(" + startTime + "): an RFC 3339 start_time has a four-digit"
                    + " year (0000 to 9999), got " + year + "; pass an instant within those years, or a signed"
                    + " offset such as startTime(\"-1h\")");
        }
        return startTime(startTime.toString());
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
     * Adds a counter label {@code <key>_ + (tick mod cardinality)} with the default prefix (an item
     * of YAML {@code dynamic_labels:} without {@code prefix}).
     *
     * @param key label key
     * @param cardinality distinct values, at least 1; a build reports 0
     * @return the new stage
     */
    public S dynamicLabel(String key, long cardinality) {
        return dynamicLabel(key, null, cardinality);
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
        return after(ref, Comparison.of(op), value, delay);
    }

    /**
     * Starts this entry {@code delay} after entry {@code ref} first satisfies {@code op value}
     * (YAML {@code after: {ref, op, value, delay}}).
     *
     * @param ref id of the upstream metrics entry
     * @param op the strict comparison
     * @param value the threshold
     * @param delay extra wait after the crossing, positive (a build reports zero or below), or
     *     null for none
     * @return the new stage
     * @throws NullPointerException if {@code ref} or {@code op} is null
     */
    public S after(String ref, Comparison op, double value, Duration delay) {
        return with(Field.AFTER, new AfterClause(ref, op, value, delay));
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
     * Starts this entry when {@code upstream} first satisfies {@code op value} (YAML {@code after:
     * {ref: <upstream's id>, op, value}}).
     *
     * @param upstream a stage with an {@link #id(String) id}
     * @param op the strict comparison
     * @param value the threshold
     * @return the new stage
     * @throws IllegalArgumentException if {@code upstream} has no id
     * @throws NullPointerException if {@code op} is null
     */
    public S after(EntryStage<?> upstream, Comparison op, double value) {
        return after(idOf(upstream, "after"), op, value);
    }

    /**
     * Starts this entry {@code delay} after {@code upstream} first satisfies {@code op value} (YAML
     * {@code after: {ref: <upstream's id>, op, value, delay}}).
     *
     * @param upstream a stage with an {@link #id(String) id}
     * @param op the strict comparison
     * @param value the threshold
     * @param delay extra wait after the crossing, positive (a build reports zero or below), or
     *     null for none
     * @return the new stage
     * @throws IllegalArgumentException if {@code upstream} has no id
     * @throws NullPointerException if {@code op} is null
     */
    public S after(EntryStage<?> upstream, Comparison op, double value, Duration delay) {
        return after(idOf(upstream, "after"), op, value, delay);
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
        return activeWhile(ref, Comparison.of(op), value);
    }

    /**
     * Emits only while entry {@code ref} satisfies {@code op value} (YAML {@code while: {ref, op,
     * value}}; {@code while} is a Java keyword). Needs a {@code duration}.
     *
     * @param ref id of the upstream metrics entry
     * @param op the strict comparison
     * @param value the threshold, finite (a build reports NaN and infinities)
     * @return the new stage
     * @throws NullPointerException if {@code ref} or {@code op} is null
     */
    public S activeWhile(String ref, Comparison op, double value) {
        return with(Field.WHILE, new WhileClause(ref, op, value, null, null));
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
     * Emits only while {@code upstream} satisfies {@code op value} (YAML {@code while: {ref:
     * <upstream's id>, op, value}}). Needs a {@code duration}.
     *
     * @param upstream a stage with an {@link #id(String) id}
     * @param op the strict comparison
     * @param value the threshold, finite (a build reports NaN and infinities)
     * @return the new stage
     * @throws IllegalArgumentException if {@code upstream} has no id
     * @throws NullPointerException if {@code op} is null
     */
    public S activeWhile(EntryStage<?> upstream, Comparison op, double value) {
        return activeWhile(idOf(upstream, "activeWhile"), op, value);
    }

    /**
     * Sets the {@code while:} clause in full, including the server-only {@code scenario_name} and
     * {@code if_unresolved} of a gate on another scenario body's entry (YAML {@code while: {ref,
     * op, value, scenario_name, if_unresolved}}). Needs a {@code duration}.
     *
     * @param clause the clause
     * @return the new stage
     * @throws NullPointerException if {@code clause} is null
     */
    public S activeWhile(WhileClause clause) {
        return with(Field.WHILE, Objects.requireNonNull(clause, "clause"));
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
     * Rewords the entry's rate problem when the rate came from a zero or negative {@link
     * #every(Duration)}, so the message names what the user wrote. {@link #toEntry()} gives such
     * an entry a NaN rate, which the entry's own rules report at {@code <path>.rate}.
     *
     * @param path where the entry sits, such as {@code scenarios[2]}
     * @param problems the plan's or entry's problems, in order
     * @return the problems, the rate problem reworded
     */
    final List<Problem> reword(String path, List<Problem> problems) {
        Duration every = (Duration) get(Field.EVERY);
        if (every == null) {
            return problems;
        }
        String ratePath = path + ".rate";
        String message = "every(interval): the interval between events must be greater than zero, got "
                + FloatText.display(DurationText.toSeconds(every)) + "s; pass a positive interval such as"
                + " Duration.ofSeconds(15) (rate = 1 / interval in seconds), or set rate(eventsPerSecond)";
        return problems.stream()
                .map(p -> p.path().equals(ratePath) ? new Problem(ratePath, message) : p)
                .toList();
    }

    /**
     * The entry as configured so far, without validation (a plan validates it with its defaults).
     *
     * @return the entry
     * @throws IllegalStateException if the signal's body (generator, log generator, distribution,
     *     pack, services or events) was never set
     */
    @SuppressWarnings("unchecked")
    public Entry toEntry() {
        Signal signal = signal();
        if (signal == null) {
            String body =
                    switch (signalType()) {
                        case LOGS -> "log generator";
                        case METRICS -> "generator";
                        case TRACES -> "service (traces: services)";
                        case EVENTS -> "event";
                        default -> "distribution";
                    };
            throw new IllegalStateException(
                    "entry '" + get(Field.NAME) + "' has no " + body + "; set one before building");
        }
        return new Entry(
                (String) get(Field.ID),
                (String) get(Field.NAME),
                signal,
                get(Field.EVERY) != null ? Double.valueOf(Double.NaN) : (Double) get(Field.RATE),
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
        Problems found = new Problems();
        entry.validate("scenario", 0, Defaults.NONE, found);
        Problems problems = new Problems();
        problems.addAll(reword("scenario", found.list()));
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
        ScenarioPlan plan = ScenarioPlan.of(Defaults.NONE, List.of(toEntry()));
        Problems problems = new Problems();
        problems.addAll(reword("scenarios[0]", plan.problems()));
        problems.throwIfAny();
        return plan;
    }
}
