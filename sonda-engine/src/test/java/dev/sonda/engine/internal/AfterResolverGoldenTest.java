package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.Problems;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the reference's golden vectors for {@code after:} ({@code after_*}, {@code inv_after_*},
 * {@code inv_while_mixed_cycle}): valid cases must resolve without problems to the expected {@code
 * offset_secs} of every emitted entry; {@code compile_after error} cases must produce a problem;
 * parse/normalize-phase cases are checked against the phase that owns them.
 */
class AfterResolverGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyAfterCaseMatchesTheReference() throws IOException {
        return cases().map(yaml -> DynamicTest.dynamicTest(caseName(yaml), () -> check(yaml)));
    }

    @Test
    void theCorpusHoldsEveryAfterCase() throws IOException {
        assertThat(cases().map(AfterResolverGoldenTest::caseName))
                .contains(
                        "after_cross_signal_type",
                        "after_fractional_crossing",
                        "after_nan_threshold",
                        "after_sequence_target",
                        "after_transitive_chain",
                        "after_while_with_delay",
                        "inv_after_ambiguous_t0",
                        "inv_after_bad_op",
                        "inv_after_cycle",
                        "inv_after_descending_sawtooth",
                        "inv_after_out_of_range",
                        "inv_after_uniform_target",
                        "inv_after_without_duration",
                        "inv_while_mixed_cycle");
    }

    private static void check(Path yaml) throws IOException {
        JsonNode expected = JSON.readTree(
                root().resolve("expected").resolve(caseName(yaml) + ".json").toFile());
        JsonNode validity = expected.path("validity");
        String detail = validity.path("detail").asText();
        if (validity.path("valid").isBoolean() && !validity.path("valid").asBoolean()) {
            switch (detail) {
                case "parse error" -> assertThatThrownBy(() -> AfterTestEntries.read(yaml))
                        .isInstanceOf(IllegalArgumentException.class);
                case "normalize error" -> {
                    // Owned by Entry.validate (duration check), not by compile_after.
                    AfterTestEntries.Case c = AfterTestEntries.read(yaml);
                    assertThat(AfterTestEntries.resolve(c.scenarioName(), c.entries())
                                    .problems())
                            .isEmpty();
                    Problems p = new Problems();
                    for (int i = 0; i < c.entries().size(); i++) {
                        c.entries().get(i).validate("scenarios[" + i + "]", i, Defaults.NONE, p);
                    }
                    assertThat(p.list()).isNotEmpty();
                }
                case "compile_after error" -> {
                    AfterTestEntries.Case c = AfterTestEntries.read(yaml);
                    assertThat(AfterTestEntries.resolve(c.scenarioName(), c.entries())
                                    .problems())
                            .isNotEmpty();
                }
                default -> throw new AssertionError("unexpected detail " + detail);
            }
            return;
        }
        AfterTestEntries.Case c = AfterTestEntries.read(yaml);
        AfterTestEntries.Outcome out = AfterTestEntries.resolve(c.scenarioName(), c.entries());
        assertThat(out.problems()).isEmpty();
        Map<String, Duration> byId = new HashMap<>();
        for (int i = 0; i < c.entries().size(); i++) {
            Entry e = c.entries().get(i);
            byId.put(e.id(), out.offset(i));
        }
        List<String> checked = new ArrayList<>();
        JsonNode result = expected.path("result");
        for (String kind : List.of("entries", "histograms", "summaries", "logs")) {
            for (JsonNode e : result.path(kind)) {
                String id = e.path("id").asText();
                double secs = e.path("offset_secs").asDouble();
                assertThat(byId.get(id)).as(id).isEqualTo(Duration.ofMillis(Math.round(secs * 1000)));
                checked.add(id);
            }
        }
        // Entries the reference did not emit (gated or skipped) must still resolve: no after → zero.
        for (int i = 0; i < c.entries().size(); i++) {
            Entry e = c.entries().get(i);
            if (!checked.contains(e.id()) && e.after() == null && e.phaseOffset() == null) {
                assertThat(out.offset(i)).isEqualTo(Duration.ZERO);
            }
        }
    }

    private static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("corpus"))) {
            return files
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.startsWith("after_")
                                        || n.startsWith("inv_after_")
                                        || n.equals("inv_while_mixed_cycle.yaml"))
                                && n.endsWith(".yaml");
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path root() {
        try {
            return Path.of(AfterResolverGoldenTest.class
                    .getClassLoader()
                    .getResource("golden/conformance")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseName(Path yaml) {
        String n = yaml.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }
}
