package dev.sonda.api;

import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.trace.TraceSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an entry generates: its {@code signal_type} together with the body that type requires
 * ({@code generator}, {@code log_generator}, {@code distribution}, {@code pack}, {@code traces},
 * {@code events} or {@code workload}). A closed set.
 */
public sealed interface Signal {

    /** Default histogram bucket bounds, as the reference's. */
    List<Double> DEFAULT_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    /** Default summary quantiles, as the reference's. */
    List<Double> DEFAULT_QUANTILES = List.of(0.5, 0.9, 0.95, 0.99);

    /** Default observations per tick for histograms and summaries. */
    int DEFAULT_OBSERVATIONS_PER_TICK = 100;

    /**
     * The YAML {@code signal_type} of this signal (a pack expands to metrics).
     *
     * @return the signal type
     */
    SignalType signalType();

    /**
     * Adds every problem of this body that needs no context.
     *
     * @param path where the entry sits, such as {@code scenarios[0]}
     * @param problems collector of problems found
     */
    void validate(String path, Problems problems);

    /**
     * {@code signal_type: metrics} with a value generator.
     *
     * @param generator the value generator (YAML {@code generator:})
     */
    record Metrics(GeneratorSpec generator) implements Signal {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param generator the value generator (YAML {@code generator:})
         * @throws NullPointerException if a required component is null
         */
        public Metrics {
            Objects.requireNonNull(generator, "generator");
        }

        @Override
        public SignalType signalType() {
            return SignalType.METRICS;
        }

        @Override
        public void validate(String path, Problems problems) {
            generator.validate(path + ".generator", problems);
        }
    }

    /**
     * {@code signal_type: logs} with a log generator.
     *
     * @param generator the log generator (YAML {@code log_generator:})
     */
    record Logs(LogGeneratorSpec generator) implements Signal {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param generator the log generator (YAML {@code log_generator:})
         * @throws NullPointerException if a required component is null
         */
        public Logs {
            Objects.requireNonNull(generator, "generator");
        }

        @Override
        public SignalType signalType() {
            return SignalType.LOGS;
        }

        @Override
        public void validate(String path, Problems problems) {}
    }

    /**
     * {@code signal_type: histogram}: cumulative bucket counts, sum and count per tick.
     *
     * @param distribution where observations come from
     * @param buckets upper bounds, finite, above 0, strictly increasing (default {@link
     *     #DEFAULT_BUCKETS})
     * @param observationsPerTick observations drawn per tick, at least 1 (default 100)
     * @param meanShiftPerSec drift added to every observation per second of run time (default 0)
     * @param seed 64-bit seed, unsigned (YAML {@code seed}), or null when not stated: then the run's
     *     default seed ({@code CompileOptions.withDefaultSeed}), else 0
     */
    record Histogram(
            Distribution distribution, List<Double> buckets, int observationsPerTick, double meanShiftPerSec, Long seed)
            implements Signal {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param distribution where observations come from
         * @param buckets upper bounds, finite, above 0, strictly increasing (default {@link #DEFAULT_BUCKETS})
         * @param observationsPerTick observations drawn per tick, at least 1 (default 100)
         * @param meanShiftPerSec drift added to every observation per second of run time (default 0)
         * @param seed 64-bit seed, unsigned, or null when not stated
         * @throws NullPointerException if a required component is null
         */
        public Histogram {
            Objects.requireNonNull(distribution, "distribution");
            buckets = List.copyOf(buckets);
        }

        /**
         * A histogram with every default, as YAML {@code signal_type: histogram} with only a
         * {@code distribution:} reads: buckets {@link #DEFAULT_BUCKETS}, {@value
         * #DEFAULT_OBSERVATIONS_PER_TICK} observations per tick, no mean shift, no seed stated.
         *
         * @param distribution where observations come from
         * @return the signal
         * @throws NullPointerException if {@code distribution} is null
         */
        public static Histogram defaults(Distribution distribution) {
            return new Histogram(distribution, DEFAULT_BUCKETS, DEFAULT_OBSERVATIONS_PER_TICK, 0.0, null);
        }

        @Override
        public SignalType signalType() {
            return SignalType.HISTOGRAM;
        }

        @Override
        public void validate(String path, Problems problems) {
            String p = path + ".buckets";
            if (buckets.isEmpty()) {
                problems.add(p, "buckets must not be empty");
            }
            for (int i = 0; i < buckets.size(); i++) {
                double b = buckets.get(i);
                if (!(Double.isFinite(b) && b > 0)) {
                    problems.add(
                            p + "[" + i + "]",
                            "buckets[" + i + "] must be positive and finite, got " + FloatText.display(b));
                }
                if (i > 0 && buckets.get(i - 1) >= b) {
                    problems.add(
                            p + "[" + i + "]",
                            "buckets must be strictly sorted: " + FloatText.display(buckets.get(i - 1)) + " >= "
                                    + FloatText.display(b));
                }
            }
            distribution.validate(path + ".distribution", problems);
            if (observationsPerTick <= 0) {
                problems.add(path + ".observations_per_tick", "observations_per_tick must be greater than zero");
            }
        }
    }

    /**
     * {@code signal_type: summary}: quantiles of each tick's observations, cumulative sum and count.
     *
     * @param distribution where observations come from
     * @param quantiles targets in (0, 1), strictly increasing (default {@link #DEFAULT_QUANTILES})
     * @param observationsPerTick observations drawn per tick, at least 1 (default 100)
     * @param meanShiftPerSec drift added to every observation per second of run time (default 0)
     * @param seed 64-bit seed, unsigned (YAML {@code seed}), or null when not stated: then the run's
     *     default seed ({@code CompileOptions.withDefaultSeed}), else 0
     */
    record Summary(
            Distribution distribution,
            List<Double> quantiles,
            int observationsPerTick,
            double meanShiftPerSec,
            Long seed)
            implements Signal {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param distribution where observations come from
         * @param quantiles targets in (0, 1), strictly increasing (default {@link #DEFAULT_QUANTILES})
         * @param observationsPerTick observations drawn per tick, at least 1 (default 100)
         * @param meanShiftPerSec drift added to every observation per second of run time (default 0)
         * @param seed 64-bit seed, unsigned, or null when not stated
         * @throws NullPointerException if a required component is null
         */
        public Summary {
            Objects.requireNonNull(distribution, "distribution");
            quantiles = List.copyOf(quantiles);
        }

        /**
         * A summary with every default, as YAML {@code signal_type: summary} with only a {@code
         * distribution:} reads: quantiles {@link #DEFAULT_QUANTILES}, {@value
         * #DEFAULT_OBSERVATIONS_PER_TICK} observations per tick, no mean shift, no seed stated.
         *
         * @param distribution where observations come from
         * @return the signal
         * @throws NullPointerException if {@code distribution} is null
         */
        public static Summary defaults(Distribution distribution) {
            return new Summary(distribution, DEFAULT_QUANTILES, DEFAULT_OBSERVATIONS_PER_TICK, 0.0, null);
        }

        @Override
        public SignalType signalType() {
            return SignalType.SUMMARY;
        }

        @Override
        public void validate(String path, Problems problems) {
            String p = path + ".quantiles";
            if (quantiles.isEmpty()) {
                problems.add(p, "quantiles must not be empty");
            }
            for (int i = 0; i < quantiles.size(); i++) {
                double q = quantiles.get(i);
                if (!(q > 0 && q < 1)) {
                    problems.add(
                            p + "[" + i + "]", "quantiles[" + i + "] must be in (0, 1), got " + FloatText.display(q));
                }
                if (i > 0 && quantiles.get(i - 1) >= q) {
                    problems.add(
                            p + "[" + i + "]",
                            "quantiles must be strictly sorted: " + FloatText.display(quantiles.get(i - 1)) + " >= "
                                    + FloatText.display(q));
                }
            }
            distribution.validate(path + ".distribution", problems);
            if (observationsPerTick <= 0) {
                problems.add(path + ".observations_per_tick", "observations_per_tick must be greater than zero");
            }
        }
    }

    /**
     * A metric pack reference (YAML {@code pack:}), expanded at compile time into one metrics entry
     * per pack metric.
     *
     * @param pack pack name (resolved in a catalog) or file path (contains {@code /} or starts with
     *     {@code .})
     * @param overrides per-metric overrides keyed by metric name, may be empty
     */
    record Pack(String pack, Map<String, PackOverride> overrides) implements Signal {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param pack pack name (resolved in a catalog) or file path (contains {@code /} or starts with {@code .})
         * @param overrides per-metric overrides keyed by metric name, may be empty
         * @throws NullPointerException if a required component is null
         */
        public Pack {
            Objects.requireNonNull(pack, "pack");
            overrides = Map.copyOf(overrides);
        }

        @Override
        public SignalType signalType() {
            return SignalType.METRICS;
        }

        @Override
        public void validate(String path, Problems problems) {
            overrides.forEach((metric, o) -> {
                if (o.generator() != null) {
                    o.generator().validate(path + ".overrides." + metric + ".generator", problems);
                }
            });
        }
    }

    /**
     * {@code signal_type: traces}: one trace of a service graph per tick (YAML {@code traces:}).
     *
     * @param traces the graph, its faults, and its logs and RED metrics
     */
    record Traces(TraceSpec traces) implements Signal {
        /**
         * Creates the record.
         *
         * @param traces the graph, its faults, and its logs and RED metrics
         * @throws NullPointerException if {@code traces} is null
         */
        public Traces {
            Objects.requireNonNull(traces, "traces");
        }

        @Override
        public SignalType signalType() {
            return SignalType.TRACES;
        }

        @Override
        public void validate(String path, Problems problems) {
            traces.validate(path + ".traces", problems);
        }
    }

    /**
     * {@code signal_type: events}: infrastructure events at points of the entry's timeline (YAML
     * {@code events:}).
     *
     * @param events the events, at least one, in any order (they are written in time order)
     */
    record Events(List<InfraEvent> events) implements Signal {
        /**
         * Creates the record, copying the list.
         *
         * @param events the events
         * @throws NullPointerException if {@code events} is null
         */
        public Events {
            events = List.copyOf(events);
        }

        @Override
        public SignalType signalType() {
            return SignalType.EVENTS;
        }

        @Override
        public void validate(String path, Problems problems) {
            if (events.isEmpty()) {
                problems.add(path + ".events", "an events entry needs at least one event");
            }
            for (int i = 0; i < events.size(); i++) {
                events.get(i).validate(path + ".events[" + i + "]", problems);
            }
        }

        /**
         * Whether an event is placed at a share of the entry's duration, which then needs one.
         *
         * @return true when any {@code at} is a percentage
         */
        public boolean usesRelativeOffsets() {
            return events.stream().anyMatch(e -> e.at().relative());
        }
    }

    /**
     * {@code signal_type: workload}: every series of label-space profiles on every tick (YAML
     * {@code workload:}); see {@link dev.sonda.api.workload.Workload}.
     *
     * @param workload the profiles, metrics, churn, endpoints and shard
     */
    record Workload(dev.sonda.api.workload.Workload workload) implements Signal {
        /**
         * Creates the record.
         *
         * @param workload the workload
         * @throws NullPointerException if {@code workload} is null
         */
        public Workload {
            Objects.requireNonNull(workload, "workload");
        }

        @Override
        public SignalType signalType() {
            return SignalType.WORKLOAD;
        }

        @Override
        public void validate(String path, Problems problems) {
            workload.validate(path + ".workload", problems);
        }
    }
}
