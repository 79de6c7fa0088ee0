package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.SplitMix64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateLogGeneratorTest {
    private static final LogTemplate REQUEST = new LogTemplate(
            "Request from {ip} to {endpoint}",
            Map.of("ip", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), "endpoint", List.of("/api", "/health")));

    private static Map<Severity, Double> weights() {
        Map<Severity, Double> w = new LinkedHashMap<>();
        w.put(Severity.ERROR, 0.1);
        w.put(Severity.INFO, 0.7);
        w.put(Severity.WARN, 0.2);
        return w;
    }

    private static TemplateLogGenerator generator(long seed, Map<Severity, Double> weights, LogTemplate... templates) {
        return new TemplateLogGenerator(new LogGeneratorSpec.Template(List.of(templates), weights, seed));
    }

    @Test
    void theSpecAnchorTableOfSeed42IsReproducedTickByTick() {
        TemplateLogGenerator g = generator(42, weights(), REQUEST);
        String[][] expected = {
            {"info", "10.0.0.2", "/health"},
            {"error", "10.0.0.3", "/api"},
            {"error", "10.0.0.3", "/health"},
            {"info", "10.0.0.3", "/api"},
            {"info", "10.0.0.2", "/health"},
            {"info", "10.0.0.1", "/health"},
        };
        for (int t = 0; t < expected.length; t++) {
            LogEvent e = g.generate(t);
            assertThat(e.severity().yamlName()).as("tick %d", t).isEqualTo(expected[t][0]);
            assertThat(e.fields().toMap())
                    .as("tick %d", t)
                    .containsExactly(Map.entry("endpoint", expected[t][2]), Map.entry("ip", expected[t][1]));
            assertThat(e.message()).isEqualTo("Request from " + expected[t][1] + " to " + expected[t][2]);
        }
    }

    @Test
    void hashForMatchesTheSpecAnchorsAndUnitOfTheSeverityHash() {
        assertThat(TemplateLogGenerator.hashFor(42, 0, "severity")).isEqualTo(6987147493800384111L);
        assertThat(SplitMix64.unit(TemplateLogGenerator.hashFor(42, 0, "severity")))
                .isEqualTo(0.3787740246127512);
        assertThat(TemplateLogGenerator.hashFor(42, 0, "ip")).isEqualTo(4199416740735026110L);
    }

    @Test
    void theGeneratedEventHasNoTimestampAndNoLabelsUntilStamped() {
        LogEvent e = generator(42, weights(), REQUEST).generate(0);
        assertThat(e.epochNanos()).isZero();
        assertThat(e.labels()).isEqualTo(Labels.empty());
        Labels l = Labels.of(Map.of("job", "x"));
        LogEvent stamped = generator(42, weights(), REQUEST).generate(0, 123L, l);
        assertThat(stamped.epochNanos()).isEqualTo(123L);
        assertThat(stamped.labels()).isSameAs(l);
        assertThat(stamped.message()).isEqualTo(e.message());
    }

    @Test
    void templatesAreUsedRoundRobinByTick() {
        TemplateLogGenerator g = generator(0, Map.of(), new LogTemplate("A", Map.of()), new LogTemplate("B", Map.of()));
        assertThat(List.of(
                        g.generate(0).message(),
                        g.generate(1).message(),
                        g.generate(2).message()))
                .containsExactly("A", "B", "A");
    }

    @Test
    void theTickIsAnUnsignedCounterForTemplateSelection() {
        TemplateLogGenerator g = generator(
                0,
                Map.of(),
                new LogTemplate("A", Map.of()),
                new LogTemplate("B", Map.of()),
                new LogTemplate("C", Map.of()));
        // u64::MAX % 3 == 0
        assertThat(g.generate(-1L).message()).isEqualTo("A");
        // 2^63 % 3 == 2
        assertThat(g.generate(Long.MIN_VALUE).message()).isEqualTo("C");
    }

    @Test
    void wasm32IndexingUsesTheLow32BitsOfTheTickAndOfThePoolHash() {
        LogGeneratorSpec.Template spec = new LogGeneratorSpec.Template(
                List.of(new LogTemplate("A", Map.of()), new LogTemplate("B", Map.of()), new LogTemplate("C", Map.of())),
                Map.of(),
                0L);
        TemplateLogGenerator wasm = new TemplateLogGenerator(spec, TemplateLogGenerator.Indexing.WASM32);
        // (u64::MAX as u32) % 3 == 0xFFFFFFFF % 3 == 0; 2^32 as u32 == 0
        assertThat(wasm.generate(-1L).message()).isEqualTo("A");
        assertThat(wasm.generate(1L << 32).message()).isEqualTo("A");
        assertThat(new TemplateLogGenerator(spec).generate(1L << 32).message()).isEqualTo("B");

        TemplateLogGenerator pools = new TemplateLogGenerator(
                new LogGeneratorSpec.Template(List.of(REQUEST), weights(), 7L), TemplateLogGenerator.Indexing.WASM32);
        // The conformance suite (sonda-wasm), seed 7, tick 0.
        assertThat(pools.generate(0).message()).isEqualTo("Request from 10.0.0.2 to /api");
    }

    @Test
    void withoutWeightsEverySeverityIsInfo() {
        TemplateLogGenerator g = generator(3, Map.of(), REQUEST);
        for (int t = 0; t < 200; t++) {
            assertThat(g.generate(t).severity()).isEqualTo(Severity.INFO);
        }
    }

    @Test
    void theWeightMapOrderDoesNotMatterBecauseWeightsAreSortedByRank() {
        Map<Severity, Double> reversed = new EnumMap<>(Severity.class);
        reversed.putAll(weights());
        TemplateLogGenerator a = generator(9, weights(), REQUEST);
        TemplateLogGenerator b = generator(9, reversed, REQUEST);
        for (int t = 0; t < 100; t++) {
            assertThat(a.generate(t)).isEqualTo(b.generate(t));
        }
    }

    @Test
    void zeroWeightsFallBackToTheLastSeverityByRank() {
        Map<Severity, Double> w = new EnumMap<>(Severity.class);
        w.put(Severity.DEBUG, 0.0);
        w.put(Severity.FATAL, 0.0);
        assertThat(generator(1, w, REQUEST).generate(5).severity()).isEqualTo(Severity.FATAL);
    }

    @Test
    void everyPoolBecomesAFieldEvenWhenTheMessageDoesNotReferenceIt() {
        LogEvent e = generator(0, Map.of(), new LogTemplate("static text", Map.of("user", List.of("bob"))))
                .generate(0);
        assertThat(e.message()).isEqualTo("static text");
        assertThat(e.fields().toMap()).containsExactly(Map.entry("user", "bob"));
    }

    @Test
    void anEmptyPoolGivesAnEmptyValue() {
        LogEvent e = generator(0, Map.of(), new LogTemplate("[{x}]", Map.of("x", List.of())))
                .generate(4);
        assertThat(e.message()).isEqualTo("[]");
        assertThat(e.fields().toMap()).containsExactly(Map.entry("x", ""));
    }

    @Test
    void placeholdersAreScannedLeftToRightWithTheReferenceRules() {
        Map<String, List<String>> pools = Map.of("a", List.of("A"), "a{b", List.of("AB"), "b", List.of("B"));
        assertThat(generator(0, Map.of(), new LogTemplate("{a{b} {a} {b}{a}", pools))
                        .generate(0)
                        .message())
                .isEqualTo("AB A BA");
        assertThat(generator(0, Map.of(), new LogTemplate("{unknown} {a}", pools))
                        .generate(0)
                        .message())
                .isEqualTo("{unknown} A");
        assertThat(generator(0, Map.of(), new LogTemplate("{a} { no close", pools))
                        .generate(0)
                        .message())
                .isEqualTo("A { no close");
        assertThat(generator(0, Map.of(), new LogTemplate("}{a}{", pools))
                        .generate(0)
                        .message())
                .isEqualTo("}A{");
        assertThat(generator(0, Map.of(), new LogTemplate("{}", pools))
                        .generate(0)
                        .message())
                .isEqualTo("{}");
        assertThat(generator(0, Map.of(), new LogTemplate("{{a}}", pools))
                        .generate(0)
                        .message())
                .isEqualTo("{{a}}");
    }

    @Test
    void aRepeatedPlaceholderUsesTheSameValue() {
        LogEvent e = generator(11, Map.of(), new LogTemplate("{ip}-{ip}", Map.of("ip", List.of("x", "y", "z"))))
                .generate(3);
        String ip = e.fields().get("ip");
        assertThat(e.message()).isEqualTo(ip + "-" + ip);
    }

    @Test
    void withoutTemplatesEveryTickIsAnEmptyInfoEvent() {
        TemplateLogGenerator g = new TemplateLogGenerator(new LogGeneratorSpec.Template(List.of(), weights(), 1L));
        LogEvent e = g.generate(7, 5L, Labels.empty());
        assertThat(e.severity()).isEqualTo(Severity.INFO);
        assertThat(e.message()).isEmpty();
        assertThat(e.fields().isEmpty()).isTrue();
        assertThat(e.epochNanos()).isEqualTo(5L);
    }

    @Test
    void fieldNamesAreSortedByCodePointNotByUtf16() {
        // U+1F600 (surrogates D83D DE00) sorts after U+FB01 by code point, before it in UTF-16.
        Map<String, List<String>> pools = Map.of("\uFB01", List.of("ligature"), "\uD83D\uDE00", List.of("emoji"));
        LogEvent e = generator(0, Map.of(), new LogTemplate("m", pools)).generate(0);
        assertThat(e.fields().key(0)).isEqualTo("\uFB01");
        assertThat(e.fields().key(1)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void theReusableRecordCarriesTheSameEventAndAKnownCombinationIsNotBuiltAgain() {
        TemplateLogGenerator g = generator(7, weights(), REQUEST);
        dev.sonda.engine.encode.Labels labels = dev.sonda.engine.encode.Labels.of(Map.of("host", "a"));
        MutableLogRecord scratch = new MutableLogRecord();
        java.util.Map<String, String> firstMessage = new java.util.HashMap<>();
        for (long tick = 0; tick < 2_000; tick++) {
            LogEvent expected = g.generate(tick, 1_000L * tick, labels);
            MutableLogRecord r = g.generate(tick, 1_000L * tick, labels, scratch);
            assertThat(r).isSameAs(scratch);
            assertThat(LogEvent.copyOf(r)).isEqualTo(expected);
            String seen = firstMessage.putIfAbsent(r.message(), r.message());
            if (seen != null) {
                assertThat(r.message())
                        .as("tick %d reuses the built message", tick)
                        .isSameAs(seen);
            }
        }
    }
}
