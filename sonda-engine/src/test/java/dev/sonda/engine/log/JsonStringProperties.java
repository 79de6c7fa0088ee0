package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.Severity;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonStringProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 0x7F)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(40).map(JsonStringProperties::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        cps.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Property
    void messagesLabelsAndFieldsRoundTripThroughJackson(
            @ForAll("text") String message, @ForAll("text") String key, @ForAll("text") String value) throws Exception {
        LogEvent e = new LogEvent(
                1_700_000_000_000_000_000L,
                Severity.DEBUG,
                message,
                Labels.of(Map.of(key, value)),
                LogFields.of(Map.of(value, key)));
        ByteBuf out = new ByteBuf(4);
        new JsonLinesLogEncoder().encode(e, out);
        String line = out.toString();
        assertThat(line).endsWith("}\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("message").asText()).isEqualTo(message);
        assertThat(node.get("labels").get(key).asText()).isEqualTo(value);
        assertThat(node.get("fields").get(value).asText()).isEqualTo(key);
        assertThat(node.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20.000Z");
    }

    @Property
    void theEscapedFormIsSerdeJsonsNotJacksons(@ForAll("text") String message) {
        ByteBuf out = new ByteBuf(4);
        Utf8Out.jsonString(message, out);
        String json = out.toString();
        StringBuilder expected = new StringBuilder("\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '"' -> expected.append("\\\"");
                case '\\' -> expected.append("\\\\");
                case '\b' -> expected.append("\\b");
                case '\t' -> expected.append("\\t");
                case '\n' -> expected.append("\\n");
                case '\f' -> expected.append("\\f");
                case '\r' -> expected.append("\\r");
                default -> {
                    if (c < 0x20) {
                        expected.append(String.format("\\u%04x", (int) c));
                    } else {
                        expected.append(c);
                    }
                }
            }
        }
        assertThat(json).isEqualTo(expected.append('"').toString());
    }
}
