package dev.sonda.api;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DSL stage of a whole runnable plan: file metadata, {@code defaults:} and the entries. Start one
 * with {@link Scenario#plan()}. The default-setting methods ({@link #rate(double)}, {@link
 * #duration(String)}, ...) set the YAML {@code defaults:} block. Immutable.
 */
public final class PlanStage {
    private final String scenarioName;
    private final String description;
    private final List<String> tags;
    private final Defaults defaults;
    private final List<EntryStage<?>> entries;

    PlanStage(
            String scenarioName,
            String description,
            List<String> tags,
            Defaults defaults,
            List<EntryStage<?>> entries) {
        this.scenarioName = scenarioName;
        this.description = description;
        this.tags = List.copyOf(tags);
        this.defaults = defaults;
        this.entries = List.copyOf(entries);
    }

    private PlanStage withDefaults(Defaults d) {
        return new PlanStage(scenarioName, description, tags, d, entries);
    }

    /**
     * Sets the catalog identifier (YAML {@code scenario_name}).
     *
     * @param name the name, conventionally kebab-case
     * @return the new stage
     */
    public PlanStage scenarioName(String name) {
        return new PlanStage(name, description, tags, defaults, entries);
    }

    /**
     * Sets the catalog description (YAML {@code description}).
     *
     * @param text the description
     * @return the new stage
     */
    public PlanStage description(String text) {
        return new PlanStage(scenarioName, text, tags, defaults, entries);
    }

    /**
     * Sets the catalog tags (YAML {@code tags}).
     *
     * @param tags the tags
     * @return the new stage
     */
    public PlanStage tags(String... tags) {
        return new PlanStage(scenarioName, description, List.of(tags), defaults, entries);
    }

    /**
     * Replaces the whole defaults block (YAML {@code defaults:}).
     *
     * @param defaults the defaults
     * @return the new stage
     */
    public PlanStage defaults(Defaults defaults) {
        return withDefaults(defaults);
    }

    /**
     * Sets the default rate (YAML {@code defaults.rate}).
     *
     * @param eventsPerSecond above 0
     * @return the new stage
     */
    public PlanStage rate(double eventsPerSecond) {
        Defaults d = defaults;
        return withDefaults(new Defaults(
                eventsPerSecond,
                d.duration(),
                d.startTime(),
                d.encoder(),
                d.sink(),
                d.labels(),
                d.onSinkError(),
                d.whileClause(),
                d.delay()));
    }

    /**
     * Sets the default duration (YAML {@code defaults.duration}).
     *
     * @param duration positive
     * @return the new stage
     */
    public PlanStage duration(Duration duration) {
        Defaults d = defaults;
        return withDefaults(new Defaults(
                d.rate(),
                duration,
                d.startTime(),
                d.encoder(),
                d.sink(),
                d.labels(),
                d.onSinkError(),
                d.whileClause(),
                d.delay()));
    }

    /**
     * Sets the default duration from YAML text (YAML {@code defaults.duration}).
     *
     * @param duration such as {@code 10m}
     * @return the new stage
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    public PlanStage duration(String duration) {
        return duration(DurationText.parse(duration));
    }

    /**
     * Sets the default encoder (YAML {@code defaults.encoder}).
     *
     * @param encoder the encoder spec
     * @return the new stage
     */
    public PlanStage encoder(EncoderSpec encoder) {
        Defaults d = defaults;
        return withDefaults(new Defaults(
                d.rate(),
                d.duration(),
                d.startTime(),
                encoder,
                d.sink(),
                d.labels(),
                d.onSinkError(),
                d.whileClause(),
                d.delay()));
    }

    /**
     * Sets the default sink (YAML {@code defaults.sink}).
     *
     * @param sink the sink spec
     * @return the new stage
     */
    public PlanStage sink(SinkSpec sink) {
        Defaults d = defaults;
        return withDefaults(new Defaults(
                d.rate(),
                d.duration(),
                d.startTime(),
                d.encoder(),
                sink,
                d.labels(),
                d.onSinkError(),
                d.whileClause(),
                d.delay()));
    }

    /**
     * Adds a label merged under every inline entry's labels (YAML {@code defaults.labels}).
     *
     * @param key label key
     * @param value label value
     * @return the new stage
     */
    public PlanStage label(String key, String value) {
        Defaults d = defaults;
        Map<String, String> labels = new HashMap<>(d.labels());
        labels.put(key, value);
        return withDefaults(new Defaults(
                d.rate(),
                d.duration(),
                d.startTime(),
                d.encoder(),
                d.sink(),
                labels,
                d.onSinkError(),
                d.whileClause(),
                d.delay()));
    }

    /**
     * Sets the default sink failure policy (YAML {@code defaults.on_sink_error}).
     *
     * @param policy warn or fail
     * @return the new stage
     */
    public PlanStage onSinkError(OnSinkError policy) {
        Defaults d = defaults;
        return withDefaults(new Defaults(
                d.rate(),
                d.duration(),
                d.startTime(),
                d.encoder(),
                d.sink(),
                d.labels(),
                policy,
                d.whileClause(),
                d.delay()));
    }

    /**
     * Appends an entry (an item of YAML {@code scenarios:}); it is built when the plan is.
     *
     * @param entry an entry stage
     * @return the new stage
     */
    public PlanStage add(EntryStage<?> entry) {
        List<EntryStage<?>> next = new ArrayList<>(entries);
        next.add(entry);
        return new PlanStage(scenarioName, description, tags, defaults, next);
    }

    /**
     * Builds and validates the plan, reporting every problem of every entry at once.
     *
     * @return the plan
     * @throws InvalidScenarioException carrying every problem found, each with its path
     * @throws IllegalStateException if an entry's signal body (generator, ...) was never set
     */
    public ScenarioPlan build() {
        List<Entry> built = entries.stream().map(EntryStage::toEntry).toList();
        ScenarioPlan plan = new ScenarioPlan(
                ScenarioPlan.VERSION, PlanKind.RUNNABLE, scenarioName, description, tags, defaults, built, null);
        List<Problem> found = plan.problems();
        for (int i = 0; i < entries.size(); i++) {
            found = entries.get(i).reword("scenarios[" + i + "]", found);
        }
        Problems problems = new Problems();
        problems.addAll(found);
        problems.throwIfAny();
        return plan;
    }
}
