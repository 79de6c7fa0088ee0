package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path catalog;

    @BeforeEach
    void setUp() throws IOException {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Files.copy(Path.of("../examples/link-failover.yaml"), catalog.resolve("link_failover.yaml"));
        Files.copy(Path.of("../examples/hello.yaml"), catalog.resolve("hello_world.yaml"));
        Files.copy(
                Path.of("../examples/packs/telegraf_snmp_interface.yaml"),
                catalog.resolve("telegraf_snmp_interface.yaml"));
        Files.writeString(catalog.resolve("notes.txt"), "not a scenario");
        Files.writeString(
                catalog.resolve("edge.yaml"),
                "version: 2\nkind: runnable\nscenario_name: edge-router\ntags: [network, snmp]\n"
                        + "description: one router\ndefaults: { rate: 1, duration: 3s }\n"
                        + "scenarios:\n  - id: r\n    signal_type: metrics\n    pack: telegraf_snmp_interface\n"
                        + "    labels: { device: rtr-1 }\n");
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listPrintsEveryEntrySortedByNameWithKindTagsAndDescription() {
        assertThat(Main.execute("--catalog", catalog.toString(), "list")).isZero();

        assertThat(stdout().lines())
                .containsExactly(
                        "KIND\tNAME\tTAGS\tDESCRIPTION",
                        "runnable\tedge-router\tnetwork,snmp\tone router",
                        "runnable\thello-world\t\t",
                        "runnable\tlink-failover\tnetwork\tEdge router link failure with traffic shift to backup",
                        "composable\ttelegraf_snmp_interface\tnetwork,snmp,telegraf,interface\t"
                                + "Standard SNMP interface metrics (Telegraf-normalized)",
                        "runnable\tcascade\tincident-library,incident\ta bad deploy's failures spread up the graph"
                                + " and open circuit breakers",
                        "runnable\tdegradation\tincident-library,incident\tlatency climbing in one service until"
                                + " its callers time out",
                        "runnable\tdeployment\tincident-library,incident\ta deployment fails its health checks and"
                                + " is rolled back",
                        "runnable\thigh-volume\tincident-library,noise\tten times the traffic, no errors",
                        "runnable\tintermittent\tincident-library,noise\tscattered errors in 15% of requests",
                        "runnable\tnormal\tincident-library,baseline\tsteady traffic, rare errors, routine events",
                        "runnable\toutage\tincident-library,incident\tthe database refuses connections",
                        "runnable\ttransient\tincident-library,noise\tbrief isolated latency spikes");
    }

    @Test
    void listFiltersByKindAndTag() {
        assertThat(Main.execute("list", "--catalog", catalog.toString(), "--kind", "composable"))
                .isZero();
        assertThat(stdout().lines()).hasSize(2).last().asString().startsWith("composable\ttelegraf_snmp_interface");
    }

    @Test
    void showPrintsTheFileUnchanged() throws IOException {
        assertThat(Main.execute("--catalog", catalog.toString(), "show", "@link-failover"))
                .isZero();
        assertThat(stdout()).isEqualTo(Files.readString(catalog.resolve("link_failover.yaml")));
    }

    @Test
    void runResolvesAtNamesAndPackNamesInTheCatalog() {
        int code = Main.execute(
                "--catalog", catalog.toString(), "run", "@edge-router", "--clock", "simulated", "--start", "0", "-q");

        assertThat(code).isZero();
        assertThat(stdout().lines())
                .hasSize(15)
                .contains(
                        "ifOperStatus{device=\"rtr-1\",ifAlias=\"\",ifIndex=\"\",ifName=\"\",job=\"snmp\"} 1 0",
                        "ifHCInOctets{device=\"rtr-1\",ifAlias=\"\",ifIndex=\"\",ifName=\"\",job=\"snmp\"} 250000 2000");
    }

    @Test
    void unknownNamesListWhatIsAvailable() {
        assertThat(Main.execute("--catalog", catalog.toString(), "show", "nope"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown catalog entry \"nope\" in " + catalog
                        + "; available: edge-router, hello-world, link-failover, telegraf_snmp_interface");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("; built in: cascade, degradation, deployment,");
        assertThat(Main.execute("run", "@x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown catalog entry \"x\"; built in: cascade, degradation, deployment, high-volume,"
                        + " intermittent, normal, outage, transient (your own scenarios: --catalog <dir>)");
    }

    @Test
    void newWritesAStarterFileThatRuns() throws IOException {
        Path file = catalog.resolve("sub-new.yaml");
        assertThat(Main.execute("new", "--template", "cascade", "-o", file.toString()))
                .isZero();
        assertThat(Main.execute("run", file.toString(), "--dry-run", "-q")).isZero();
        assertThat(Main.execute("new", "--template", "nope")).isEqualTo(2);
    }

    @Test
    void aStarterFileListsTheTypesOfTheRegistryAfterItsLeadingComment() throws IOException {
        Path file = catalog.resolve("starter.yaml");
        assertThat(Main.execute("new", "-o", file.toString())).isZero();

        List<String> lines = Files.readAllLines(file);
        int header = lines.indexOf("# Types this sonda knows (docs/reference.md describes each):");
        assertThat(header).as("after the template's own comment").isPositive();
        assertThat(lines.subList(0, header)).allMatch(l -> l.startsWith("#"));
        assertThat(lines.subList(header + 1, header + 5))
                .containsExactly(
                        "#   generator: constant, csv_replay, degradation, flap, leak, saturation, sawtooth, sequence,"
                                + " sine, spike, spike_event, steady, step, uniform",
                        "#   log_generator: csv_replay, replay, template",
                        "#   encoder: "
                                + String.join(
                                        ", ",
                                        dev.sonda.api.spi.SpecRegistry.defaults()
                                                .types(dev.sonda.api.spi.SpecKind.ENCODER)),
                        "#   sink: "
                                + String.join(
                                        ", ",
                                        dev.sonda.api.spi.SpecRegistry.defaults()
                                                .types(dev.sonda.api.spi.SpecKind.SINK)));
        assertThat(Main.execute("run", file.toString(), "--dry-run", "-q")).isZero();
    }
}
