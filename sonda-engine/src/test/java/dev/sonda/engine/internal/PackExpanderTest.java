package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.AfterClause;
import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Comparison;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricPack;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.Signal;
import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.PackResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackExpanderTest {
    private static final GeneratorSpec ONE = new GeneratorSpec.Constant(1.0);
    private static final GeneratorSpec STEP = new GeneratorSpec.Step(0.0, 1.0, null);

    private final Map<String, MetricPack> catalog = new HashMap<>();
    private final List<String> resolved = new ArrayList<>();
    private final PackResolver resolver = ref -> {
        resolved.add(ref);
        MetricPack p = catalog.get(ref);
        if (p == null) {
            throw new SondaException("pack reference '" + ref + "' not found in resolver");
        }
        return p;
    };
    private final Problems problems = new Problems();

    private static MetricPack pack(String name, Map<String, String> shared, PackMetric... metrics) {
        return new MetricPack(name, "test pack", "test", shared, Arrays.asList(metrics), List.of(), null);
    }

    private static PackMetric metric(String name) {
        return new PackMetric(name, Map.of(), ONE);
    }

    private static Entry packEntry(String id, String pack) {
        return packEntry(id, pack, Map.of(), Map.of());
    }

    private static Entry packEntry(String id, String pack, Map<String, String> labels, Map<String, PackOverride> o) {
        return new Entry(
                id,
                null,
                new Signal.Pack(pack, o),
                1.0,
                null,
                null,
                labels,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Entry inline(String id, String name) {
        return new Entry(
                id,
                name,
                new Signal.Metrics(ONE),
                1.0,
                null,
                null,
                Map.of("a", "b"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private List<Entry> expand(Entry... entries) {
        return PackExpander.expand(List.of(entries), Defaults.NONE, resolver, problems);
    }

    private static Defaults defaultLabels(Map<String, String> labels) {
        return new Defaults(null, null, null, null, null, labels, null, null, null);
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }

    // ---- shape ----

    @Test
    void inlineEntriesPassThroughUnchangedAroundTheExpandedPack() {
        catalog.put("p", pack("p", Map.of(), metric("m1"), metric("m2")));
        Entry first = inline("first", "x");
        Entry last = inline(null, "y");

        List<Entry> out = expand(first, packEntry("e", "p"), last);

        assertThat(problems.list()).isEmpty();
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isSameAs(first);
        assertThat(ids(out.subList(1, 3))).containsExactly("e.m1", "e.m2");
        assertThat(out.get(3)).isSameAs(last);
    }

    @Test
    void eachPackMetricBecomesAMetricsEntryNamedAfterTheMetric() {
        catalog.put("p", pack("p", Map.of(), metric("ifOperStatus"), metric("ifHCInOctets")));

        List<Entry> out = expand(packEntry("net", "p"));

        assertThat(out).extracting(Entry::id).containsExactly("net.ifOperStatus", "net.ifHCInOctets");
        assertThat(out).extracting(Entry::name).containsExactly("ifOperStatus", "ifHCInOctets");
        assertThat(out).allSatisfy(e -> assertThat(e.signal()).isEqualTo(new Signal.Metrics(ONE)));
    }

    @Test
    void anAnonymousPackEntryIsNamedAfterThePackAndItsIndexAmongAllEntries() {
        catalog.put("ref/to/p.yaml", pack("tiny", Map.of(), metric("m")));

        List<Entry> out = expand(inline("a", "x"), inline("b", "y"), packEntry(null, "ref/to/p.yaml"));

        assertThat(ids(out)).containsExactly("a", "b", "tiny_2.m");
    }

    @Test
    void twoAnonymousEntriesOfOnePackGetDistinctIds() {
        catalog.put("p", pack("telegraf_snmp_interface", Map.of(), metric("ifOperStatus"), metric("ifInErrors")));

        List<Entry> out = expand(packEntry(null, "p"), packEntry(null, "p"));

        assertThat(problems.list()).isEmpty();
        assertThat(ids(out))
                .containsExactly(
                        "telegraf_snmp_interface_0.ifOperStatus",
                        "telegraf_snmp_interface_0.ifInErrors",
                        "telegraf_snmp_interface_1.ifOperStatus",
                        "telegraf_snmp_interface_1.ifInErrors");
    }

    @Test
    void metricsSharingANameAreSuffixedWithTheirIndexInThePack() {
        catalog.put(
                "p",
                pack(
                        "node_exporter_cpu",
                        Map.of(),
                        new PackMetric("node_cpu_seconds_total", Map.of("mode", "user"), STEP),
                        metric("node_load1"),
                        new PackMetric("node_cpu_seconds_total", Map.of("mode", "idle"), STEP)));

        List<Entry> out = expand(packEntry("node", "p"));

        assertThat(ids(out))
                .containsExactly("node.node_cpu_seconds_total#0", "node.node_load1", "node.node_cpu_seconds_total#2");
        assertThat(out)
                .extracting(Entry::name)
                .containsExactly("node_cpu_seconds_total", "node_load1", "node_cpu_seconds_total");
    }

    @Test
    void theResolverIsAskedOncePerPackEntryWithTheReferenceAsWritten() {
        catalog.put("./p.yaml", pack("p", Map.of(), metric("m")));

        expand(packEntry("a", "./p.yaml"), inline("x", "y"), packEntry("b", "./p.yaml"));

        assertThat(resolved).containsExactly("./p.yaml", "./p.yaml");
    }

    // ---- labels ----

    @Test
    void labelsLayerDefaultsThenSharedThenMetricThenEntryThenOverride() {
        catalog.put(
                "p",
                pack(
                        "p",
                        Map.of("region", "shared", "job", "snmp", "s", "shared"),
                        new PackMetric("m", Map.of("region", "metric", "mode", "user", "k", "metric"), ONE),
                        new PackMetric("other", Map.of("region", "metric"), ONE)));
        Map<String, String> entryLabels = Map.of("region", "entry", "device", "rtr-01", "k", "entry");
        Map<String, PackOverride> overrides =
                Map.of("m", new PackOverride(null, Map.of("region", "override", "extra", "o"), null, null, null));
        Defaults defaults = defaultLabels(Map.of("region", "defaults", "env", "prod", "job", "defaults"));

        List<Entry> out =
                PackExpander.expand(List.of(packEntry("e", "p", entryLabels, overrides)), defaults, resolver, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(out.get(0).labels())
                .isEqualTo(Map.of(
                        "region", "override",
                        "env", "prod",
                        "job", "snmp",
                        "s", "shared",
                        "mode", "user",
                        "k", "entry",
                        "device", "rtr-01",
                        "extra", "o"));
        assertThat(out.get(1).labels())
                .isEqualTo(Map.of(
                        "region", "entry", "env", "prod", "job", "snmp", "s", "shared", "k", "entry", "device",
                        "rtr-01"));
    }

    @Test
    void defaultLabelsAreNotAppliedAgainToInlineEntries() {
        catalog.put("p", pack("p", Map.of(), metric("m")));
        Entry in = inline("x", "y");

        List<Entry> out = PackExpander.expand(
                List.of(in, packEntry("e", "p")), defaultLabels(Map.of("env", "prod")), resolver, problems);

        assertThat(out.get(0).labels()).isEqualTo(Map.of("a", "b"));
        assertThat(out.get(1).labels()).isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void emptySharedLabelsAreEmittedAsEmptyLabels() {
        catalog.put("p", pack("p", Map.of("device", "", "job", "snmp"), metric("m")));

        assertThat(expand(packEntry("e", "p")).get(0).labels()).isEqualTo(Map.of("device", "", "job", "snmp"));
    }

    @Test
    void noLabelAtAnyLevelGivesNoLabels() {
        catalog.put("p", pack("p", null, metric("m")));

        List<Entry> out =
                PackExpander.expand(List.of(packEntry("e", "p")), defaultLabels(Map.of()), resolver, problems);

        assertThat(out.get(0).labels()).isEmpty();
    }

    @Test
    void anOverrideOfARepeatedNameAppliesToEveryMetricOfThatName() {
        catalog.put(
                "p",
                pack(
                        "p",
                        Map.of(),
                        new PackMetric("c", Map.of("mode", "user"), STEP),
                        new PackMetric("c", Map.of("mode", "idle"), STEP),
                        metric("d")));
        GeneratorSpec seven = new GeneratorSpec.Constant(7.0);
        Map<String, PackOverride> overrides = Map.of("c", new PackOverride(seven, Map.of("o", "1"), null, null, null));

        List<Entry> out = expand(packEntry("e", "p", Map.of(), overrides));

        assertThat(out)
                .extracting(Entry::signal)
                .containsExactly(new Signal.Metrics(seven), new Signal.Metrics(seven), new Signal.Metrics(ONE));
        assertThat(out).extracting(e -> e.labels().get("o")).containsExactly("1", "1", null);
    }

    // ---- generator, gates and copied fields ----

    @Test
    void theGeneratorIsTheOverridesThenTheMetricsThenConstantZero() {
        GeneratorSpec sine = new GeneratorSpec.Sine(1.0, 10.0, 5.0);
        catalog.put(
                "p",
                pack(
                        "p",
                        Map.of(),
                        new PackMetric("a", null, STEP),
                        new PackMetric("b", null, STEP),
                        new PackMetric("c", null, null)));
        Map<String, PackOverride> overrides = Map.of("a", new PackOverride(sine, null, null, null, null));

        List<Entry> out = expand(packEntry("e", "p", Map.of(), overrides));

        assertThat(out)
                .extracting(Entry::signal)
                .containsExactly(
                        new Signal.Metrics(sine),
                        new Signal.Metrics(STEP),
                        new Signal.Metrics(new GeneratorSpec.Constant(0.0)));
    }

    @Test
    void afterWhileAndDelayAreTheOverridesElseTheEntrys() {
        AfterClause entryAfter = new AfterClause("up", Comparison.GREATER_THAN, 1.0, null);
        WhileClause entryWhile = new WhileClause("gate", Comparison.LESS_THAN, 5.0, null, null);
        DelayClause entryDelay = new DelayClause(Duration.ofSeconds(1), null, null, null);
        AfterClause overAfter = new AfterClause("other.m", Comparison.LESS_THAN, 2.0, Duration.ofSeconds(3));
        WhileClause overWhile = new WhileClause("gate2", Comparison.GREATER_THAN, 0.5, null, null);
        DelayClause overDelay = new DelayClause(null, Duration.ofSeconds(2), 0.0, null);
        catalog.put("p", pack("p", Map.of(), metric("a"), metric("b"), metric("c")));
        Entry base = packEntry(
                "e",
                "p",
                Map.of(),
                Map.of(
                        "a", new PackOverride(null, null, overAfter, overWhile, overDelay),
                        "b", new PackOverride(null, null, overAfter, null, null)));
        Entry entry = new Entry(
                base.id(),
                null,
                base.signal(),
                1.0,
                Duration.ofSeconds(30),
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                entryAfter,
                entryWhile,
                entryDelay,
                null,
                null,
                null);

        List<Entry> out = expand(entry);

        assertThat(out).extracting(Entry::after).containsExactly(overAfter, overAfter, entryAfter);
        assertThat(out).extracting(Entry::whileClause).containsExactly(overWhile, entryWhile, entryWhile);
        assertThat(out).extracting(Entry::delay).containsExactly(overDelay, entryDelay, entryDelay);
    }

    @Test
    void everyOtherFieldIsCopiedVerbatimFromThePackEntry() {
        catalog.put("p", pack("p", Map.of(), metric("m")));
        Entry entry = new Entry(
                "e",
                null,
                new Signal.Pack("p", Map.of()),
                2.5,
                Duration.ofSeconds(60),
                "-1h",
                Map.of("l", "v"),
                List.of(new DynamicLabel("host", "h-", 3, List.of())),
                new EncoderSpec.InfluxLp("v", 3),
                new SinkSpec.File("/tmp/out"),
                0.5,
                42L,
                new Gaps(Duration.ofSeconds(10), Duration.ofSeconds(2)),
                new Bursts(Duration.ofSeconds(20), Duration.ofSeconds(5), 3.0),
                List.of(new CardinalitySpike(
                        "pod",
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5),
                        10,
                        CardinalitySpike.Strategy.COUNTER,
                        "p-",
                        0L)),
                Duration.ofSeconds(4),
                "grp",
                null,
                null,
                null,
                OnSinkError.FAIL,
                MetricType.COUNTER,
                "help text");

        Entry got = expand(entry).get(0);

        Entry want = new Entry(
                "e.m",
                "m",
                new Signal.Metrics(ONE),
                entry.rate(),
                entry.duration(),
                entry.startTime(),
                entry.labels(),
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
                null,
                null,
                null,
                entry.onSinkError(),
                entry.metricType(),
                entry.help());
        assertThat(got).isEqualTo(want);
    }

    // ---- problems ----

    @Test
    void anUnresolvablePackWrapsTheResolversMessage() {
        List<Entry> out = expand(inline("x", "y"), packEntry("e", "nope"));

        assertThat(out).hasSize(1);
        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[1].pack",
                        "pack 'nope' could not be resolved: pack reference 'nope' not found in resolver"));
    }

    @Test
    void withoutAResolverANamedPackFailsAsWithoutACatalog() {
        PackExpander.expand(List.of(packEntry(null, "node_exporter_cpu")), Defaults.NONE, PackResolver.NONE, problems);

        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[0].pack",
                        "pack 'node_exporter_cpu' could not be resolved: pack \"node_exporter_cpu\" referenced by"
                                + " name but --catalog <dir> not provided"));
    }

    @Test
    void aPackWithoutMetricsIsReportedByItsName() {
        catalog.put("./empty.yaml", pack("hollow", Map.of()));

        List<Entry> out = expand(packEntry(null, "./empty.yaml"));

        assertThat(out).isEmpty();
        assertThat(problems.list())
                .containsExactly(new Problem("scenarios[0].pack", "pack 'hollow' contains no metrics"));
    }

    @Test
    void unknownOverrideKeysAreReportedInSortedOrderListingThePacksMetricNames() {
        catalog.put("p", pack("pk", Map.of(), metric("m"), metric("n"), metric("m")));
        Map<String, PackOverride> overrides = new LinkedHashMap<>();
        overrides.put("zz", new PackOverride(null, null, null, null, null));
        overrides.put("n", new PackOverride(null, Map.of("o", "1"), null, null, null));
        overrides.put("aa", new PackOverride(null, null, null, null, null));

        List<Entry> out = expand(packEntry("e", "p", Map.of(), overrides));

        assertThat(problems.list())
                .containsExactly(
                        new Problem(
                                "scenarios[0].overrides.aa",
                                "override references unknown metric 'aa'; pack 'pk' contains: m, n, m"),
                        new Problem(
                                "scenarios[0].overrides.zz",
                                "override references unknown metric 'zz'; pack 'pk' contains: m, n, m"));
        assertThat(ids(out)).containsExactly("e.m#0", "e.n", "e.m#2");
        assertThat(out.get(1).labels()).containsEntry("o", "1");
    }

    @Test
    void anInlineIdTakingAnAutoIdIsADuplicate() {
        catalog.put("p", pack("p", Map.of(), metric("m")));

        List<Entry> out = expand(inline("p_1", "x"), packEntry(null, "p"));

        assertThat(ids(out)).containsExactly("p_1", "p_1.m");
        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[1].pack",
                        "duplicate entry id 'p_1' after pack expansion: inline entry 'p_1' conflicts with pack entry"
                                + " at index 1 (auto-generated id 'p_1' from pack 'p')"));
    }

    @Test
    void anAutoIdTakenByALaterInlineIdIsADuplicate() {
        catalog.put("p", pack("p", Map.of(), metric("m")));

        expand(packEntry(null, "p"), inline("p_0", "x"));

        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[1].id",
                        "duplicate entry id 'p_0' after pack expansion: pack entry at index 0 (auto-generated id"
                                + " 'p_0' from pack 'p') conflicts with inline entry 'p_0'"));
    }

    @Test
    void aUserPackIdTakingALaterAutoIdIsADuplicate() {
        catalog.put("p", pack("p", Map.of(), metric("m")));

        List<Entry> out = expand(packEntry("p_1", "p"), packEntry(null, "p"));

        assertThat(ids(out))
                .as("the second entry's p_1.m would repeat the first's")
                .containsExactly("p_1.m");
        assertThat(problems.list())
                .extracting(Problem::message)
                .containsExactly("duplicate entry id 'p_1' after pack expansion: pack entry 'p_1' (user-provided id)"
                        + " conflicts with pack entry at index 1 (auto-generated id 'p_1' from pack 'p')");
    }

    @Test
    void twoSubSignalsComposingTheSameIdAreADuplicateAndTheSecondIsLeftOut() {
        catalog.put("p", pack("p", Map.of(), metric("m"), metric("m"), metric("m#1")));

        List<Entry> out = expand(packEntry("e", "p"));

        assertThat(ids(out)).containsExactly("e.m#0", "e.m#1");
        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[0].pack",
                        "duplicate entry id 'e.m#1' after pack expansion: pack sub-signal 'e.m#1' (pack 'p', metric"
                                + " 'm' at index 1) conflicts with pack sub-signal 'e.m#1' (pack 'p', metric 'm#1' at"
                                + " index 2)"));
    }

    @Test
    void twoUserIdsAreLeftToThePlansDuplicateCheck() {
        catalog.put("p", pack("p", Map.of(), metric("m")));

        expand(inline("a", "x"), packEntry("a", "p"), inline("a", "y"));

        assertThat(problems.list()).isEmpty();
    }

    @Test
    void everyIndependentProblemIsReportedAndTheRestStillExpands() {
        catalog.put("empty", pack("hollow", Map.of()));
        catalog.put("p", pack("p", Map.of(), metric("m")));
        Map<String, PackOverride> bad = Map.of("q", new PackOverride(null, null, null, null, null));

        List<Entry> out = expand(
                packEntry("a", "missing"),
                packEntry("b", "empty"),
                packEntry("c", "p", Map.of(), bad),
                packEntry(null, "p"),
                inline("p_3", "x"));

        assertThat(ids(out)).containsExactly("c.m", "p_3.m", "p_3");
        assertThat(problems.list())
                .extracting(Problem::path)
                .containsExactly(
                        "scenarios[0].pack", "scenarios[1].pack", "scenarios[2].overrides.q", "scenarios[4].id");
    }
}
