package dev.sonda.engine.workload.internal;

import dev.sonda.api.DurationText;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.MetricType;
import dev.sonda.api.Problems;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.Churn;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelDim;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.LabelRotation;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.ScheduledSpike;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.Shard;
import dev.sonda.api.workload.Workload;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.ValueGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not API. A workload entry compiled once (at plan compile time, and again on a reload): its
 * metrics' spaces and algorithms, churn and spikes in ticks, the push cadence and the shard.
 * Immutable; shared by every run of the compiled plan.
 */
public final class CompiledWorkload {
    final String name;
    final double rate;
    final Workload source;
    final long seed;
    final String[] staticNames;
    final String[] staticValues;
    final byte[][] staticText;
    final CompiledMetric[] metrics;
    final long seriesEveryTicks;
    final String cycleLabel;
    final long metricEveryTicks;
    final LabelRotation[] rotations;
    final long[] rotationTicks;
    final SeriesCount count;
    final long countTicks;
    final ScheduledSpike[] spikes;
    final int[] spikeMetric;
    final long[] spikeAtTick;
    final Shard shard;
    final int threads;
    final long pushTicks;
    final String pushPrefix;
    final Endpoint scrape;
    final Endpoint control;
    final Recompiler recompiler;

    /** Compiles a new definition of the same entry (a reload). */
    interface Recompiler {
        CompiledWorkload compile(Workload next);
    }

    private CompiledWorkload(Builder b, CompiledMetric[] metrics) {
        this.name = b.name;
        this.rate = b.rate;
        this.source = b.workload;
        this.seed = b.workload.seed() == null ? 0 : b.workload.seed();
        this.staticNames = b.staticLabels.keySet().toArray(String[]::new);
        this.staticValues = b.staticLabels.values().toArray(String[]::new);
        this.staticText = new byte[staticNames.length][];
        for (int j = 0; j < staticNames.length; j++) {
            staticText[j] = (staticNames[j] + "=\"" + Exposition.escapeLabel(staticValues[j]) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
        this.metrics = metrics;
        Churn churn = b.workload.effectiveChurn();
        this.seriesEveryTicks = churn.seriesEvery() == null ? 0 : DurationMath.ticks(churn.seriesEvery(), rate);
        this.cycleLabel = churn.seriesEvery() == null ? null : churn.effectiveCycleLabel();
        this.metricEveryTicks = churn.metricEvery() == null ? 0 : DurationMath.ticks(churn.metricEvery(), rate);
        this.rotations = churn.labels().toArray(LabelRotation[]::new);
        this.rotationTicks = new long[rotations.length];
        for (int i = 0; i < rotations.length; i++) {
            rotationTicks[i] = DurationMath.ticks(rotations[i].every(), rate);
        }
        this.count = churn.seriesCount();
        this.countTicks = count == null ? 0 : DurationMath.ticks(count.every(), rate);
        List<ScheduledSpike> sp = b.workload.spikes();
        this.spikes = sp.toArray(ScheduledSpike[]::new);
        this.spikeMetric = new int[spikes.length];
        this.spikeAtTick = new long[spikes.length];
        for (int i = 0; i < spikes.length; i++) {
            spikeAtTick[i] = (long) Math.ceil(DurationText.toSeconds(spikes[i].at()) * rate - 1e-9);
            for (CompiledMetric m : metrics) {
                if (m.name.equals(spikes[i].metric())) {
                    spikeMetric[i] = m.index;
                }
            }
        }
        this.shard = b.workload.effectiveShard();
        this.threads = b.workload.threads() != null
                ? b.workload.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors());
        Push push = b.workload.push();
        boolean pushes = push != null ? push.enabled() : b.sinkWritten || b.workload.scrape() == null;
        this.pushTicks =
                !pushes ? 0 : push == null || push.every() == null ? 1 : DurationMath.ticks(push.every(), rate);
        this.pushPrefix = push == null || push.prefix() == null ? "" : push.prefix();
        this.scrape = b.workload.scrape();
        this.control = b.workload.control();
        this.recompiler =
                next -> compile(b.name, b.rate, b.staticLabels, next, b.sinkWritten, b.registry, b.duration, b.path);
    }

    private record Builder(
            String name,
            double rate,
            Map<String, String> staticLabels,
            Workload workload,
            boolean sinkWritten,
            SpecRegistry registry,
            Duration duration,
            String path) {}

    /**
     * Compiles a workload entry.
     *
     * @param name the entry's name
     * @param rate ticks per second, above 0
     * @param labels the entry's static labels
     * @param workload the body
     * @param sinkWritten whether the entry or the file's defaults name a sink (the default push
     *     rule)
     * @param registry the providers (for {@code algorithm: generator})
     * @param duration the entry's duration, or null
     * @param path where the body sits, such as {@code scenarios[0].workload}
     * @return the compiled workload
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledWorkload compile(
            String name,
            double rate,
            Map<String, String> labels,
            Workload workload,
            boolean sinkWritten,
            SpecRegistry registry,
            Duration duration,
            String path) {
        Problems problems = new Problems();
        workload.validate(path, problems);
        problems.throwIfAny();
        Map<String, String> sorted = new TreeMap<>(labels);
        Builder b = new Builder(name, rate, sorted, workload, sinkWritten, registry, duration, path);
        Churn churn = workload.effectiveChurn();
        checkTicks(churn.seriesEvery(), rate, path + ".churn.series_every", problems);
        checkTicks(churn.metricEvery(), rate, path + ".churn.metric_every", problems);
        for (int i = 0; i < churn.labels().size(); i++) {
            checkTicks(churn.labels().get(i).every(), rate, path + ".churn.labels[" + i + "].every", problems);
        }
        if (churn.seriesCount() != null) {
            checkTicks(churn.seriesCount().every(), rate, path + ".churn.series_count.every", problems);
        }
        if (workload.push() != null) {
            checkTicks(workload.push().every(), rate, path + ".push.every", problems);
        }
        List<String> rotated = churn.labels().stream().map(LabelRotation::label).toList();
        long seed = workload.seed() == null ? 0 : workload.seed();
        Map<String, Space> spaces = new HashMap<>();
        List<CompiledMetric> out = new ArrayList<>();
        for (int i = 0; i < workload.metrics().size(); i++) {
            WorkloadMetric m = workload.metrics().get(i);
            String at = path + ".metrics[" + i + "]";
            if (m.type() == MetricType.SUMMARY && m.window() != null) {
                checkTicks(m.window(), rate, at + ".window", problems);
            }
            if (m.resetEvery() != null) {
                checkTicks(m.resetEvery(), rate, at + ".reset_every", problems);
            }
            for (String s : sorted.keySet()) {
                if (churn.seriesEvery() != null && s.equals(churn.effectiveCycleLabel())) {
                    problems.add(at, "the entry label '" + s + "' is also the series cycle label; rename one");
                }
            }
            LabelProfile profile = workload.profile(m.profile());
            List<LabelDim> dims = workload.labelsOf(m);
            Long cap = profile == null ? null : profile.seriesCap();
            LabelProfile.Sampling sampling = profile == null ? LabelProfile.Sampling.FIRST : profile.sampling();
            Space space;
            try {
                space = spaces.computeIfAbsent(dims + "|" + cap + "|" + sampling, k -> Space.of(dims, cap, sampling));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".profile", "metric '" + m.name() + "': " + e.getMessage());
                continue;
            }
            ValueGenerator generator = null;
            if (m.algorithm() instanceof Algorithm.FromGenerator g) {
                try {
                    generator =
                            Generators.create(registry, g.generator(), rate, null, null, duration, at + ".generator");
                } catch (InvalidScenarioException e) {
                    problems.addAll(e.problems());
                    continue;
                }
            }
            long metricSeed = m.seed() != null ? m.seed() : seed;
            out.add(new CompiledMetric(
                    out.size(),
                    m,
                    space,
                    metricSeed,
                    rate,
                    generator,
                    sorted.keySet().toArray(String[]::new),
                    churn.seriesEvery() == null ? null : churn.effectiveCycleLabel(),
                    rotated));
        }
        problems.throwIfAny();
        return new CompiledWorkload(b, out.toArray(CompiledMetric[]::new));
    }

    private static void checkTicks(Duration d, double rate, String path, Problems problems) {
        if (d != null && DurationText.toSeconds(d) * rate < 1 - 1e-9) {
            problems.add(
                    path,
                    "the interval is shorter than one tick (1/rate = " + (1 / rate)
                            + " s); intervals are counted in whole ticks: make it at least one tick");
        }
    }

    /**
     * The entry's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The body as written.
     *
     * @return the workload
     */
    public Workload source() {
        return source;
    }

    /**
     * The total number of series of every metric in the whole (unsharded) workload, churn aside.
     *
     * @return the series count
     */
    public long totalSeries() {
        long n = 0;
        for (CompiledMetric m : metrics) {
            n += m.space.size;
        }
        return n;
    }

    /**
     * Each metric's number of series (unsharded, churn aside), in definition order.
     *
     * @return name to count
     */
    public Map<String, Integer> seriesPerMetric() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (CompiledMetric m : metrics) {
            out.put(m.name, m.space.size);
        }
        return out;
    }
}
