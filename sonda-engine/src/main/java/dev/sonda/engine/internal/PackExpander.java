package dev.sonda.engine.internal;

import dev.sonda.api.AfterClause;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Entry;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.Problems;
import dev.sonda.api.Signal;
import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.engine.PackResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Not API. Compile phase 3 of Sonda 1.20 ({@code compiler/expand.rs}): replaces every {@code
 * pack:} entry by one metrics entry per metric of the pack it names.
 *
 * <p>Shape of the output, for a pack entry at file index {@code i}:
 *
 * <ul>
 *   <li>Effective entry id: the entry's {@code id}, else {@code {pack.name}_{i}} ({@code i}
 *       counts every entry of the file, and the suffix is always present).
 *   <li>One entry per pack metric {@code k} (pack order), placed consecutively at the pack
 *       entry's position: id {@code {eff}.{metric}}, or {@code {eff}.{metric}#{k}} when the pack
 *       holds that metric name more than once; name = the metric's name.
 *   <li>Labels, later wins: {@code defaults.labels} → pack {@code shared_labels} → metric labels →
 *       entry labels → override labels (overrides are keyed by metric name, so one applies to
 *       every metric of that name). An empty result means no labels.
 *   <li>Generator: the override's, else the metric's, else {@code constant 0.0}.
 *   <li>{@code after}, {@code while}, {@code delay}: the override's, else the entry's.
 *   <li>Every other field (rate, duration, start_time, encoder, sink, jitter, jitter_seed, gaps,
 *       bursts, cardinality_spikes, dynamic_labels, phase_offset, clock_group, on_sink_error,
 *       metric_type, help) is copied verbatim from the pack entry.
 * </ul>
 *
 * <p>Inline entries pass through unchanged; their ids join the id namespace.
 *
 * <p>Problems (each with the reference's exact message; the reference stops at the first, this
 * port reports every independent one):
 *
 * <ul>
 *   <li>{@code scenarios[i].pack}: {@code pack '{ref}' could not be resolved: {resolver
 *       message}} — the message of the resolver's {@link SondaException}.
 *   <li>{@code scenarios[i].pack}: {@code pack '{pack name}' contains no metrics}.
 *   <li>{@code scenarios[i].overrides.{key}}: {@code override references unknown metric
 *       '{key}'; pack '{pack name}' contains: {m1, m2, ...}} (metric names in pack order,
 *       repeated names repeated, joined by {@code ", "}); keys are checked in sorted order and
 *       every unknown key is reported (the reference reports the first).
 *   <li>{@code scenarios[i].id} (a user-provided id) or {@code scenarios[i].pack} (an
 *       auto-generated or sub-signal id): {@code duplicate entry id '{id}' after pack expansion:
 *       {first} conflicts with {second}}, each source one of {@code inline entry '{id}'}, {@code
 *       pack entry '{id}' (user-provided id)}, {@code pack entry at index {i} (auto-generated id
 *       '{synth}' from pack '{pack}')}, {@code pack sub-signal '{sub}' (pack '{pack}', metric
 *       '{metric}' at index {k})}.
 * </ul>
 *
 * <p>Decisions where the reference, which stops at the first error, gives no answer:
 *
 * <ul>
 *   <li>A pack that cannot be resolved or has no metrics contributes no entry; the entry's
 *       effective id (its own, or the auto id when the pack is known) still joins the namespace.
 *   <li>Unknown override keys do not stop the expansion: the other overrides still apply.
 *   <li>A collision between two user-provided ids is not reported here: {@link
 *       dev.sonda.api.ScenarioPlan#problems()} already reports it as {@code duplicate entry id:
 *       '{id}'}, as the reference's parser does before expansion ever runs.
 *   <li>A sub-signal whose id is already taken is left out, so expansion never adds a duplicate
 *       id to the output. It is reported, unless the pack entry's own effective id was already
 *       taken (then the collision is a consequence of that one, which is reported).
 * </ul>
 */
public final class PackExpander {
    private static final GeneratorSpec DEFAULT_GENERATOR = new GeneratorSpec.Constant(0.0);

    private PackExpander() {}

    /** Where an id of the namespace came from, for duplicate messages. */
    private record Source(String text, boolean userProvided) {}

    /**
     * Expands the pack entries of a file.
     *
     * @param entries the file's entries in order, after normalization: rate, duration, encoder,
     *     sink, on_sink_error, start_time, while and delay defaults already copied onto each entry;
     *     inline entries' labels already merged with {@code defaults.labels}, pack entries' labels
     *     not
     * @param defaults the file's defaults; only {@link Defaults#labels()} is read, applied to
     *     expanded entries at the lowest precedence
     * @param resolver finds the pack a {@code pack:} value names; called once per pack entry
     * @param problems collector of every problem found, see the class description for messages
     * @return the entries with every pack entry replaced by its metrics (pack entries whose pack
     *     cannot be expanded contribute none)
     * @throws NullPointerException if an argument is null, or the resolver returns null
     */
    public static List<Entry> expand(List<Entry> entries, Defaults defaults, PackResolver resolver, Problems problems) {
        return expand(entries, defaults, resolver, problems, new ArrayList<>());
    }

    /**
     * As {@link #expand(List, Defaults, PackResolver, Problems)}, also recording where each
     * expanded entry comes from.
     *
     * @param entries the file's entries
     * @param defaults the file's defaults
     * @param resolver finds packs
     * @param problems collector of problems
     * @param origins receives one origin per returned entry, in order
     * @return the expanded entries
     */
    public static List<Entry> expand(
            List<Entry> entries, Defaults defaults, PackResolver resolver, Problems problems, List<Origin> origins) {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(problems, "problems");
        List<Entry> out = new ArrayList<>(entries.size());
        Map<String, Source> ids = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String path = "scenarios[" + i + "]";
            if (entry.signal() instanceof Signal.Pack pack) {
                int before = out.size();
                expandPackEntry(entry, pack, i, path, defaults.labels(), resolver, ids, out, problems);
                for (int k = before; k < out.size(); k++) {
                    origins.add(new Origin(
                            i,
                            "pack '" + pack.pack() + "', metric '" + out.get(k).name() + "'"));
                }
            } else {
                if (entry.id() != null) {
                    record(
                            ids,
                            entry.id(),
                            new Source("inline entry '" + entry.id() + "'", true),
                            path + ".id",
                            problems);
                }
                out.add(entry);
                origins.add(new Origin(i, null));
            }
        }
        return out;
    }

    /**
     * Where an expanded entry is written: the index of the file's entry it comes from, and for a
     * pack metric or a csv_replay column, which one.
     *
     * @param index the file's entry index
     * @param part such as {@code pack 'node_cpu', metric 'node_cpu_seconds_total'}, or null
     */
    public record Origin(int index, String part) {
        /**
         * The path of the file's entry, such as {@code scenarios[2]}.
         *
         * @return the path
         */
        public String path() {
            return "scenarios[" + index + "]";
        }

        /**
         * How messages name the entry: its path, with the part in parentheses.
         *
         * @return such as {@code scenarios[2] (pack 'x', metric 'y')}
         */
        public String display() {
            return part == null ? path() : path() + " (" + part + ")";
        }
    }

    private static void expandPackEntry(
            Entry entry,
            Signal.Pack signal,
            int index,
            String path,
            Map<String, String> defaultLabels,
            PackResolver resolver,
            Map<String, Source> ids,
            List<Entry> out,
            Problems problems) {
        String ref = signal.pack();
        Source userSource =
                entry.id() == null ? null : new Source("pack entry '" + entry.id() + "' (user-provided id)", true);
        MetricPack pack;
        try {
            pack = Objects.requireNonNull(resolver.resolve(ref), "resolver returned no pack");
        } catch (SondaException e) {
            problems.add(path + ".pack", "pack '" + ref + "' could not be resolved: " + e.getMessage());
            if (userSource != null) {
                record(ids, entry.id(), userSource, path + ".id", problems);
            }
            return;
        }
        String effectiveId;
        Source effectiveSource;
        String effectivePath;
        if (userSource != null) {
            effectiveId = entry.id();
            effectiveSource = userSource;
            effectivePath = path + ".id";
        } else {
            effectiveId = pack.name() + "_" + index;
            effectiveSource = new Source(
                    "pack entry at index " + index + " (auto-generated id '" + effectiveId + "' from pack '"
                            + pack.name() + "')",
                    false);
            effectivePath = path + ".pack";
        }
        if (pack.metrics().isEmpty()) {
            problems.add(path + ".pack", "pack '" + pack.name() + "' contains no metrics");
            record(ids, effectiveId, effectiveSource, effectivePath, problems);
            return;
        }
        checkOverrideKeys(pack, signal.overrides(), path, problems);
        // When the effective id is taken, its sub-signal collisions are consequences: not reported.
        Problems subProblems = record(ids, effectiveId, effectiveSource, effectivePath, problems) ? problems : null;

        Set<String> repeated = repeatedNames(pack.metrics());
        for (int k = 0; k < pack.metrics().size(); k++) {
            PackMetric metric = pack.metrics().get(k);
            PackOverride override = signal.overrides().get(metric.name());
            String subId = effectiveId + "." + metric.name() + (repeated.contains(metric.name()) ? "#" + k : "");
            Source subSource = new Source(
                    "pack sub-signal '" + subId + "' (pack '" + pack.name() + "', metric '" + metric.name()
                            + "' at index " + k + ")",
                    false);
            if (!record(ids, subId, subSource, path + ".pack", subProblems)) {
                continue;
            }
            out.add(expandMetric(entry, subId, metric, override, pack.sharedLabels(), defaultLabels));
        }
    }

    private static Entry expandMetric(
            Entry entry,
            String id,
            PackMetric metric,
            PackOverride override,
            Map<String, String> sharedLabels,
            Map<String, String> defaultLabels) {
        Map<String, String> labels = new TreeMap<>(defaultLabels);
        labels.putAll(sharedLabels);
        labels.putAll(metric.labels());
        labels.putAll(entry.labels());
        GeneratorSpec generator = metric.generator() != null ? metric.generator() : DEFAULT_GENERATOR;
        AfterClause after = entry.after();
        WhileClause whileClause = entry.whileClause();
        DelayClause delay = entry.delay();
        if (override != null) {
            labels.putAll(override.labels());
            if (override.generator() != null) {
                generator = override.generator();
            }
            if (override.after() != null) {
                after = override.after();
            }
            if (override.whileClause() != null) {
                whileClause = override.whileClause();
            }
            if (override.delay() != null) {
                delay = override.delay();
            }
        }
        return new Entry(
                id,
                metric.name(),
                new Signal.Metrics(generator),
                entry.rate(),
                entry.duration(),
                entry.startTime(),
                labels,
                entry.dynamicLabels(),
                entry.encoder(),
                entry.sink(),
                entry.jitter(),
                entry.jitterSeed(),
                entry.gaps(),
                entry.bursts(),
                entry.cardinalitySpikes(),
                entry.phaseOffset(),
                entry.clockGroup(),
                after,
                whileClause,
                delay,
                entry.onSinkError(),
                entry.metricType(),
                entry.help());
    }

    private static void checkOverrideKeys(
            MetricPack pack, Map<String, PackOverride> overrides, String path, Problems problems) {
        if (overrides.isEmpty()) {
            return;
        }
        Set<String> names = pack.metrics().stream().map(PackMetric::name).collect(Collectors.toSet());
        String available = pack.metrics().stream().map(PackMetric::name).collect(Collectors.joining(", "));
        overrides.keySet().stream()
                .sorted()
                .filter(key -> !names.contains(key))
                .forEach(key -> problems.add(
                        path + ".overrides." + key,
                        "override references unknown metric '" + key + "'; pack '" + pack.name() + "' contains: "
                                + available));
    }

    private static Set<String> repeatedNames(List<PackMetric> metrics) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (PackMetric m : metrics) {
            if (!seen.add(m.name())) {
                repeated.add(m.name());
            }
        }
        return repeated;
    }

    /**
     * Registers {@code id}; reports a collision to {@code problems} (when not null) unless both
     * sources are user-provided ids (the plan reports those).
     *
     * @return whether the id was free
     */
    private static boolean record(Map<String, Source> ids, String id, Source source, String path, Problems problems) {
        Source prior = ids.putIfAbsent(id, source);
        if (prior == null) {
            return true;
        }
        if (problems != null && !(prior.userProvided() && source.userProvided())) {
            problems.add(
                    path,
                    "duplicate entry id '" + id + "' after pack expansion: " + prior.text() + " conflicts with "
                            + source.text());
        }
        return false;
    }
}
