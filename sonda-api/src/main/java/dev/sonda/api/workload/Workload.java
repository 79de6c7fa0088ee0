package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of a {@code signal_type: workload} entry (YAML {@code workload:}): label-space profiles,
 * the metrics that span them, churn, scheduled spikes, the pull endpoint, the control API, how it
 * pushes to the entry's sink, and which shard of it this process generates. The entry's {@code
 * rate} is the tick rate (ticks per second; Mockingbird's {@code tick_interval_s: 10} is {@code
 * rate: 0.1}), its {@code labels} are added to every series, its {@code sink} receives the pushes.
 *
 * <p>Immutable; {@link #of()} and the {@code with...}-style methods build one:
 *
 * <pre>{@code
 * Workload w = Workload.of()
 *         .seed(42)
 *         .profile(LabelProfile.of("low").values("region", "us-east-1", "eu-west-1").range("instance", 1, 3, "i-%02d"))
 *         .metric(WorkloadMetric.counter("requests_total", "low").poisson(5, 0.2))
 *         .scrape(Endpoint.port(8000).withPrefix("prom_"));
 * }</pre>
 *
 * @param profiles the label-space profiles, names unique, in file order
 * @param metrics the metrics, at least one, names unique, in file order
 * @param seed the seed of metrics without their own, unsigned; 0 when null
 * @param churn series churn, or null for none
 * @param spikes scheduled spikes
 * @param scrape the pull endpoint, or null for none
 * @param control the control API, or null for none
 * @param push how the entry's sink is pushed to, or null for the default rule ({@link Push})
 * @param shard the share of the workload this process generates, or null for all of it
 * @param threads threads that generate a tick, at least 1, or null for one per available processor
 */
public record Workload(
        List<LabelProfile> profiles,
        List<WorkloadMetric> metrics,
        Long seed,
        Churn churn,
        List<ScheduledSpike> spikes,
        Endpoint scrape,
        Endpoint control,
        Push push,
        Shard shard,
        Integer threads) {

    /** The self-metric names a workload's pull endpoint also serves (before its prefix). */
    public static final List<String> SELF_METRICS = List.of(
            "gen_points_total",
            "gen_export_errors_total",
            "gen_tick_duration_seconds",
            "gen_active_series",
            "gen_export_queue_depth",
            "gen_series_created_total",
            "gen_series_removed_total",
            "gen_last_tick_timestamp_seconds");

    /**
     * Creates the record, copying the lists.
     *
     * @param profiles the profiles
     * @param metrics the metrics
     * @param seed the seed, or null
     * @param churn the churn, or null
     * @param spikes scheduled spikes
     * @param scrape the pull endpoint, or null
     * @param control the control API, or null
     * @param push the push settings, or null
     * @param shard the shard, or null
     * @param threads the generation threads, or null
     */
    public Workload {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        spikes = spikes == null ? List.of() : List.copyOf(spikes);
    }

    /**
     * An empty workload, to add profiles and metrics to.
     *
     * @return the workload
     */
    public static Workload of() {
        return new Workload(List.of(), List.of(), null, null, List.of(), null, null, null, null, null);
    }

    /**
     * This workload with one more profile (YAML {@code profiles:}).
     *
     * @param profile the profile
     * @return the new workload
     */
    public Workload profile(LabelProfile profile) {
        List<LabelProfile> next = new ArrayList<>(profiles);
        next.add(profile);
        return new Workload(next, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with one more metric (YAML {@code metrics:}).
     *
     * @param metric the metric
     * @return the new workload
     */
    public Workload metric(WorkloadMetric metric) {
        List<WorkloadMetric> next = new ArrayList<>(metrics);
        next.add(metric);
        return new Workload(profiles, next, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with its metrics replaced.
     *
     * @param metrics the metrics
     * @return the new workload
     */
    public Workload withMetrics(List<WorkloadMetric> metrics) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with a seed (YAML {@code seed}).
     *
     * @param seed unsigned 64-bit
     * @return the new workload
     */
    public Workload seed(long seed) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with churn (YAML {@code churn:}).
     *
     * @param churn the churn, or null
     * @return the new workload
     */
    public Workload churn(Churn churn) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with one more scheduled spike (YAML {@code spikes:}).
     *
     * @param metric the metric's name
     * @param multiplier the factor
     * @param at when it starts, from the workload's start
     * @param duration how long it lasts
     * @return the new workload
     */
    public Workload spike(String metric, double multiplier, Duration at, Duration duration) {
        List<ScheduledSpike> next = new ArrayList<>(spikes);
        next.add(new ScheduledSpike(metric, multiplier, at, duration));
        return new Workload(profiles, metrics, seed, churn, next, scrape, control, push, shard, threads);
    }

    /**
     * This workload with a pull endpoint (YAML {@code scrape:}).
     *
     * @param scrape the endpoint, or null
     * @return the new workload
     */
    public Workload scrape(Endpoint scrape) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with a control API (YAML {@code control:}).
     *
     * @param control the endpoint, or null
     * @return the new workload
     */
    public Workload control(Endpoint control) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload with push settings (YAML {@code push:}).
     *
     * @param push the settings, or null for the default rule
     * @return the new workload
     */
    public Workload push(Push push) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload as shard {@code index} of {@code count} (YAML {@code shard: "i/n"}).
     *
     * @param index this shard, from 0
     * @param count the number of shards
     * @return the new workload
     */
    public Workload shard(int index, int count) {
        return withShard(new Shard(index, count));
    }

    /**
     * This workload with a shard, or null for the whole of it.
     *
     * @param shard the shard
     * @return the new workload
     */
    public Workload withShard(Shard shard) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * This workload generated by {@code threads} threads (YAML {@code threads}).
     *
     * @param threads at least 1
     * @return the new workload
     */
    public Workload threads(int threads) {
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    /**
     * The profile named {@code name}.
     *
     * @param name the profile's name
     * @return the profile, or null
     */
    public LabelProfile profile(String name) {
        for (LabelProfile p : profiles) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The labels of a metric's series: its profile's labels with its own merged in (a new name
     * appended, a name the profile has replaced in place), as Mockingbird merges them.
     *
     * @param metric the metric
     * @return the merged labels in product order, or the metric's own when its profile is unknown
     */
    public List<LabelDim> labelsOf(WorkloadMetric metric) {
        LabelProfile p = profile(metric.profile());
        Map<String, LabelDim> merged = new LinkedHashMap<>();
        if (p != null) {
            p.labels().forEach(d -> merged.put(d.name(), d));
        }
        metric.labels().forEach(d -> merged.put(d.name(), d));
        return List.copyOf(merged.values());
    }

    /**
     * The effective churn.
     *
     * @return {@link #churn()}, or {@link Churn#NONE}
     */
    public Churn effectiveChurn() {
        return churn == null ? Churn.NONE : churn;
    }

    /**
     * The effective shard.
     *
     * @return {@link #shard()}, or {@link Shard#WHOLE}
     */
    public Shard effectiveShard() {
        return shard == null ? Shard.WHOLE : shard;
    }

    /**
     * Adds every problem of this workload that needs no tick rate: each part's own rules, unique
     * names, profiles that exist, rotated labels that exist, spikes of known metrics, and names
     * that would clash on the pull endpoint.
     *
     * @param path where the body sits, such as {@code scenarios[0].workload}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        Set<String> profileNames = new HashSet<>();
        for (LabelProfile p : profiles) {
            String at = path + ".profiles." + p.name();
            p.validate(at, problems);
            if (!profileNames.add(p.name())) {
                problems.add(at, "duplicate profile name '" + p.name() + "'");
            }
        }
        if (metrics.isEmpty()) {
            problems.add(path + ".metrics", "a workload needs at least one metric");
        }
        Map<String, Integer> names = new HashMap<>();
        Set<String> allLabels = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            WorkloadMetric m = metrics.get(i);
            String at = path + ".metrics[" + i + "]";
            m.validate(at, problems);
            Integer first = names.putIfAbsent(m.name(), i);
            if (first != null) {
                problems.add(at + ".name", "metric name '" + m.name() + "' is also metrics[" + first + "]'s");
            }
            if (!profileNames.contains(m.profile())) {
                problems.add(
                        at + ".profile",
                        "metric '" + m.name() + "' refers to the profile '" + m.profile() + "', which is not defined;"
                                + " known: " + profileNames.stream().sorted().toList());
            }
            labelsOf(m).forEach(d -> allLabels.add(d.name()));
            if (scrape != null && SELF_METRICS.contains(m.name())) {
                problems.add(
                        at + ".name",
                        "metric name '" + m.name() + "' is one of the workload's self-metrics on its pull endpoint;"
                                + " rename it");
            }
        }
        Churn c = effectiveChurn();
        c.validate(path + ".churn", problems);
        if (c.seriesEvery() != null && allLabels.contains(c.effectiveCycleLabel())) {
            problems.add(
                    path + ".churn.cycle_label",
                    "the series cycle label '" + c.effectiveCycleLabel() + "' is already a label of a metric;"
                            + " set cycle_label to another name");
        }
        for (int i = 0; i < c.labels().size(); i++) {
            String label = c.labels().get(i).label();
            if (!allLabels.contains(label)) {
                problems.add(
                        path + ".churn.labels[" + i + "].label",
                        "no metric has the label '" + label + "' to rotate; labels: "
                                + allLabels.stream().sorted().toList());
            }
        }
        for (int i = 0; i < spikes.size(); i++) {
            ScheduledSpike s = spikes.get(i);
            String at = path + ".spikes[" + i + "]";
            s.validate(at, problems);
            if (!names.containsKey(s.metric())) {
                problems.add(
                        at + ".metric",
                        "spike of the unknown metric '" + s.metric() + "'; metrics: "
                                + metrics.stream().map(WorkloadMetric::name).toList());
            }
        }
        if (scrape != null) {
            scrape.validate(path + ".scrape", problems);
        }
        if (control != null) {
            control.validate(path + ".control", problems);
        }
        if (push != null) {
            push.validate(path + ".push", problems);
        }
        if (shard != null) {
            shard.validate(path + ".shard", problems);
        }
        if (threads != null) {
            Checks.atLeast(threads, 1, path, "threads", problems);
        }
    }
}
