package dev.sonda.api;

import java.util.List;
import java.util.Objects;

/**
 * A whole scenario file (v2): the immutable model that both YAML and the Java DSL produce, and
 * that the engine compiles and runs.
 *
 * <p>A {@link PlanKind#RUNNABLE runnable} plan holds entries and optional defaults; a {@link
 * PlanKind#COMPOSABLE composable} plan holds a {@link MetricPack} and no entries.
 *
 * @param version format version, always 2
 * @param kind runnable or composable
 * @param scenarioName catalog identifier (YAML {@code scenario_name}), or null
 * @param description catalog description, or null
 * @param tags catalog tags
 * @param defaults file-level defaults, {@link Defaults#NONE} when absent
 * @param entries the entries in file order (empty for composable plans)
 * @param pack the pack of a composable plan, else null
 */
public record ScenarioPlan(
        int version,
        PlanKind kind,
        String scenarioName,
        String description,
        List<String> tags,
        Defaults defaults,
        List<Entry> entries,
        MetricPack pack) {

    /** The only supported format version. */
    public static final int VERSION = 2;
    /**
     * Creates the record, checking and copying its components.
     *
     * @param version format version, always 2
     * @param kind runnable or composable
     * @param scenarioName catalog identifier (YAML {@code scenario_name}), or null
     * @param description catalog description, or null
     * @param tags catalog tags
     * @param defaults file-level defaults, {@link Defaults#NONE} when absent
     * @param entries the entries in file order (empty for composable plans)
     * @param pack the pack of a composable plan, else null
     * @throws NullPointerException if a required component is null
     */
    public ScenarioPlan {
        Objects.requireNonNull(kind, "kind");
        tags = tags == null ? List.of() : List.copyOf(tags);
        entries = entries == null ? List.of() : List.copyOf(entries);
        defaults = defaults == null ? Defaults.NONE : defaults;
    }

    /**
     * A runnable plan of the given entries with defaults.
     *
     * @param defaults file-level defaults
     * @param entries the entries
     * @return the plan (not yet validated)
     */
    public static ScenarioPlan of(Defaults defaults, List<Entry> entries) {
        return new ScenarioPlan(VERSION, PlanKind.RUNNABLE, null, null, List.of(), defaults, entries, null);
    }

    /**
     * Every problem of this plan that needs no external context (no catalog, no files): the
     * version, an empty runnable plan, duplicate ids and each entry's own rules.
     *
     * @return the problems found, in file order; empty when valid
     */
    public List<Problem> problems() {
        Problems problems = new Problems();
        if (version != VERSION) {
            problems.add("version", "version must be 2, got " + version);
        }
        if (kind == PlanKind.COMPOSABLE) {
            if (!entries.isEmpty()) {
                problems.add(
                        "scenarios",
                        "kind: composable cannot have a 'scenarios:' block; composable files are pack definitions");
            }
            if (pack == null) {
                problems.add("", "kind: composable body is not a valid pack definition");
            }
            return problems.list();
        }
        if (entries.isEmpty()) {
            problems.add("scenarios", "kind: runnable scenarios block is empty; expected at least one scenario");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.id() != null && !seen.add(e.id())) {
                problems.add("scenarios[" + i + "].id", "duplicate entry id: '" + e.id() + "'");
            }
            e.validate("scenarios[" + i + "]", i, defaults, problems);
        }
        return problems.list();
    }

    /**
     * Checks the plan with {@link #problems()}.
     *
     * @return this plan
     * @throws InvalidScenarioException carrying every problem, if there is any
     */
    public ScenarioPlan validate() {
        Problems p = new Problems();
        p.addAll(problems());
        p.throwIfAny();
        return this;
    }
}
