package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sonda.api.generator.GeneratorSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the reference's golden vectors: every {@code gen_*} and {@code enc_*} case's entry values
 * ({@code expected/*.json}, {@code result.entries[i].values[k]}) must equal {@code value(k)} of the
 * generator built from the scenario file ({@code corpus/*.yaml}) — bit for bit, except that sine
 * and steady accept a relative error of 1e-12 (the reference calls the platform libm's {@code sin};
 * with {@code StrictMath.sin} every current vector matches bit for bit).
 */
class GoldenGeneratorTest {
    private static final String GOLDEN = "golden/conformance";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyGeneratorAndEncoderCaseMatchesTheReference() throws IOException {
        return cases().map(yaml -> DynamicTest.dynamicTest(caseName(yaml), () -> check(yaml)));
    }

    @Test
    void theCorpusHoldsEveryExpectedCase() throws IOException {
        List<String> names = cases().map(GoldenGeneratorTest::caseName).toList();
        assertThat(names)
                .hasSizeGreaterThanOrEqualTo(29)
                .contains("gen_sine_basic", "gen_steady_no_noise", "enc_json_numbers");
    }

    private static Stream<Path> cases() throws IOException {
        Path corpus = root().resolve("corpus");
        try (Stream<Path> files = Files.list(corpus)) {
            return files
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.startsWith("gen_") || n.startsWith("enc_")) && n.endsWith(".yaml");
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path root() {
        try {
            return Path.of(GoldenGeneratorTest.class
                    .getClassLoader()
                    .getResource(GOLDEN)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseName(Path yaml) {
        String n = yaml.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }

    private static void check(Path yamlFile) throws IOException {
        JsonNode scenario = YAML.readTree(yamlFile.toFile());
        JsonNode expected = JSON.readTree(
                root().resolve("expected").resolve(caseName(yamlFile) + ".json").toFile());
        JsonNode defaults = scenario.path("defaults");
        JsonNode entries = expected.path("result").path("entries");
        assertThat(expected.path("result").path("ok").asBoolean()).isTrue();
        assertThat(entries.size()).isPositive();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (JsonNode want : entries) {
            String id = want.path("id").asText();
            int index = indexOf(scenario.path("scenarios"), id);
            JsonNode entry = scenario.path("scenarios").get(index);
            double rate = num(entry.has("rate") ? entry.get("rate") : defaults.get("rate"));
            JsonNode durationNode = entry.has("duration") ? entry.get("duration") : defaults.get("duration");
            Duration duration = durationNode == null ? null : duration(durationNode.asText());
            Double jitter = entry.has("jitter") ? num(entry.get("jitter")) : null;
            Long jitterSeed = entry.has("jitter_seed") ? u64(entry.get("jitter_seed")) : null;
            JsonNode generator = entry.get("generator");
            String type = generator.get("type").asText();
            ValueGenerator g = Generators.create(
                    spec(generator), rate, jitter, jitterSeed, duration, "scenarios[" + index + "].generator");
            boolean usesSin = type.equals("sine") || type.equals("steady");
            JsonNode values = want.path("values");
            assertThat(values.size()).as("values of entry %s", id).isPositive();
            for (int k = 0; k < values.size(); k++) {
                double expect =
                        values.get(k).isNull() ? Double.NaN : values.get(k).doubleValue();
                double actual = g.value(k);
                compared++;
                boolean same = Double.doubleToLongBits(expect) == Double.doubleToLongBits(actual)
                        || (usesSin && Math.abs(actual - expect) <= 1e-12 * Math.abs(expect));
                if (!same) {
                    mismatches.add(String.format(
                            Locale.ROOT,
                            "entry %s tick %d: expected %s, got %s",
                            id,
                            k,
                            Double.toString(expect),
                            Double.toString(actual)));
                }
            }
        }
        assertThat(mismatches).as("%d values compared", compared).isEmpty();
    }

    private static int indexOf(JsonNode scenarios, String id) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no scenario entry with id " + id);
    }

    /** Maps a YAML generator block to its spec, with the reference's defaults. */
    static GeneratorSpec spec(JsonNode g) {
        String type = g.get("type").asText();
        switch (type) {
            case "constant":
                return new GeneratorSpec.Constant(num(g.get("value")));
            case "sine":
                return new GeneratorSpec.Sine(num(g.get("amplitude")), num(g.get("period_secs")), num(g.get("offset")));
            case "sawtooth":
                return new GeneratorSpec.Sawtooth(num(g.get("min")), num(g.get("max")), num(g.get("period_secs")));
            case "uniform":
                return new GeneratorSpec.Uniform(
                        num(g.get("min")), num(g.get("max")), g.has("seed") ? u64(g.get("seed")) : 0L);
            case "sequence": {
                List<Double> values = new ArrayList<>();
                g.get("values").forEach(v -> values.add(num(v)));
                return new GeneratorSpec.Sequence(
                        values, !g.has("repeat") || g.get("repeat").asBoolean());
            }
            case "step":
                return new GeneratorSpec.Step(
                        g.has("start") ? num(g.get("start")) : 0.0,
                        num(g.get("step_size")),
                        g.has("max") ? num(g.get("max")) : null);
            case "spike":
                return new GeneratorSpec.Spike(
                        num(g.get("baseline")),
                        num(g.get("magnitude")),
                        num(g.get("duration_secs")),
                        num(g.get("interval_secs")));
            case "steady":
                return new GeneratorSpec.Steady(
                        numOr(g, "center", 50.0),
                        numOr(g, "amplitude", 10.0),
                        durationOr(g, "period", "60s"),
                        numOr(g, "noise", 1.0),
                        g.has("noise_seed") ? u64(g.get("noise_seed")) : null);
            case "flap":
                return new GeneratorSpec.Flap(
                        durationOr(g, "up_duration", "10s"),
                        durationOr(g, "down_duration", "5s"),
                        g.has("up_value") ? num(g.get("up_value")) : null,
                        g.has("down_value") ? num(g.get("down_value")) : null,
                        g.has("enum") ? flapEnum(g.get("enum").asText()) : null);
            case "saturation":
                return new GeneratorSpec.Saturation(
                        numOr(g, "baseline", 0.0), numOr(g, "ceiling", 100.0), durationOr(g, "time_to_saturate", "5m"));
            case "leak":
                return new GeneratorSpec.Leak(
                        numOr(g, "baseline", 0.0), numOr(g, "ceiling", 100.0), durationOr(g, "time_to_ceiling", "10m"));
            case "degradation":
                return new GeneratorSpec.Degradation(
                        numOr(g, "baseline", 0.0),
                        numOr(g, "ceiling", 100.0),
                        durationOr(g, "time_to_degrade", "5m"),
                        numOr(g, "noise", 1.0),
                        g.has("noise_seed") ? u64(g.get("noise_seed")) : null);
            case "spike_event":
                return new GeneratorSpec.SpikeEvent(
                        numOr(g, "baseline", 0.0),
                        numOr(g, "spike_height", 100.0),
                        durationOr(g, "spike_duration", "10s"),
                        durationOr(g, "spike_interval", "30s"));
            default:
                throw new AssertionError("generator type not mapped by this test: " + type);
        }
    }

    private static GeneratorSpec.FlapEnum flapEnum(String name) {
        for (GeneratorSpec.FlapEnum e : GeneratorSpec.FlapEnum.values()) {
            if (e.yamlName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("unknown flap enum " + name);
    }

    private static double numOr(JsonNode g, String key, double fallback) {
        return g.has(key) ? num(g.get(key)) : fallback;
    }

    private static Duration durationOr(JsonNode g, String key, String fallback) {
        return duration(g.has(key) ? g.get(key).asText() : fallback);
    }

    /** A YAML number; YAML 1.1 resolves {@code 1.0e20} (no exponent sign) as a string. */
    private static double num(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    private static long u64(JsonNode n) {
        return n.bigIntegerValue().longValue();
    }

    /** The reference's duration parsing: value × unit in ms, truncated to whole microseconds. */
    static Duration duration(String text) {
        double unitMs;
        String num;
        if (text.endsWith("ms")) {
            unitMs = 1;
            num = text.substring(0, text.length() - 2);
        } else {
            char unit = text.charAt(text.length() - 1);
            unitMs = unit == 'h' ? 3_600_000 : unit == 'm' ? 60_000 : unit == 's' ? 1_000 : Double.NaN;
            num = text.substring(0, text.length() - 1);
        }
        long micros = (long) (new BigDecimal(num).doubleValue() * unitMs * 1000.0);
        return Duration.ofSeconds(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}
