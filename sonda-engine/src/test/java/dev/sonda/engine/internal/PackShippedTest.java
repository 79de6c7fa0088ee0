package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PackMetric;
import dev.sonda.api.Problems;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packs we ship under {@code examples/packs/}: valid YAML, {@code kind: composable} v2, tagged
 * for the catalog, and exactly the reference's three packs of spec §5.2.
 */
class PackShippedTest {
    private static final Path PACKS = Path.of("../examples/packs");

    private static MetricPack load(String file) {
        return PackTestYaml.pack(PackTestYaml.tree(PACKS.resolve(file)));
    }

    private static GeneratorSpec step(double size) {
        return new GeneratorSpec.Step(0.0, size, null);
    }

    private static GeneratorSpec constant(double value) {
        return new GeneratorSpec.Constant(value);
    }

    @Test
    void everyShippedPackIsAComposableV2FileWithTagsNamedAfterItsFile() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(PACKS)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("node_exporter_cpu.yaml", "node_exporter_memory.yaml", "telegraf_snmp_interface.yaml");
        for (Path file : files) {
            JsonNode root = PackTestYaml.tree(file);
            String stem = file.getFileName().toString().replace(".yaml", "");
            assertThat(root.path("version").asInt()).as("version of %s", file).isEqualTo(2);
            assertThat(root.path("kind").asText()).as("kind of %s", file).isEqualTo("composable");
            assertThat(root.path("name").asText()).as("name of %s", file).isEqualTo(stem);
            assertThat(root.has("scenarios")).as("scenarios in %s", file).isFalse();
            assertThat(root.path("tags").isArray() && root.path("tags").size() > 0)
                    .as("tags of %s", file)
                    .isTrue();
            assertThat(root.path("description").asText()).isNotEmpty();
            assertThat(root.path("category").asText()).isNotEmpty();
        }
    }

    @Test
    void theCatalogFindsTheShippedPacksByName() {
        assertThat(new PackTestCatalog(PACKS).items())
                .extracting(PackTestCatalog.Item::name)
                .containsExactly("node_exporter_cpu", "node_exporter_memory", "telegraf_snmp_interface");
    }

    @Test
    void telegrafSnmpInterfaceCarriesTheReferencesFiveInterfaceMetrics() {
        MetricPack p = load("telegraf_snmp_interface.yaml");

        assertThat(p.name()).isEqualTo("telegraf_snmp_interface");
        assertThat(p.description()).isEqualTo("Standard SNMP interface metrics (Telegraf-normalized)");
        assertThat(p.category()).isEqualTo("network");
        assertThat(p.sharedLabels())
                .isEqualTo(Map.of("device", "", "ifName", "", "ifAlias", "", "ifIndex", "", "job", "snmp"));
        assertThat(p.metrics())
                .containsExactly(
                        new PackMetric("ifOperStatus", Map.of(), constant(1.0)),
                        new PackMetric("ifHCInOctets", Map.of(), step(125000.0)),
                        new PackMetric("ifHCOutOctets", Map.of(), step(62500.0)),
                        new PackMetric("ifInErrors", Map.of(), constant(0.0)),
                        new PackMetric("ifOutErrors", Map.of(), constant(0.0)));
    }

    @Test
    void nodeExporterCpuCarriesEightModeCountersOfOneMetricName() {
        MetricPack p = load("node_exporter_cpu.yaml");

        assertThat(p.name()).isEqualTo("node_exporter_cpu");
        assertThat(p.description()).isEqualTo("Per-CPU mode counters (node_exporter-compatible)");
        assertThat(p.category()).isEqualTo("infrastructure");
        assertThat(p.sharedLabels()).isEqualTo(Map.of("instance", "", "job", "node_exporter", "cpu", "0"));
        String n = "node_cpu_seconds_total";
        assertThat(p.metrics())
                .containsExactly(
                        new PackMetric(n, Map.of("mode", "user"), step(0.25)),
                        new PackMetric(n, Map.of("mode", "system"), step(0.10)),
                        new PackMetric(n, Map.of("mode", "idle"), step(0.55)),
                        new PackMetric(n, Map.of("mode", "iowait"), step(0.03)),
                        new PackMetric(n, Map.of("mode", "irq"), step(0.01)),
                        new PackMetric(n, Map.of("mode", "softirq"), step(0.02)),
                        new PackMetric(n, Map.of("mode", "nice"), step(0.01)),
                        new PackMetric(n, Map.of("mode", "steal"), step(0.03)));
    }

    @Test
    void nodeExporterMemoryCarriesFiveMemoryGauges() {
        MetricPack p = load("node_exporter_memory.yaml");

        assertThat(p.name()).isEqualTo("node_exporter_memory");
        assertThat(p.description()).isEqualTo("Memory gauge metrics (node_exporter-compatible)");
        assertThat(p.category()).isEqualTo("infrastructure");
        assertThat(p.sharedLabels()).isEqualTo(Map.of("instance", "", "job", "node_exporter"));
        assertThat(p.metrics())
                .containsExactly(
                        new PackMetric("node_memory_MemTotal_bytes", Map.of(), constant(17179869184.0)),
                        new PackMetric("node_memory_MemFree_bytes", Map.of(), constant(2147483648.0)),
                        new PackMetric("node_memory_MemAvailable_bytes", Map.of(), constant(8589934592.0)),
                        new PackMetric("node_memory_Buffers_bytes", Map.of(), constant(536870912.0)),
                        new PackMetric("node_memory_Cached_bytes", Map.of(), constant(5368709120.0)));
    }

    @Test
    void theShippedPacksExpandToTheIdsOfTheReferencesExamples() {
        List<Entry> entries = List.of(
                packEntry(null, "telegraf_snmp_interface"),
                packEntry("node", "node_exporter_cpu"),
                packEntry(null, "node_exporter_memory"));
        Problems problems = new Problems();

        List<Entry> out = PackExpander.expand(entries, Defaults.NONE, new PackTestCatalog(PACKS), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(out)
                .extracting(Entry::id)
                .containsExactly(
                        "telegraf_snmp_interface_0.ifOperStatus",
                        "telegraf_snmp_interface_0.ifHCInOctets",
                        "telegraf_snmp_interface_0.ifHCOutOctets",
                        "telegraf_snmp_interface_0.ifInErrors",
                        "telegraf_snmp_interface_0.ifOutErrors",
                        "node.node_cpu_seconds_total#0",
                        "node.node_cpu_seconds_total#1",
                        "node.node_cpu_seconds_total#2",
                        "node.node_cpu_seconds_total#3",
                        "node.node_cpu_seconds_total#4",
                        "node.node_cpu_seconds_total#5",
                        "node.node_cpu_seconds_total#6",
                        "node.node_cpu_seconds_total#7",
                        "node_exporter_memory_2.node_memory_MemTotal_bytes",
                        "node_exporter_memory_2.node_memory_MemFree_bytes",
                        "node_exporter_memory_2.node_memory_MemAvailable_bytes",
                        "node_exporter_memory_2.node_memory_Buffers_bytes",
                        "node_exporter_memory_2.node_memory_Cached_bytes");
        assertThat(out.get(12).labels())
                .isEqualTo(Map.of("instance", "", "job", "node_exporter", "cpu", "0", "mode", "steal"));
    }

    private static Entry packEntry(String id, String pack) {
        return new Entry(
                id,
                null,
                new Signal.Pack(pack, Map.of()),
                1.0,
                null,
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
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
