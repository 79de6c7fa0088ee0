package dev.sonda.engine.workload.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not API. The counters behind a workload's self-metrics (Mockingbird's {@code gen_*} names, plus
 * series churn). Written by the workload's tick and push, and by scrape threads counting failures;
 * read by scrapes. Every access holds this object's lock, once per tick or scrape, never per
 * series.
 */
final class SelfStats {
    /** Mockingbird's {@code gen_tick_duration_seconds} bounds. */
    static final double[] TICK_BOUNDS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};

    private final Map<String, long[]> perMetric = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> errors = new TreeMap<>();
    private final Map<String, Integer> queueDepth = new TreeMap<>();
    private final long[] tickBuckets = new long[TICK_BOUNDS.length + 1];
    private double tickSum;
    private long tickCount;
    private double lastTickSeconds = Double.NaN;

    private static final int POINTS = 0;
    private static final int ACTIVE = 1;
    private static final int CREATED = 2;
    private static final int REMOVED = 3;

    synchronized void metric(String name, long points, long active, long created, long removed) {
        long[] v = perMetric.computeIfAbsent(name, k -> new long[4]);
        v[POINTS] += points;
        v[ACTIVE] = active;
        v[CREATED] += created;
        v[REMOVED] += removed;
    }

    synchronized void removedMetric(String name, long removed) {
        long[] v = perMetric.computeIfAbsent(name, k -> new long[4]);
        v[ACTIVE] = 0;
        v[REMOVED] += removed;
    }

    synchronized void tick(double seconds, double tickEpochSeconds) {
        int b = 0;
        while (b < TICK_BOUNDS.length && seconds > TICK_BOUNDS[b]) {
            b++;
        }
        tickBuckets[b]++;
        tickSum += seconds;
        tickCount++;
        lastTickSeconds = tickEpochSeconds;
    }

    synchronized void error(String exporter, String metric) {
        errors.computeIfAbsent(exporter, k -> new TreeMap<>()).merge(metric, 1L, Long::sum);
    }

    synchronized void queueDepth(String exporter, int depth) {
        queueDepth.put(exporter, depth);
    }

    /** An immutable copy for one scrape. */
    synchronized Snapshot snapshot() {
        Map<String, long[]> m = new LinkedHashMap<>();
        perMetric.forEach((k, v) -> m.put(k, v.clone()));
        Map<String, Map<String, Long>> e = new TreeMap<>();
        errors.forEach((k, v) -> e.put(k, new TreeMap<>(v)));
        return new Snapshot(m, e, new TreeMap<>(queueDepth), tickBuckets.clone(), tickSum, tickCount, lastTickSeconds);
    }

    /** Self-metric values at one moment. */
    record Snapshot(
            Map<String, long[]> perMetric,
            Map<String, Map<String, Long>> errors,
            Map<String, Integer> queueDepth,
            long[] tickBuckets,
            double tickSum,
            long tickCount,
            double lastTickSeconds) {

        long points(String metric) {
            return perMetric.get(metric)[POINTS];
        }

        long active(String metric) {
            return perMetric.get(metric)[ACTIVE];
        }

        long created(String metric) {
            return perMetric.get(metric)[CREATED];
        }

        long removed(String metric) {
            return perMetric.get(metric)[REMOVED];
        }
    }
}
