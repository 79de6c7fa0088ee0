package dev.sonda.engine.internal;

import dev.sonda.api.Comparison;
import dev.sonda.api.DurationText;
import dev.sonda.api.Entry;
import dev.sonda.api.Problems;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.WhileClause;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Not API. Compile-time resolution of {@code after:} clauses and the dependency-graph checks shared
 * with local {@code while:} clauses, as the reference's {@code compile_after} pass does: reference
 * resolution, self references, cycles, {@code while} target checks, crossing math, resolved phase
 * offsets and clock groups.
 *
 * <p>Where the reference stops at the first error, this class reports every independent problem
 * and skips only the checks whose prerequisite failed (no crossing math for an unresolved ref, no
 * offset downstream of a failure or inside a cycle).
 *
 * <p>Source: Sonda 1.20 {@code compiler/compile_after.rs}, {@code compiler/timing.rs}.
 */
public final class AfterResolver {
    /** Rust's {@code str} ordering (UTF-8 bytes), which is code point order. */
    private static final Comparator<String> RUST_ORDER = AfterResolver::compareCodePoints;

    private AfterResolver() {}

    /**
     * The result of {@link #resolve}, one element per input entry, in input order. Meaningful only
     * when {@link #resolve} added no problem (entries affected by a problem get a zero offset).
     *
     * @param phaseOffsets resolved start delay per entry: own {@code phase_offset} plus, for {@code
     *     after:} entries, the upstream's resolved offset, the crossing time and {@code after.delay},
     *     rounded to whole milliseconds as the reference's text form ({@code format_duration_secs})
     *     does; {@link Duration#ZERO} when there is none
     * @param clockGroups clock group per entry, or null for none
     * @param clockGroupAuto whether the clock group was synthesized ({@code chain_<smallest id>})
     */
    public record Resolved(List<Duration> phaseOffsets, List<String> clockGroups, List<Boolean> clockGroupAuto) {
        /**
         * Creates the record, copying its lists (which keep null elements).
         *
         * @param phaseOffsets resolved start delay per entry
         * @param clockGroups clock group per entry, or null elements for none
         * @param clockGroupAuto whether each clock group was synthesized
         */
        public Resolved {
            phaseOffsets = List.copyOf(phaseOffsets);
            clockGroups = Collections.unmodifiableList(new ArrayList<>(clockGroups));
            clockGroupAuto = List.copyOf(clockGroupAuto);
        }
    }

    /** One resolved graph edge: the target's index and whether it comes from {@code while:}. */
    private record Edge(int target, boolean isWhile) {
        String kind() {
            return isWhile ? "while" : "after";
        }
    }

    /**
     * Resolves every {@code after:} clause of {@code entries} into phase offsets and clock groups,
     * adding every problem found to {@code problems} with paths such as {@code
     * scenarios[1].after.ref} ({@code i} = index in {@code entries}) and the reference's exact
     * messages.
     *
     * <p>Checks, in the reference's order: each entry's outgoing refs ({@code after} then local
     * {@code while}: unknown id, ambiguous pack sub-signal, self reference); cycles over {@code
     * after}+{@code while} edges; local {@code while} targets (metrics only, no {@code csv_replay},
     * no literal NaN); in topological order, {@code after} targets (metrics only) and their crossing
     * math; finally clock-group conflicts over {@code after} edges. Explicit {@code phase_offset},
     * {@code after.delay} and alias durations arrive parsed, so their grammar is checked by the
     * reader, not here.
     *
     * @param entries the file's entries after defaults normalization and pack expansion, in file
     *     order; every entry has a non-null rate, inherited {@code while}/{@code delay}/{@code
     *     duration} already applied; pack sub-signal ids look like {@code node.cpu} or {@code
     *     node.cpu#3}
     * @param fileScenarioName the file's {@code scenario_name}, or null; a {@code
     *     while.scenario_name} equal to it is a local ref, any other non-null one is a cross-body ref
     *     and ignored here
     * @param problems collector the problems are added to
     * @return offsets and clock groups, one per entry
     */
    public static Resolved resolve(List<Entry> entries, String fileScenarioName, Problems problems) {
        int n = entries.size();
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = entries.get(i).id();
            if (id != null) {
                byId.put(id, i); // ids are unique; on a duplicate the last one wins, as in a BTreeMap
            }
        }
        List<String> sortedIds = new ArrayList<>(byId.keySet());
        sortedIds.sort(RUST_ORDER);

        // 1. References and self references.
        int[] afterTarget = new int[n];
        int[] whileTarget = new int[n];
        Arrays.fill(afterTarget, -1);
        Arrays.fill(whileTarget, -1);
        List<List<Edge>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            List<Edge> edges = new ArrayList<>(2);
            if (e.after() != null) {
                afterTarget[i] = edge(e, i, e.after().ref(), false, byId, sortedIds, problems);
                if (afterTarget[i] >= 0) {
                    edges.add(new Edge(afterTarget[i], false));
                }
            }
            if (isLocalWhile(e.whileClause(), fileScenarioName)) {
                whileTarget[i] = edge(e, i, e.whileClause().ref(), true, byId, sortedIds, problems);
                if (whileTarget[i] >= 0) {
                    edges.add(new Edge(whileTarget[i], true));
                }
            }
            out.add(edges);
        }

        // 2. Cycles (Kahn; a DFS reconstructs the path for the message).
        List<Integer> sorted = topologicalOrder(out);
        boolean cyclic = sorted.size() < n;
        if (cyclic) {
            reportCycle(entries, out, problems);
        }

        // 3. Local while targets, file order.
        for (int i = 0; i < n; i++) {
            if (whileTarget[i] >= 0) {
                checkWhileTarget(entries.get(i), i, entries.get(whileTarget[i]), problems);
            }
        }

        // 4. (phase_offset grammar: durations arrive parsed; the reader reports bad text.)
        // 5. After targets and crossing math, topological order (entries left in cycles last).
        double[] total = new double[n];
        boolean[] known = new boolean[n];
        List<Integer> order = new ArrayList<>(sorted);
        if (cyclic) {
            boolean[] seen = new boolean[n];
            sorted.forEach(i -> seen[i] = true);
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    order.add(i);
                }
            }
        }
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            Entry e = entries.get(i);
            double base = e.phaseOffset() == null ? 0.0 : DurationText.toSeconds(e.phaseOffset());
            if (e.after() == null) {
                total[i] = base;
                known[i] = true;
                continue;
            }
            int t = afterTarget[i];
            if (t < 0) {
                continue; // unresolved ref or self reference, already reported
            }
            Double crossing = crossing(e, i, entries.get(t), problems);
            if (crossing == null) {
                continue; // reported
            }
            if (k < sorted.size() && known[t]) {
                double delay = e.after().delay() == null
                        ? 0.0
                        : DurationText.toSeconds(e.after().delay());
                total[i] = base + total[t] + crossing + delay;
                known[i] = true;
            }
        }

        // 6. Clock groups over after edges.
        String[] groups = new String[n];
        boolean[] auto = new boolean[n];
        assignClockGroups(entries, afterTarget, groups, auto, problems);

        List<Duration> offsets = new ArrayList<>(n);
        List<String> groupList = new ArrayList<>(n);
        List<Boolean> autoList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            offsets.add(known[i] ? roundedMillis(total[i]) : Duration.ZERO);
            groupList.add(groups[i]);
            autoList.add(auto[i]);
        }
        return new Resolved(offsets, groupList, autoList);
    }

    private static boolean isLocalWhile(WhileClause w, String fileScenarioName) {
        return w != null && (w.scenarioName() == null || w.scenarioName().equals(fileScenarioName));
    }

    /** How the reference names an entry in these messages: id, else {@code <anonymous:name>}. */
    private static String label(Entry e) {
        return e.id() != null ? e.id() : "<anonymous:" + (e.name() == null ? "" : e.name()) + ">";
    }

    private static String path(int i, String clause) {
        return "scenarios[" + i + "]." + clause;
    }

    /** Resolves one ref and checks self reference; returns the target index, or -1 when reported. */
    private static int edge(
            Entry e,
            int i,
            String ref,
            boolean isWhile,
            Map<String, Integer> byId,
            List<String> sortedIds,
            Problems problems) {
        String clause = isWhile ? "while" : "after";
        String where = path(i, clause + ".ref");
        Integer target = byId.get(ref);
        if (target == null) {
            String prefix = ref + "#";
            List<String> candidates =
                    sortedIds.stream().filter(id -> id.startsWith(prefix)).toList();
            if (!candidates.isEmpty()) {
                int dot = ref.lastIndexOf('.');
                String pack = dot < 0 ? "" : ref.substring(0, dot);
                problems.add(
                        where,
                        "after.ref '" + ref + "' is ambiguous: pack '" + pack
                                + "' ships multiple specs with this metric name. Use one of: ["
                                + String.join(", ", candidates) + "]");
            } else {
                problems.add(
                        where,
                        "entry '" + label(e) + "': " + clause + ".ref '" + ref
                                + "' does not match any signal id in this file. Available ids: ["
                                + String.join(", ", sortedIds) + "]");
            }
            return -1;
        }
        if (ref.equals(e.id())) {
            problems.add(where, "entry '" + label(e) + "': " + clause + ".ref references itself");
            return -1;
        }
        return target;
    }

    /** Kahn's algorithm, queue seeded in index order, dependents in edge order. */
    private static List<Integer> topologicalOrder(List<List<Edge>> out) {
        int n = out.size();
        int[] inDegree = new int[n];
        List<List<Integer>> dependents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (Edge edge : out.get(i)) {
                inDegree[i]++;
                dependents.get(edge.target()).add(i);
            }
        }
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                queue.add(i);
            }
        }
        List<Integer> sorted = new ArrayList<>(n);
        while (!queue.isEmpty()) {
            int i = queue.poll();
            sorted.add(i);
            for (int d : dependents.get(i)) {
                if (--inDegree[d] == 0) {
                    queue.add(d);
                }
            }
        }
        return sorted;
    }

    /**
     * Finds the cycle the reference reports: a white/gray/black DFS from the lowest index, edges
     * in after-then-while order, each path element labelled with the edge leaving it; reports
     * {@code a -> b -> a} for a pure-after cycle, else {@code a --[after]--> b --[while]--> a}.
     */
    private static void reportCycle(List<Entry> entries, List<List<Edge>> out, Problems problems) {
        int n = out.size();
        byte[] color = new byte[n]; // 0 white, 1 gray, 2 black
        List<Integer> pathNodes = new ArrayList<>();
        List<Edge> pathEdges = new ArrayList<>(); // edge leaving pathNodes[k], once chosen
        int[] next = new int[n];
        for (int start = 0; start < n; start++) {
            if (color[start] != 0) {
                continue;
            }
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(start);
            color[start] = 1;
            pathNodes.add(start);
            pathEdges.add(null);
            while (!stack.isEmpty()) {
                int node = stack.peek();
                List<Edge> edges = out.get(node);
                if (next[node] < edges.size()) {
                    Edge edge = edges.get(next[node]++);
                    pathEdges.set(pathEdges.size() - 1, edge);
                    if (color[edge.target()] == 0) {
                        color[edge.target()] = 1;
                        stack.push(edge.target());
                        pathNodes.add(edge.target());
                        pathEdges.add(null);
                    } else if (color[edge.target()] == 1) {
                        int from = pathNodes.indexOf(edge.target());
                        problems.add(
                                path(pathNodes.get(from), pathEdges.get(from).kind() + ".ref"),
                                cycleMessage(
                                        entries,
                                        pathNodes.subList(from, pathNodes.size()),
                                        pathEdges.subList(from, pathEdges.size())));
                        return;
                    }
                } else {
                    color[node] = 2;
                    stack.pop();
                    pathNodes.remove(pathNodes.size() - 1);
                    pathEdges.remove(pathEdges.size() - 1);
                }
            }
        }
        problems.add("", "circular dependency detected: <unknown cycle>");
    }

    private static String cycleMessage(List<Entry> entries, List<Integer> nodes, List<Edge> edges) {
        boolean anyWhile = edges.stream().anyMatch(Edge::isWhile);
        StringBuilder sb = new StringBuilder("circular dependency detected: ");
        for (int k = 0; k < nodes.size(); k++) {
            sb.append(label(entries.get(nodes.get(k))));
            sb.append(anyWhile ? " --[" + edges.get(k).kind() + "]--> " : " -> ");
        }
        return sb.append(label(entries.get(nodes.get(0)))).toString();
    }

    /** The checks on a local {@code while} target: metrics, not csv_replay, no literal NaN. */
    private static void checkWhileTarget(Entry e, int i, Entry target, Problems problems) {
        String where = path(i, "while.ref");
        String ref = e.whileClause().ref();
        String head = "entry '" + label(e) + "': ";
        if (target.signalType() != SignalType.METRICS) {
            problems.add(
                    where,
                    head + "while.ref '" + ref + "' resolves to a "
                            + target.signalType().yamlName() + " signal; only metrics signals can be `while` targets");
            return;
        }
        if (!(target.signal() instanceof Signal.Metrics m)) {
            return;
        }
        GeneratorSpec g = m.generator();
        if (g instanceof GeneratorSpec.CsvReplay) {
            problems.add(
                    where,
                    head + "`while:` cannot reference '" + ref + "' — generator 'csv_replay' is data-dependent;"
                            + " only analytical generators are supported as `while:` upstreams");
            return;
        }
        String nan = null;
        if (g instanceof GeneratorSpec.Constant c && Double.isNaN(c.value())) {
            nan = "constant.value: NaN";
        } else if (g instanceof GeneratorSpec.Sequence s) {
            for (int k = 0; k < s.values().size(); k++) {
                if (Double.isNaN(s.values().get(k))) {
                    nan = "sequence.values[" + k + "]: NaN";
                    break;
                }
            }
        }
        if (nan != null) {
            problems.add(
                    where,
                    head + "`while:` cannot reference '" + ref + "' — it emits a literal NaN (" + nan
                            + "); strict comparisons against NaN never hold and would leave the scenario"
                            + " permanently paused");
        }
    }

    /** The {@code after} target checks and crossing math; null when a problem was reported. */
    private static Double crossing(Entry e, int i, Entry target, Problems problems) {
        String ref = e.after().ref();
        String head = "entry '" + label(e) + "': after.ref '" + ref + "'";
        if (target.signalType() != SignalType.METRICS || !(target.signal() instanceof Signal.Metrics m)) {
            problems.add(
                    path(i, "after.ref"),
                    head + " resolves to a " + target.signalType().yamlName()
                            + " signal; only metrics signals can be `after` targets");
            return null;
        }
        Comparison op = e.after().op();
        double value = e.after().value();
        double rate = target.rate() == null ? Double.NaN : target.rate();
        AfterCrossing.Outcome o = AfterCrossing.seconds(m.generator(), op, value, rate);
        if (!o.failed()) {
            return o.seconds();
        }
        String opValue = " op '" + op.symbol() + "' value " + FloatText.display(value) + " -- ";
        switch (o.failure()) {
            case UNSUPPORTED -> problems.add(
                    path(i, "after.ref"),
                    head + " uses generator '" + m.generator().type() + "' which does not support " + op.symbol()
                            + " threshold crossings: " + o.reason());
            case OUT_OF_RANGE -> problems.add(path(i, "after.value"), head + opValue + o.reason());
            case AMBIGUOUS -> problems.add(
                    path(i, "after.value"),
                    head + opValue + "condition is true at t=0, timing is ambiguous: " + o.reason());
        }
        return null;
    }

    /**
     * Undirected components over resolved after edges, members in the reference's stack-DFS order;
     * a component of two or more takes its single explicit non-empty group, else {@code
     * chain_<smallest id>} (auto); two distinct explicit groups are a conflict naming the first two
     * in string order, each with the first member found carrying it.
     */
    private static void assignClockGroups(
            List<Entry> entries, int[] afterTarget, String[] groups, boolean[] auto, Problems problems) {
        int n = entries.size();
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            int t = afterTarget[i];
            if (t >= 0) {
                adj.get(i).add(t);
                adj.get(t).add(i);
            }
        }
        boolean[] visited = new boolean[n];
        for (int start = 0; start < n; start++) {
            if (visited[start]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                int node = stack.pop();
                if (visited[node]) {
                    continue;
                }
                visited[node] = true;
                members.add(node);
                for (int nb : adj.get(node)) {
                    if (!visited[nb]) {
                        stack.push(nb);
                    }
                }
            }
            if (members.size() < 2) {
                groups[start] = entries.get(start).clockGroup();
                continue;
            }
            TreeMap<String, Integer> distinct = new TreeMap<>(RUST_ORDER);
            for (int m : members) {
                String g = entries.get(m).clockGroup();
                if (g != null && !g.isEmpty()) {
                    distinct.putIfAbsent(g, m);
                }
            }
            String group;
            boolean isAuto = false;
            if (distinct.isEmpty()) {
                group = "chain_"
                        + members.stream()
                                .map(m -> entries.get(m).id())
                                .filter(Objects::nonNull)
                                .min(RUST_ORDER)
                                .orElse("");
                isAuto = true;
            } else if (distinct.size() == 1) {
                group = distinct.firstKey();
            } else {
                Map.Entry<String, Integer> first = distinct.firstEntry();
                Map.Entry<String, Integer> second = distinct.higherEntry(first.getKey());
                problems.add(
                        path(second.getValue(), "clock_group"),
                        "conflicting clock_group in dependency chain: entry '"
                                + label(entries.get(first.getValue())) + "' has clock_group '" + first.getKey()
                                + "', entry '" + label(entries.get(second.getValue())) + "' has clock_group '"
                                + second.getKey() + "'");
                continue;
            }
            for (int m : members) {
                groups[m] = group;
                auto[m] = isAuto;
            }
        }
    }

    /** {@code format_duration_secs} then parse: whole milliseconds, zero for non-positive or NaN. */
    private static Duration roundedMillis(double secs) {
        if (!Double.isFinite(secs) || secs <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) FloatText.roundHalfAwayFromZero(secs * 1000.0));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
