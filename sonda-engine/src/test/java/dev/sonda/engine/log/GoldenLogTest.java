package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every {@code log_*} case of the conformance golden vectors: the severity and message of
 * every tick the reference recorded, and the first five encoded events byte for byte.
 */
class GoldenLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long START_MS = 1_777_000_000_000L;

    /** One logs entry of one golden case. */
    record Entry(String caseName, JsonNode scenario, JsonNode defaults, JsonNode expected) {
        @Override
        public String toString() {
            return caseName + "/" + expected.get("id").asText();
        }
    }

    static Stream<Entry> entries() throws IOException, URISyntaxException {
        URL url = GoldenLogTest.class.getResource("/golden/conformance");
        assertThat(url).isNotNull();
        Path dir = Path.of(url.toURI());
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
            for (Path json : files.filter(p -> p.getFileName().toString().matches("log_.*\\.json"))
                    .sorted()
                    .toList()) {
                String caseName = json.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode expected = JSON.readTree(json.toFile());
                assertThat(expected.path("result").path("ok").asBoolean())
                        .as(caseName)
                        .isTrue();
                JsonNode yaml = YAML.readTree(
                        dir.resolve("corpus").resolve(caseName + ".yaml").toFile());
                for (JsonNode e : expected.path("result").path("logs")) {
                    out.add(new Entry(caseName, scenario(yaml, e.get("id").asText()), yaml.path("defaults"), e));
                }
            }
        }
        assertThat(out).as("golden log entries").hasSizeGreaterThanOrEqualTo(7);
        return out.stream();
    }

    private static JsonNode scenario(JsonNode yaml, String id) {
        for (JsonNode s : yaml.path("scenarios")) {
            if (id.equals(s.path("id").asText())) {
                return s;
            }
        }
        throw new AssertionError("no scenario with id " + id);
    }

    /** Test-only mapper of a {@code log_generator: {type: template}} block. */
    static LogGeneratorSpec.Template template(JsonNode block) {
        assertThat(block.path("type").asText()).isEqualTo("template");
        List<LogGeneratorSpec.LogTemplate> templates = new ArrayList<>();
        for (JsonNode t : block.path("templates")) {
            Map<String, List<String>> pools = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            t.path("field_pools").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                List<String> values = new ArrayList<>();
                p.getValue().forEach(v -> values.add(v.asText()));
                pools.put(p.getKey(), values);
            }
            templates.add(new LogGeneratorSpec.LogTemplate(t.path("message").asText(), pools));
        }
        Map<Severity, Double> weights = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        block.path("severity_weights").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> w = it.next();
            weights.put(Severity.parse(w.getKey()), w.getValue().asDouble());
        }
        long seed = block.has("seed") ? Long.parseUnsignedLong(block.get("seed").asText()) : 0L;
        return new LogGeneratorSpec.Template(templates, weights, seed);
    }

    static EncoderSpec encoder(JsonNode block) {
        if (block == null || block.isMissingNode() || block.isNull()) {
            return new EncoderSpec.JsonLines(null);
        }
        return switch (block.path("type").asText()) {
            case "json_lines" -> new EncoderSpec.JsonLines(null);
            case "syslog" -> new EncoderSpec.Syslog(
                    block.hasNonNull("hostname") ? block.get("hostname").asText() : null,
                    block.hasNonNull("app_name") ? block.get("app_name").asText() : null);
            default -> throw new AssertionError("unexpected encoder " + block);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyTickHasTheReferenceSeverityAndMessage(Entry entry) {
        LogGenerator generator = LogGenerators.create(
                template(entry.scenario().get("log_generator")), "g", TemplateLogGenerator.Indexing.WASM32);
        JsonNode lines = entry.expected().get("lines");
        assertThat(lines.size()).isPositive();
        for (int k = 0; k < lines.size(); k++) {
            LogEvent event = generator.generate(k);
            JsonNode line = lines.get(k);
            assertThat(event.severity().yamlName())
                    .as("tick %d severity", k)
                    .isEqualTo(line.get("severity").asText());
            assertThat(event.message())
                    .as("tick %d message", k)
                    .isEqualTo(line.get("message").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theFirstFiveEventsEncodeExactlyAsTheReferencePreview(Entry entry) {
        JsonNode block = entry.scenario().has("encoder")
                ? entry.scenario().get("encoder")
                : entry.defaults().get("encoder");
        LogEncoder encoder = LogEncoders.create(encoder(block));
        LogGenerator generator = LogGenerators.create(
                template(entry.scenario().get("log_generator")), "g", TemplateLogGenerator.Indexing.WASM32);

        JsonNode e = entry.expected();
        Map<String, String> labelMap = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> l = it.next();
            labelMap.put(l.getKey(), l.getValue().asText());
        }
        Labels labels = Labels.of(labelMap);
        long stepMs = (long) Math.floor(1000.0 / e.get("rate").asDouble());
        int n = Math.min(5, e.get("lines").size());
        ByteBuf out = new ByteBuf(16);
        for (int k = 0; k < n; k++) {
            encoder.encode(generator.generate(k, (START_MS + k * stepMs) * 1_000_000L, labels), out);
        }
        // The suite strips the final newline of a log preview.
        String preview = e.get("encoded_preview").asText() + "\n";
        assertThat(n).isEqualTo(5);
        assertThat(out.toString()).isEqualTo(preview);
        assertThat(out.toByteArray()).isEqualTo(preview.getBytes(StandardCharsets.UTF_8));
    }
}
