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
 * @param origin where the plan was written (set by the YAML loader), or null for a plan built in
 *     Java; not part of the plan's value: {@link #equals} and {@link #hashCode} ignore it, so a
 *     plan loaded from a file equals the same plan built with the DSL
 */
public record ScenarioPlan(
        int version,
        PlanKind kind,
        String scenarioName,
        String description,
        List<String> tags,
        Defaults defaults,
        List<Entry> entries,
        MetricPack pack,
        SourceMap origin) {

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
     * @param origin where the plan was written, or null
     * @throws NullPointerException if a required component is null
     */
    public ScenarioPlan {
        Objects.requireNonNull(kind, "kind");
        tags = tags == null ? List.of() : List.copyOf(tags);
        entries = entries == null ? List.of() : List.copyOf(entries);
        defaults = defaults == null ? Defaults.NONE : defaults;
    }

    /**
     * Creates a plan without an origin (built in Java).
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
    public ScenarioPlan(
            int version,
            PlanKind kind,
            String scenarioName,
            String description,
            List<String> tags,
            Defaults defaults,
            List<Entry> entries,
            MetricPack pack) {
        this(version, kind, scenarioName, description, tags, defaults, entries, pack, null);
    }

    /**
     * This plan with another origin.
     *
     * @param origin where the plan was written, or null
     * @return the plan
     */
    public ScenarioPlan withOrigin(SourceMap origin) {
        return new ScenarioPlan(version, kind, scenarioName, description, tags, defaults, entries, pack, origin);
    }

    /**
     * Equal when every component but {@link #origin()} is equal.
     *
     * @param o the other object
     * @return whether {@code o} is the same plan
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioPlan p
                && version == p.version
                && kind == p.kind
                && java.util.Objects.equals(scenarioName, p.scenarioName)
                && java.util.Objects.equals(description, p.description)
                && tags.equals(p.tags)
                && defaults.equals(p.defaults)
                && entries.equals(p.entries)
                && java.util.Objects.equals(pack, p.pack);
    }

    /**
     * The hash of every component but {@link #origin()}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(version, kind, scenarioName, description, tags, defaults, entries, pack);
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
