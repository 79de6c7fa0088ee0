package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.AfterClause;
import dev.sonda.api.Entry;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.WhileClause;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the reference's golden pack cases ({@code corpus/pack_*.yaml}, packs from the {@code
 * packs/} catalog). A valid case's expansion must equal its hand-expanded twin ({@code
 * .twin.yaml}) entry for entry — the twin spells pack sub-signal ids as plain identifiers (the
 * reference's wasm facade has no resolver), so twin ids and the refs naming them are renamed
 * positionally to the expansion's ids, which must in turn be the ids of §5.3 — and must carry the
 * names and labels of {@code expected/*.json}. An invalid case must fail where its oracle says.
 */
class PackGoldenTest {
    private static final String GOLDEN = "golden/conformance";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ids of §5.3 each case's expansion must produce, in order. */
    private static final Map<String, List<String>> IDS = Map.of(
            "pack_anonymous",
            List.of("conf_tiny_0.tiny_up", "conf_tiny_0.tiny_temp"),
            "pack_dotted_after_ref",
            List.of("net.ifOperStatus", "net.ifHCInOctets", "net.ifHCOutOctets", "net.ifInErrors", "alarm"),
            "pack_multiple",
            List.of(
                    "net.ifOperStatus",
                    "net.ifHCInOctets",
                    "net.ifHCOutOctets",
                    "net.ifInErrors",
                    "tiny.tiny_up",
                    "tiny.tiny_temp",
                    "inline"),
            "pack_with_gaps",
            List.of("t.tiny_up", "t.tiny_temp"),
            "pack_ambiguous_dotted_ref",
            List.of(
                    "cpu.node_cpu_seconds_total#0",
                    "cpu.node_cpu_seconds_total#1",
                    "cpu.node_cpu_seconds_total#2",
                    "cpu.node_load1",
                    "f"),
            "pack_unknown_name",
            List.of());

    @TestFactory
    Stream<DynamicTest> everyPackCaseExpandsAsTheReferenceDoes() throws IOException {
        return cases().map(yaml -> DynamicTest.dynamicTest(caseName(yaml), () -> check(yaml)));
    }

    @Test
    void theCorpusHoldsEveryPackCase() throws IOException {
        assertThat(cases().map(PackGoldenTest::caseName)).containsExactlyInAnyOrderElementsOf(IDS.keySet());
    }

    @Test
    void theCatalogFindsTheConformancePacksByTheirNameField() {
        assertThat(catalog().items())
                .extracting(PackTestCatalog.Item::name)
                .containsExactly("conf_node_cpu", "conf_snmp_interface", "conf_tiny");
    }

    @Test
    void anUnknownPackNameReportsTheCatalogsComposableEntries() {
        Problems problems = new Problems();
        PackTestYaml.File file = PackTestYaml.scenario(root().resolve("corpus/pack_unknown_name.yaml"));

        List<Entry> out = PackExpander.expand(PackTestYaml.normalize(file), file.defaults(), catalog(), problems);

        assertThat(out).isEmpty();
        assertThat(problems.list())
                .containsExactly(new Problem(
                        "scenarios[0].pack",
                        "pack 'no_such_pack' could not be resolved: unknown pack \"no_such_pack\" in catalog "
                                + root().resolve("packs")
                                + "; composable entries: conf_node_cpu, conf_snmp_interface, conf_tiny"));
    }

    private static void check(Path yaml) throws IOException {
        String name = caseName(yaml);
        Map<String, String> header = header(yaml);
        assertThat(header).containsEntry("catalog", "packs");
        JsonNode expected =
                JSON.readTree(root().resolve("expected").resolve(name + ".json").toFile());
        JsonNode validity = expected.path("validity");

        PackTestYaml.File file = PackTestYaml.scenario(yaml);
        Problems problems = new Problems();
        List<Entry> out = PackExpander.expand(PackTestYaml.normalize(file), file.defaults(), catalog(), problems);

        assertThat(out).extracting(Entry::id).containsExactlyElementsOf(IDS.get(name));
        if (validity.path("valid").asBoolean()) {
            assertThat(problems.list()).isEmpty();
            checkTwin(root().resolve("corpus").resolve(header.get("twin")), out, expected);
        } else if (validity.path("detail").asText().startsWith("compile_after.rs AmbiguousPackRef")) {
            // Invalid in phase 4, not here: the expansion is clean, and the dotted ref matches no id
            // exactly but several `{ref}#k` ids — what compile_after reports as ambiguous.
            assertThat(problems.list()).isEmpty();
            String ref = out.stream()
                    .filter(e -> e.after() != null)
                    .findFirst()
                    .orElseThrow()
                    .after()
                    .ref();
            assertThat(out).extracting(Entry::id).doesNotContain(ref);
            assertThat(out.stream().map(Entry::id).filter(id -> id.startsWith(ref + "#")))
                    .hasSizeGreaterThan(1);
        } else {
            assertThat(expected.path("result").path("error").asText()).isEqualTo("expand error");
            assertThat(problems.list()).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                    .contains("could not be resolved"));
        }
    }

    private static void checkTwin(Path twinFile, List<Entry> out, JsonNode expected) {
        List<Entry> twin = PackTestYaml.normalize(PackTestYaml.scenario(twinFile));
        assertThat(twin).hasSameSizeAs(out);
        Map<String, String> rename = new HashMap<>();
        for (int i = 0; i < twin.size(); i++) {
            rename.put(twin.get(i).id(), out.get(i).id());
        }
        for (int i = 0; i < twin.size(); i++) {
            assertThat(out.get(i)).as("entry %d", i).isEqualTo(renamed(twin.get(i), rename));
        }
        JsonNode entries = expected.path("result").path("entries");
        assertThat(entries.size()).isEqualTo(out.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode want = entries.get(i);
            Entry got = out.get(i);
            assertThat(got.id()).isEqualTo(rename.get(want.path("id").asText()));
            assertThat(got.name()).isEqualTo(want.path("name").asText());
            Map<String, String> labels = new TreeMap<>();
            want.path("labels")
                    .fields()
                    .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            assertThat(new TreeMap<>(got.labels())).as("labels of %s", got.id()).isEqualTo(labels);
        }
    }

    private static Entry renamed(Entry e, Map<String, String> rename) {
        AfterClause a = e.after();
        if (a != null) {
            a = new AfterClause(rename.getOrDefault(a.ref(), a.ref()), a.op(), a.value(), a.delay());
        }
        WhileClause w = e.whileClause();
        if (w != null) {
            w = new WhileClause(
                    rename.getOrDefault(w.ref(), w.ref()), w.op(), w.value(), w.scenarioName(), w.ifUnresolved());
        }
        return new Entry(
                rename.getOrDefault(e.id(), e.id()),
                e.name(),
                e.signal(),
                e.rate(),
                e.duration(),
                e.startTime(),
                e.labels(),
                e.dynamicLabels(),
                e.encoder(),
                e.sink(),
                e.jitter(),
                e.jitterSeed(),
                e.gaps(),
                e.bursts(),
                e.cardinalitySpikes(),
                e.phaseOffset(),
                e.clockGroup(),
                a,
                w,
                e.delay(),
                e.onSinkError(),
                e.metricType(),
                e.help());
    }

    /** The {@code # conformance: key=value} header lines of a case. */
    private static Map<String, String> header(Path yaml) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(yaml)) {
            if (line.startsWith("# conformance: ")) {
                String body = line.substring("# conformance: ".length());
                int eq = body.indexOf('=');
                if (eq > 0 && !body.substring(0, eq).contains(" ")) {
                    out.put(body.substring(0, eq), body.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static PackTestCatalog catalog() {
        return new PackTestCatalog(root().resolve("packs"));
    }

    private static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("corpus"))) {
            return files
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("pack_") && n.endsWith(".yaml") && !n.endsWith(".twin.yaml");
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static String caseName(Path yaml) {
        String n = yaml.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }

    private static Path root() {
        try {
            return Path.of(
                    PackGoldenTest.class.getClassLoader().getResource(GOLDEN).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
