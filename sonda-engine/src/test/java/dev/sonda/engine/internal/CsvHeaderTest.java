package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

    private static void assertMalformed(String field, String message) {
        assertThatThrownBy(() -> CsvHeader.parseColumn(field))
                .isInstanceOf(CsvHeader.MalformedHeaderException.class)
                .hasMessage(message);
    }

    @Test
    void theSpecsGrafanaExampleParses() {
        String line = "\"Time\",\"{__name__=\"\"up\"\", instance=\"\"localhost:9090\"\", job=\"\"prometheus\"\"}\"";
        assertThat(CsvHeader.parseRow(line))
                .containsExactly(
                        new CsvHeader.Column("Time", Map.of()),
                        new CsvHeader.Column("up", Map.of("instance", "localhost:9090", "job", "prometheus")));
    }

    @Test
    void theFiveFormatsAndAnEmptyField() {
        assertThat(CsvHeader.parseColumn("{__name__=\"up\", instance=\"foo\", job=\"bar\"}"))
                .isEqualTo(new CsvHeader.Column("up", Map.of("instance", "foo", "job", "bar")));
        assertThat(CsvHeader.parseColumn(" up { instance = \"foo\" , job=\"bar\" } "))
                .isEqualTo(new CsvHeader.Column("up", Map.of("instance", "foo", "job", "bar")));
        assertThat(CsvHeader.parseColumn("{instance=\"foo\", job=\"bar\"}"))
                .isEqualTo(new CsvHeader.Column(null, Map.of("instance", "foo", "job", "bar")));
        assertThat(CsvHeader.parseColumn("cpu_percent")).isEqualTo(new CsvHeader.Column("cpu_percent", Map.of()));
        assertThat(CsvHeader.parseColumn("  prometheus\t")).isEqualTo(new CsvHeader.Column("prometheus", Map.of()));
        assertThat(CsvHeader.parseColumn("   ")).isEqualTo(new CsvHeader.Column(null, Map.of()));
        assertThat(CsvHeader.parseColumn("{}")).isEqualTo(new CsvHeader.Column(null, Map.of()));
        assertThat(CsvHeader.parseColumn("plain name with spaces"))
                .isEqualTo(new CsvHeader.Column("plain name with spaces", Map.of()));
    }

    @Test
    void labelValuesMayBeQuotedWithBackslashEscapesOrBareAndTrimmed() {
        assertThat(CsvHeader.parseColumn("{a=\"x\\\"y\", b=\"line\\nbreak\", c=\"1,2}\", d = bare value , e=}"))
                .isEqualTo(new CsvHeader.Column(
                        null, Map.of("a", "x\"y", "b", "linenbreak", "c", "1,2}", "d", "bare value", "e", "")));
    }

    @Test
    void aLaterDuplicateKeyWinsAndTextAfterTheLastBraceIsIgnored() {
        assertThat(CsvHeader.parseColumn("m{job=\"a\", job=\"b\"} trailing"))
                .isEqualTo(new CsvHeader.Column("m", Map.of("job", "b")));
        assertThat(CsvHeader.parseColumn("{__name__=\"a\", __name__=\"b\"}"))
                .isEqualTo(new CsvHeader.Column("b", Map.of()));
    }

    @Test
    void labelsIterateInCodePointOrder() {
        assertThat(CsvHeader.parseColumn("{z=\"1\", a=\"2\", M=\"3\"}").labels().keySet())
                .containsExactly("M", "a", "z");
    }

    @Test
    void malformedLabelBlocksHaveTheReferenceMessages() {
        assertMalformed("up{job=\"x\"", "csv_header: unmatched '{' — missing closing '}'");
        assertMalformed("{job}", "csv_header: expected '=' in label pair, got: \"job\"");
        assertMalformed("{a=\"1\", oops}", "csv_header: expected '=' in label pair, got: \"oops\"");
        assertMalformed("{ =\"1\"}", "csv_header: empty label key");
        assertMalformed("{a=\"open}", "csv_header: unterminated quoted value");
        assertMalformed("{a=\"x\\}", "csv_header: unterminated escape in quoted value");
    }

    @Test
    void theRowSplitterHonoursQuotesAnywhereAndDoesNotFailOnAnOpenOne() {
        assertThat(CsvHeader.parseRow("Time,a\"b,c\"d,\"e\"\"f\""))
                .extracting(CsvHeader.Column::name)
                .containsExactly("Time", "ab,cd", "e\"f");
        assertThat(CsvHeader.parseRow("Time,\"open, still"))
                .extracting(CsvHeader.Column::name)
                .containsExactly("Time", "open, still");
        assertThatThrownBy(() -> CsvHeader.parseRow("Time,ok,{broken"))
                .isInstanceOf(CsvHeader.MalformedHeaderException.class);
    }
}
