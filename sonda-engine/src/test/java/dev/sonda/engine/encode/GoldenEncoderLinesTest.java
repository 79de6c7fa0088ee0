package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the hand-derived lines of {@code golden/encoders/metric-lines.yaml}. */
class GoldenEncoderLinesTest {

    /** One case of the file. */
    record Case(String name, JsonNode node) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try (InputStream in = GoldenEncoderLinesTest.class.getResourceAsStream("/golden/encoders/metric-lines.yaml")) {
            assertThat(in).as("golden/encoders/metric-lines.yaml").isNotNull();
            root = yaml.readTree(in);
        }
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(new Case(c.get("name").asText(), c));
        }
        assertThat(out).hasSizeGreaterThan(40);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEncoderWritesTheHandDerivedLine(Case c) {
        JsonNode n = c.node();
        // Insertion order of the YAML map, deliberately unsorted in the file.
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        MetricEncoder encoder = Encoders.metricEncoder(GoldenEncoderTest.spec(n.get("encoder")));
        EncodedSeries series = encoder.series(n.get("metric").asText(), Labels.of(labels));
        double value = Double.parseDouble(n.get("value").asText());
        long tsNs = n.get("ts_ns").asLong();

        ByteBuf out = new ByteBuf(8);
        encoder.encode(series, value, tsNs, out);

        String expected = n.get("line").asText() + "\n";
        assertThat(out.toString()).isEqualTo(expected);
        assertThat(out.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
}
