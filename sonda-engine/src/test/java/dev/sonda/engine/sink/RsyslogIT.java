package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.Severity;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import dev.sonda.engine.log.SyslogEncoder;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syslog lines from {@link SyslogEncoder} through {@link UdpSink} and {@link TcpSink} into a real
 * rsyslog (Debian {@code rsyslog}, 8.2302.0 on the reference machine; backends.md §5): imudp and
 * imtcp on loopback, each message written verbatim (RFC 5424 template) and as its parsed fields
 * (JSON template), read back with bounded polling.
 */
class RsyslogIT {
    private static final Path BINARY = Path.of("/usr/sbin/rsyslogd");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static BackendProcess rsyslog;
    private static int udpPort;
    private static int tcpPort;
    private static Path verbatim;
    private static Path parsed;

    @BeforeAll
    static void startRsyslog() throws IOException {
        Backends.require(BINARY, "rsyslog");
        tcpPort = TestSupport.freePort();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udpPort = s.getLocalPort();
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        verbatim = dir.resolve("out.rfc5424");
        parsed = dir.resolve("out.json");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "global(workDirectory=\"" + work + "\")",
                        "module(load=\"imudp\")",
                        "module(load=\"imtcp\")",
                        "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort + "\" ruleset=\"sonda\")",
                        "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\" ruleset=\"sonda\")",
                        "template(name=\"parsed\" type=\"list\") {",
                        "  constant(value=\"{\\\"proto\\\":\\\"\") property(name=\"protocol-version\")",
                        "  constant(value=\"\\\",\\\"pri\\\":\\\"\") property(name=\"pri\")",
                        "  constant(value=\"\\\",\\\"ts\\\":\\\"\") property(name=\"timereported\" dateFormat=\"rfc3339\")",
                        "  constant(value=\"\\\",\\\"host\\\":\\\"\") property(name=\"hostname\" format=\"json\")",
                        "  constant(value=\"\\\",\\\"app\\\":\\\"\") property(name=\"app-name\" format=\"json\")",
                        "  constant(value=\"\\\",\\\"procid\\\":\\\"\") property(name=\"procid\")",
                        "  constant(value=\"\\\",\\\"msgid\\\":\\\"\") property(name=\"msgid\")",
                        "  constant(value=\"\\\",\\\"sd\\\":\\\"\") property(name=\"structured-data\" format=\"json\")",
                        "  constant(value=\"\\\",\\\"msg\\\":\\\"\") property(name=\"msg\" format=\"json\")",
                        "  constant(value=\"\\\",\\\"input\\\":\\\"\") property(name=\"inputname\")",
                        "  constant(value=\"\\\"}\\n\")",
                        "}",
                        "ruleset(name=\"sonda\") {",
                        "  action(type=\"omfile\" file=\"" + verbatim
                                + "\" template=\"RSYSLOG_SyslogProtocol23Format\")",
                        "  action(type=\"omfile\" file=\"" + parsed + "\" template=\"parsed\")",
                        "}",
                        ""),
                StandardCharsets.UTF_8);
        rsyslog = BackendProcess.start(
                List.of(
                        BINARY.toString(),
                        "-n",
                        "-f",
                        conf.toString(),
                        "-i",
                        dir.resolve("rsyslog.pid").toString()),
                dir.resolve("rsyslog.log"));
        boolean accepting = TestSupport.pollUntil(Duration.ofSeconds(15), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(accepting)
                .as("rsyslog imtcp on %d\n%s", tcpPort, rsyslog.logTail())
                .isTrue();
    }

    @AfterAll
    static void stopRsyslog() throws InterruptedException {
        if (rsyslog != null) {
            rsyslog.stop();
        }
    }

    private static byte[] encode(SyslogEncoder encoder, Severity severity, String message, Labels labels) {
        ByteBuf out = new ByteBuf(64);
        long now = System.currentTimeMillis() * 1_000_000L;
        encoder.encode(new LogEvent(now, severity, message, labels, LogFields.of(Map.of("f", "dropped"))), out);
        return out.toByteArray();
    }

    /** The parsed records whose message contains {@code marker}, once {@code count} have arrived. */
    private static List<JsonNode> awaitParsed(String marker, int count) {
        AtomicReference<List<JsonNode>> seen = new AtomicReference<>(List.of());
        boolean complete = TestSupport.pollUntil(Duration.ofSeconds(20), () -> {
            List<JsonNode> found = new ArrayList<>();
            try {
                if (Files.exists(parsed)) {
                    for (String line : Files.readAllLines(parsed, StandardCharsets.UTF_8)) {
                        if (line.contains(marker)) {
                            found.add(JSON.readTree(line));
                        }
                    }
                }
            } catch (IOException e) {
                return false;
            }
            seen.set(found);
            return found.size() >= count;
        });
        assertThat(complete)
                .as("rsyslog output for %s: %s\n%s", marker, seen.get(), rsyslog.logTail())
                .isTrue();
        return seen.get();
    }

    private static String verbatimText() throws IOException {
        return Files.readString(verbatim, StandardCharsets.UTF_8);
    }

    @Test
    void datagramsFromTheUdpSinkArriveWithPriorityHostAppStructuredDataAndMessage() throws IOException {
        String run = UUID.randomUUID().toString();
        SyslogEncoder encoder = new SyslogEncoder("edge-01", "router");
        Labels labels = Labels.of(Map.of("site", "ams1", "note", "a\"b]c\\d"));
        try (UdpSink udp = new UdpSink("127.0.0.1:" + udpPort)) {
            // UDP has no handshake: probe until imudp is reading.
            String probe = "probe " + run;
            boolean up = TestSupport.pollUntil(Duration.ofSeconds(15), () -> {
                byte[] b = encode(encoder, Severity.DEBUG, probe, Labels.empty());
                udp.write(b, 0, b.length);
                try {
                    return Files.exists(parsed) && Files.readString(parsed).contains(probe);
                } catch (IOException e) {
                    return false;
                }
            });
            assertThat(up).as("imudp on %d\n%s", udpPort, rsyslog.logTail()).isTrue();

            List<byte[]> sent = List.of(
                    encode(encoder, Severity.INFO, "udp info " + run, labels),
                    encode(encoder, Severity.ERROR, "udp error " + run, labels),
                    encode(encoder, Severity.FATAL, "udp fatal " + run, labels));
            for (byte[] b : sent) {
                udp.write(b, 0, b.length);
            }
            List<JsonNode> got = awaitParsed("udp ", 3).stream()
                    .filter(n -> n.path("msg").asText().endsWith(run))
                    .toList();
            assertThat(got)
                    .extracting(n -> n.path("msg").asText())
                    .containsExactly("udp info " + run, "udp error " + run, "udp fatal " + run);
            assertThat(got).extracting(n -> n.path("pri").asText()).containsExactly("14", "11", "8");
            for (JsonNode n : got) {
                assertThat(n.path("proto").asText()).isEqualTo("1");
                assertThat(n.path("host").asText()).isEqualTo("edge-01");
                assertThat(n.path("app").asText()).isEqualTo("router");
                assertThat(n.path("procid").asText()).isEqualTo("-");
                assertThat(n.path("msgid").asText()).isEqualTo("-");
                assertThat(n.path("sd").asText()).isEqualTo("[sonda note=\"a\\\"b\\]c\\\\d\" site=\"ams1\"]");
                assertThat(n.path("input").asText()).isEqualTo("imudp");
            }
            String text = verbatimText();
            for (byte[] b : sent) {
                String line = new String(b, StandardCharsets.UTF_8);
                assertThat(text).as("verbatim RFC 5424 output").contains(line);
            }
        }
    }

    @Test
    void lineFramedMessagesFromTheTcpSinkArriveWithTheDefaultNamesAndNoStructuredData() throws IOException {
        String run = UUID.randomUUID().toString();
        SyslogEncoder encoder = new SyslogEncoder();
        List<byte[]> sent = List.of(
                encode(encoder, Severity.WARN, "tcp warn " + run, Labels.empty()),
                encode(encoder, Severity.TRACE, "tcp trace é " + run, Labels.empty()));
        try (TcpSink tcp = new TcpSink("127.0.0.1:" + tcpPort, null, SinkContext.simple("it"))) {
            for (byte[] b : sent) {
                tcp.write(b, 0, b.length);
            }
            tcp.flush();
        }
        List<JsonNode> got = awaitParsed(run, 2);
        assertThat(got)
                .extracting(n -> n.path("msg").asText())
                .containsExactly("tcp warn " + run, "tcp trace é " + run);
        assertThat(got).extracting(n -> n.path("pri").asText()).containsExactly("12", "15");
        for (JsonNode n : got) {
            assertThat(n.path("host").asText()).isEqualTo("sonda");
            assertThat(n.path("app").asText()).isEqualTo("sonda");
            assertThat(n.path("sd").asText()).isEqualTo("-");
            assertThat(n.path("input").asText()).isEqualTo("imtcp");
        }
        String text = verbatimText();
        for (byte[] b : sent) {
            assertThat(text).contains(new String(b, StandardCharsets.UTF_8));
        }
    }
}
