package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sonda.api.encoder.EncoderSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the {@code encoded_preview} of every entry of the conformance golden vectors: the first
 * five events as the reference's own encoder wrote them.
 */
class GoldenEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long START_MS = 1_777_000_000_000L;

    /** One entry of one golden case. */
    record Entry(String caseName, JsonNode scenario, JsonNode defaults, JsonNode expected) {
        @Override
        public String toString() {
            return caseName + "/" + expected.get("id").asText();
        }
    }

    static Path goldenDir() {
        URL url = GoldenEncoderTest.class.getResource("/golden/conformance");
        assertThat(url).as("golden/conformance on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Entry> entries() throws IOException {
        Path dir = goldenDir();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> p.getFileName().toString().startsWith("gen_")
                            || p.getFileName().toString().startsWith("enc_"))
                    .sorted()
                    .toList()) {
                String caseName = json.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode expected = JSON.readTree(json.toFile());
                JsonNode yaml = YAML.readTree(
                        dir.resolve("corpus").resolve(caseName + ".yaml").toFile());
                for (JsonNode e : expected.path("result").path("entries")) {
                    out.add(new Entry(caseName, scenario(yaml, e.get("id").asText()), yaml.path("defaults"), e));
                }
            }
        }
        assertThat(out).as("golden entries").hasSizeGreaterThanOrEqualTo(29);
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

    static EncoderSpec spec(JsonNode block) {
        if (block == null || block.isMissingNode() || block.isNull()) {
            return new EncoderSpec.PrometheusText(null);
        }
        Integer precision =
                block.hasNonNull("precision") ? block.get("precision").asInt() : null;
        String type = block.path("type").asText();
        return switch (type) {
            case "prometheus_text" -> new EncoderSpec.PrometheusText(precision);
            case "influx_lp" -> new EncoderSpec.InfluxLp(
                    block.hasNonNull("field_key") ? block.get("field_key").asText() : null, precision);
            case "json_lines" -> new EncoderSpec.JsonLines(precision);
            default -> throw new AssertionError("unexpected encoder type " + type);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theFirstFiveEventsEncodeExactlyAsTheReferencePreview(Entry entry) {
        JsonNode block = entry.scenario().has("encoder")
                ? entry.scenario().get("encoder")
                : entry.defaults().get("encoder");
        MetricEncoder encoder = Encoders.metricEncoder(spec(block));

        JsonNode e = entry.expected();
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> l = it.next();
            labels.put(l.getKey(), l.getValue().asText());
        }
        EncodedSeries series = encoder.series(e.get("name").asText(), Labels.of(labels));
        long stepMs = (long) Math.floor(1000.0 / e.get("rate").asDouble());
        JsonNode values = e.get("values");
        int n = Math.min(5, values.size());

        ByteBuf out = new ByteBuf(16);
        for (int i = 0; i < n; i++) {
            long ms = START_MS + i * stepMs;
            encoder.encode(series, values.get(i).doubleValue(), ms * 1_000_000L, out);
        }
        String preview = e.get("encoded_preview").asText();
        assertThat(n).isPositive();
        assertThat(out.toString()).isEqualTo(preview);
        assertThat(out.toByteArray()).isEqualTo(preview.getBytes(StandardCharsets.UTF_8));
    }
}
