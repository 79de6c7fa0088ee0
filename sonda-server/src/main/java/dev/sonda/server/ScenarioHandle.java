package dev.sonda.server;

import dev.sonda.api.MetricType;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import java.util.Locale;

/**
 * One scenario as the API shows it: one compiled entry of a launched body, with its id (a random
 * UUID), its current values, and what the API reports besides the engine's counters (state
 * durations, last successful write, consecutive failures).
 */
final class ScenarioHandle {
    /** How long after the last successful write a failing sink makes a scenario degraded. */
    private static final long DEGRADED_AFTER_NANOS = 30_000_000_000L;

    final String id;
    final Launch launch;
    final CompiledEntry entry;
    final CurrentValues values = new CurrentValues();
    final long launchedNanos;
    volatile long lastSuccessEpochNanos = Long.MIN_VALUE;

    private EntryState seenState = EntryState.PENDING;
    private long seenSinceNanos;
    private long lastSuccessSeen = Long.MIN_VALUE;
    private long errorsAtLastSuccess;

    ScenarioHandle(String id, Launch launch, CompiledEntry entry, long launchedNanos) {
        this.id = id;
        this.launch = launch;
        this.entry = entry;
        this.launchedNanos = launchedNanos;
        this.seenSinceNanos = launchedNanos;
    }

    /** What one read of the handle sees, consistent within itself. */
    record Snapshot(
            EntryStats stats,
            String state,
            double elapsedSecs,
            double currentStateSecs,
            long consecutiveFailures,
            Long lastSuccessEpochNanos,
            boolean degraded) {}

    /**
     * Notes a state change the moment it is seen; the server's watcher calls this a few times a
     * second, so {@code current_state_secs} is right to within that period.
     */
    synchronized EntryStats observe(long nowNanos) {
        EntryStats s = launch.run().stats().entries().get(entry.index());
        if (s.state() != seenState) {
            seenState = s.state();
            seenSinceNanos = nowNanos;
        }
        return s;
    }

    /** Reads the engine's counters and derives the API's fields. */
    synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        EntryStats s = observe(now);
        long last = lastSuccessEpochNanos;
        if (last != lastSuccessSeen) {
            lastSuccessSeen = last;
            errorsAtLastSuccess = s.errors();
        }
        Long lastSuccess = last == Long.MIN_VALUE ? null : last;
        long wallNow = System.currentTimeMillis() * 1_000_000L;
        boolean degraded = s.errors() > 0 && (lastSuccess == null || wallNow - lastSuccess > DEGRADED_AFTER_NANOS);
        return new Snapshot(
                s,
                state(s.state()),
                (now - launchedNanos) / 1e9,
                seenState == EntryState.PENDING && seenSinceNanos == launchedNanos ? 0 : (now - seenSinceNanos) / 1e9,
                Math.max(0, s.errors() - errorsAtLastSuccess),
                lastSuccess,
                degraded);
    }

    /** The state as the API writes it: {@code pending}, ..., {@code finished}. */
    static String state(EntryState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    boolean finished() {
        return launch.run().stats().entries().get(entry.index()).state() == EntryState.FINISHED;
    }

    /** The entry's name: the metric name, or the log entry's name. */
    String name() {
        return entry.name();
    }

    /** Whether the scrape endpoints expose it with {@code # HELP}/{@code # TYPE}. */
    boolean hasMetadata() {
        return entry.signalType() != SignalType.LOGS;
    }

    /**
     * The {@code # TYPE}: an explicit {@code metric_type}, else {@code counter} for the {@code step}
     * generator and {@code gauge} for the others; {@code histogram} and {@code summary} for those
     * entries (Sonda 1.20 {@code routes/scenarios.rs}).
     */
    String type() {
        if (entry.signalType() == SignalType.HISTOGRAM) {
            return MetricType.HISTOGRAM.yamlName();
        }
        if (entry.signalType() == SignalType.SUMMARY) {
            return MetricType.SUMMARY.yamlName();
        }
        if (entry.source().metricType() != null) {
            return entry.source().metricType().yamlName();
        }
        return entry.signal() instanceof Signal.Metrics m
                        && m.generator().type().equals("step")
                ? MetricType.COUNTER.yamlName()
                : MetricType.GAUGE.yamlName();
    }

    /** The {@code help:} text, or null. */
    String help() {
        return entry.source().help();
    }

    /** The sink type label of {@code sonda_server_sink_errors_total}. */
    String sinkType() {
        return entry.sink().type();
    }
}
