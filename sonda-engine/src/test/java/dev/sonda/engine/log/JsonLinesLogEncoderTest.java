package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesLogEncoderTest {
    private static final long T_2026_03_20 = 1_774_008_000_000L * 1_000_000L;

    private static String encode(LogEvent e) {
        ByteBuf out = new ByteBuf(8);
        new JsonLinesLogEncoder().encode(e, out);
        return out.toString();
    }

    @Test
    void theSpecExampleIsWrittenByteForByte() {
        LogEvent e = new LogEvent(
                T_2026_03_20,
                Severity.INFO,
                "Request from 10.0.0.1",
                Labels.of(Map.of("device", "wlan0")),
                LogFields.of(Map.of("ip", "10.0.0.1")));
        assertThat(encode(e))
                .isEqualTo(
                        "{\"timestamp\":\"2026-03-20T12:00:00.000Z\",\"severity\":\"info\",\"message\":"
                                + "\"Request from 10.0.0.1\",\"labels\":{\"device\":\"wlan0\"},\"fields\":{\"ip\":\"10.0.0.1\"}}\n");
    }

    @Test
    void emptyLabelsAndFieldsAreWrittenAsEmptyObjects() {
        LogEvent e = new LogEvent(1_700_000_000_123_999_999L, Severity.FATAL, "x", Labels.empty(), LogFields.empty());
        assertThat(encode(e))
                .isEqualTo("{\"timestamp\":\"2023-11-14T22:13:20.123Z\",\"severity\":\"fatal\",\"message\":\"x\","
                        + "\"labels\":{},\"fields\":{}}\n");
    }

    @Test
    void everySeverityIsWrittenInLowerCase() {
        for (Severity s : Severity.values()) {
            assertThat(encode(new LogEvent(0, s, "", Labels.empty(), LogFields.empty())))
                    .contains("\"severity\":\"" + s.yamlName() + "\"");
        }
    }

    @Test
    void keysOfLabelsAndFieldsAreSorted() {
        LogEvent e = new LogEvent(
                0,
                Severity.WARN,
                "m",
                Labels.of(Map.of("zone", "1", "app", "2")),
                LogFields.of(Map.of("z", "a", "b", "c")));
        assertThat(encode(e))
                .endsWith("\"labels\":{\"app\":\"2\",\"zone\":\"1\"},\"fields\":{\"b\":\"c\",\"z\":\"a\"}}\n");
    }

    @Test
    void stringsUseSerdeJsonEscaping() {
        String message = "q\" b\\ \b\t\n\f\r \u0001\u001f \u007f / é \u20ac \uD83D\uDE00";
        LogEvent e = new LogEvent(0, Severity.INFO, message, Labels.of(Map.of("k", "v\"")), LogFields.empty());
        String expected = "\"message\":\"q\\\" b\\\\ \\b\\t\\n\\f\\r \\u0001\\u001f \u007f / é \u20ac \uD83D\uDE00\"";
        assertThat(encode(e)).contains(expected).contains("\"labels\":{\"k\":\"v\\\"\"}");
        ByteBuf out = new ByteBuf(1);
        new JsonLinesLogEncoder().encode(e, out);
        assertThat(out.toByteArray()).isEqualTo(encode(e).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsAQuestionMarkLikeGetBytes() {
        LogEvent e = new LogEvent(0, Severity.INFO, "a\uD800b", Labels.empty(), LogFields.empty());
        assertThat(encode(e)).contains("\"message\":\"a?b\"");
    }

    @Test
    void aTimestampBeforeTheEpochIsAnEncodeErrorAndWritesNothing() {
        ByteBuf out = new ByteBuf(8);
        out.put((byte) 'x');
        LogEvent e = new LogEvent(-1L, Severity.INFO, "m", Labels.empty(), LogFields.empty());
        assertThatThrownBy(() -> new JsonLinesLogEncoder().encode(e, out))
                .isInstanceOf(EncodeException.class)
                .hasMessage("timestamp before the Unix epoch");
        assertThat(out.toString()).isEqualTo("x");
    }

    @Test
    void theCachedLabelBytesFollowAChangeOfLabelSet() {
        JsonLinesLogEncoder enc = new JsonLinesLogEncoder();
        ByteBuf out = new ByteBuf(8);
        Labels a = Labels.of(Map.of("s", "a"));
        Labels b = Labels.of(Map.of("s", "b"));
        for (Labels l : new Labels[] {a, a, b, a}) {
            enc.encode(new LogEvent(0, Severity.INFO, "m", l, LogFields.empty()), out);
        }
        assertThat(out.toString().split("\n"))
                .extracting(line -> line.replaceAll(".*\"labels\":(\\{[^}]*}).*", "$1"))
                .containsExactly("{\"s\":\"a\"}", "{\"s\":\"a\"}", "{\"s\":\"b\"}", "{\"s\":\"a\"}");
    }
}
