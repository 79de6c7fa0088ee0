package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyslogEncoderTest {
    private static final long T = 1_774_008_000_000L * 1_000_000L;

    private static String encode(SyslogEncoder enc, Severity s, String message, Labels labels) {
        ByteBuf out = new ByteBuf(4);
        enc.encode(new LogEvent(T, s, message, labels, LogFields.of(Map.of("ip", "10.0.0.1"))), out);
        return out.toString();
    }

    @Test
    void theSpecExamplesAreWrittenByteForByte() {
        SyslogEncoder sonda = new SyslogEncoder();
        assertThat(encode(sonda, Severity.INFO, "Request from 10.0.0.1", Labels.empty()))
                .isEqualTo("<14>1 2026-03-20T12:00:00.000Z sonda sonda - - - Request from 10.0.0.1\n");
        assertThat(encode(new SyslogEncoder("web01", "nginx"), Severity.ERROR, "connection refused", Labels.empty()))
                .isEqualTo("<11>1 2026-03-20T12:00:00.000Z web01 nginx - - - connection refused\n");
        assertThat(encode(sonda, Severity.FATAL, "system crash", Labels.empty()))
                .isEqualTo("<8>1 2026-03-20T12:00:00.000Z sonda sonda - - - system crash\n");
        assertThat(encode(
                        sonda,
                        Severity.INFO,
                        "Request from 10.0.0.1",
                        Labels.of(Map.of("hostname", "router_01", "device", "wlan0"))))
                .isEqualTo(
                        "<14>1 2026-03-20T12:00:00.000Z sonda sonda - - [sonda device=\"wlan0\" hostname=\"router_01\"]"
                                + " Request from 10.0.0.1\n");
    }

    @Test
    void thePriorityIsUserFacilityPlusTheSeverityCode() {
        SyslogEncoder enc = new SyslogEncoder(null, null);
        Map<Severity, String> pri = Map.of(
                Severity.TRACE, "<15>",
                Severity.DEBUG, "<15>",
                Severity.INFO, "<14>",
                Severity.WARN, "<12>",
                Severity.ERROR, "<11>",
                Severity.FATAL, "<8>");
        pri.forEach((s, p) -> assertThat(encode(enc, s, "m", Labels.empty())).startsWith(p + "1 "));
    }

    @Test
    void structuredDataValuesEscapeBackslashQuoteAndClosingBracketOnly() {
        String line = encode(
                new SyslogEncoder(), Severity.WARN, "multi\nline \"raw\"", Labels.of(Map.of("k", "a\\b\"c]d[e=f")));
        assertThat(line)
                .isEqualTo("<12>1 2026-03-20T12:00:00.000Z sonda sonda - - [sonda k=\"a\\\\b\\\"c\\]d[e=f\"]"
                        + " multi\nline \"raw\"\n");
    }

    @Test
    void hostnameAndAppNameAreWrittenVerbatim() {
        SyslogEncoder enc = new SyslogEncoder("edge 01", "ünï");
        assertThat(encode(enc, Severity.INFO, "é", Labels.empty()))
                .isEqualTo("<14>1 2026-03-20T12:00:00.000Z edge 01 ünï - - - é\n");
        assertThat(enc.hostname()).isEqualTo("edge 01");
        assertThat(enc.appName()).isEqualTo("ünï");
    }

    @Test
    void aTimestampBeforeTheEpochIsAnEncodeErrorAndWritesNothing() {
        ByteBuf out = new ByteBuf(4);
        assertThatThrownBy(() -> new SyslogEncoder()
                        .encode(new LogEvent(-5L, Severity.INFO, "m", Labels.empty(), LogFields.empty()), out))
                .isInstanceOf(EncodeException.class)
                .hasMessage("timestamp before the Unix epoch");
        assertThat(out.length()).isZero();
    }
}
