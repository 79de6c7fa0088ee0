package dev.sonda.api;

/**
 * The entry point of the fluent DSL. Each method starts an immutable stage whose methods are the
 * YAML keys in camelCase; {@code build()} validates and returns the same IR a YAML file loads to.
 *
 * <pre>{@code
 * MetricStage primary = Scenario.metrics("link_up").id("primary").rate(1).duration("10m")
 *         .flap(Duration.ofSeconds(60), Duration.ofSeconds(30));
 * MetricStage backup = Scenario.metrics("backup_util").rate(1).duration("10m")
 *         .sine(20, 60, 50).gaps("2m", "20s").after(primary, "<", 1);
 * ScenarioPlan plan = Scenario.plan().add(primary).add(backup).build();
 * }</pre>
 */
public final class Scenario {
    private Scenario() {}

    /**
     * Starts a {@code signal_type: metrics} entry.
     *
     * @param name metric name, {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
     * @return the stage
     */
    public static MetricStage metrics(String name) {
        return new MetricStage(EntryStage.initial(name));
    }

    /**
     * Starts a {@code signal_type: logs} entry.
     *
     * @param name the entry's name (free text)
     * @return the stage
     */
    public static LogStage logs(String name) {
        return new LogStage(EntryStage.initial(name));
    }

    /**
     * Starts a {@code signal_type: histogram} entry.
     *
     * @param name metric base name; {@code _bucket}, {@code _sum} and {@code _count} are appended
     * @return the stage
     */
    public static DistributionStage histogram(String name) {
        return new DistributionStage(EntryStage.initial(name), SignalType.HISTOGRAM);
    }

    /**
     * Starts a {@code signal_type: summary} entry.
     *
     * @param name metric name; {@code _sum} and {@code _count} are appended for those series
     * @return the stage
     */
    public static DistributionStage summary(String name) {
        return new DistributionStage(EntryStage.initial(name), SignalType.SUMMARY);
    }

    /**
     * Starts a {@code signal_type: traces} entry: one trace of a service graph per tick of its
     * rate.
     *
     * @param name the entry's name (free text)
     * @return the stage
     */
    public static TraceStage traces(String name) {
        return new TraceStage(EntryStage.initial(name));
    }

    /**
     * Starts a {@code signal_type: events} entry: infrastructure events at points of its timeline.
     *
     * @param name the entry's name (free text)
     * @return the stage
     */
    public static EventStage events(String name) {
        return new EventStage(EntryStage.initial(name));
    }

    /**
     * Starts a pack entry (YAML {@code pack:}): one metrics entry per metric of the pack.
     *
     * @param pack pack name (resolved in a catalog) or a file path
     * @return the stage
     */
    public static PackStage pack(String pack) {
        return new PackStage(EntryStage.initial(null)).pack(pack);
    }

    /**
     * Starts a workload entry (YAML {@code signal_type: workload}): every series of label-space
     * profiles on every tick.
     *
     * @param name the workload's name, used by the control API and in messages
     * @return the new stage
     */
    public static WorkloadStage workload(String name) {
        return new WorkloadStage(EntryStage.initial(name));
    }

    /**
     * Starts a plan of several entries with file-level defaults.
     *
     * @return an empty plan stage
     */
    public static PlanStage plan() {
        return new PlanStage(null, null, java.util.List.of(), Defaults.NONE, java.util.List.of());
    }
}
