package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.Severity;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Loki sink against an in-JVM push API double (no Loki server is obtainable; backends.md §8). */
class LokiSinkTest {
    /** One received request. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {}

    private static final long WALL = 1_777_000_000_123_456_789L;

    private HttpServer server;
    private String url;
    private String push;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final TestSupport.Lines lines = new TestSupport.Lines();
    private final TestSupport.FakeClock clock = new TestSupport.FakeClock();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 204 : statuses.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        push = url + "/loki/api/v1/push";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void respond(Integer... codes) {
        synchronized (statuses) {
            statuses.addAll(List.of(codes));
        }
    }

    private LokiSink sink(
            Integer batchSize, Integer maxStreams, Duration maxAge, RetryPolicy retry, Map<String, String> labels) {
        return new LokiSink(
                new SinkSpec.Loki(url, batchSize, maxStreams, maxAge, retry),
                TestSupport.context(clock, labels, lines));
    }

    private static LogEvent event(long nanos, Map<String, String> labels) {
        return new LogEvent(nanos, Severity.INFO, "ignored by the sink", Labels.of(labels), LogFields.empty());
    }

    private static void writeLog(LokiSink sink, LogEvent event, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        sink.line(event.labels(), Math.max(0L, event.epochNanos()), b, 0, b.length);
    }

    /** A line with no overlay, stamped {@code WALL} (a metric sample's own timestamp). */
    private static void write(LokiSink sink, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        sink.line(Labels.empty(), WALL, b, 0, b.length);
    }

    @Test
    void aFullBatchIsPushedAsOneStreamWithTheExactLokiJson() {
        LokiSink sink = sink(3, null, Duration.ZERO, null, Map.of("job", "sonda"));
        Map<String, String> labels = Map.of("job", "sonda", "svc", "api");
        writeLog(sink, event(1_700_000_000_000_000_000L, labels), "line one\n");
        writeLog(sink, event(1_700_000_000_500_000_000L, labels), "tab\there \"q\" \\ \u0001\b/\u007f\n\n");
        assertThat(requests).isEmpty();
        assertThat(sink.lastWriteDelivered()).isFalse();
        writeLog(sink, event(1_700_000_001_000_000_000L, labels), "é ünï \uD83D\uDE00\r\n");
        assertThat(sink.lastWriteDelivered()).isTrue();

        assertThat(requests).hasSize(1);
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/loki/api/v1/push");
        assertThat(r.headers().get("Content-type")).containsExactly("application/json");
        assertThat(r.headers()).doesNotContainKey("X-scope-orgid").doesNotContainKey("Content-encoding");
        assertThat(r.body())
                .isEqualTo("{\"streams\":[{\"stream\":{\"job\":\"sonda\",\"svc\":\"api\"},\"values\":["
                        + "[\"1700000000000000000\",\"line one\"],"
                        + "[\"1700000000500000000\",\"tab\\there \\\"q\\\" \\\\ \\u0001\\u0008/\u007f\"],"
                        + "[\"1700000001000000000\",\"é ünï \uD83D\uDE00\\r\"]]}]}");
        assertThat(sink.bufferedEntries()).isZero();
        assertThat(lines.lines).isEmpty();
    }

    @Test
    void entriesAreGroupedIntoStreamsOrderedByTheirOverlaysWithTheOverlayWinning() {
        LokiSink sink = sink(6, null, Duration.ZERO, null, Map.of("job", "sonda", "env", "dev"));
        writeLog(sink, event(1, Map.of("zone", "b")), "b1");
        write(sink, "plain\n");
        writeLog(sink, event(3, Map.of("zone", "a")), "a1");
        writeLog(sink, event(4, Map.of("zone", "b")), "b2");
        writeLog(sink, event(5, Map.of("job", "override")), "j1");
        writeLog(sink, event(6, Map.of("zone", "a", "a", "z")), "az");

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).body())
                .isEqualTo("{\"streams\":["
                        + "{\"stream\":{\"env\":\"dev\",\"job\":\"sonda\"},\"values\":[[\"1777000000123456789\",\"plain\"]]},"
                        + "{\"stream\":{\"a\":\"z\",\"env\":\"dev\",\"job\":\"sonda\",\"zone\":\"a\"},\"values\":[[\"6\",\"az\"]]},"
                        + "{\"stream\":{\"env\":\"dev\",\"job\":\"override\"},\"values\":[[\"5\",\"j1\"]]},"
                        + "{\"stream\":{\"env\":\"dev\",\"job\":\"sonda\",\"zone\":\"a\"},\"values\":[[\"3\",\"a1\"]]},"
                        + "{\"stream\":{\"env\":\"dev\",\"job\":\"sonda\",\"zone\":\"b\"},\"values\":[[\"1\",\"b1\"],[\"4\",\"b2\"]]}"
                        + "]}");
    }

    @Test
    void withoutAnyLabelsTheStreamObjectIsEmpty() {
        LokiSink sink = sink(1, null, Duration.ZERO, null, Map.of());
        write(sink, "x");
        assertThat(requests.get(0).body())
                .isEqualTo("{\"streams\":[{\"stream\":{},\"values\":[[\"1777000000123456789\",\"x\"]]}]}");
    }

    @Test
    void theDefaultBatchIsFiveEntriesAndFlushSendsARemainder() {
        LokiSink sink = sink(null, null, Duration.ZERO, null, Map.of());
        for (int i = 0; i < 4; i++) {
            write(sink, "l" + i);
        }
        assertThat(requests).isEmpty();
        assertThat(sink.bufferedEntries()).isEqualTo(4);
        write(sink, "l4");
        assertThat(requests).hasSize(1);
        write(sink, "l5");
        sink.flush();
        assertThat(requests).hasSize(2);
        sink.flush();
        sink.close();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).contains("\"l5\"").doesNotContain("\"l4\"");
    }

    @Test
    void aPartialBatchIsSentByTheFirstWriteAfterMaxBufferAge() {
        LokiSink sink = sink(100, null, null, null, Map.of());
        write(sink, "a");
        clock.advance(Duration.ofMillis(4_999));
        write(sink, "b");
        assertThat(requests).isEmpty();
        clock.advance(Duration.ofMillis(1));
        write(sink, "c");
        assertThat(requests).hasSize(1);
        assertThat(sink.lastWriteDelivered()).isTrue();
        clock.advance(Duration.ofSeconds(4));
        write(sink, "d");
        assertThat(requests).hasSize(1);
    }

    @Test
    void moreStreamsThanMaxStreamsPerPushDropTheBatchWithTheReferenceMessage() {
        LokiSink sink = sink(3, 2, Duration.ZERO, null, Map.of("job", "x"));
        writeLog(sink, event(1, Map.of("v", "1")), "a");
        writeLog(sink, event(2, Map.of("v", "2")), "b");
        assertThatThrownBy(() -> writeLog(sink, event(3, Map.of("v", "3")), "c"))
                .isInstanceOf(SinkException.class)
                .hasMessage("loki sink: flush would produce 3 streams from 3 entries, but max_streams_per_push is 2."
                        + " Reduce dynamic_labels cardinality, raise max_streams_per_push on the sink, or split into"
                        + " per-value scenarios.");
        assertThat(requests).isEmpty();
        assertThat(sink.bufferedEntries()).isZero();
        writeLog(sink, event(4, Map.of("v", "1")), "d");
        sink.flush();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedPerThePolicyWithTheSameBody() {
        respond(500, 503, 204);
        LokiSink sink =
                sink(1, null, Duration.ZERO, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Map.of());
        write(sink, "x");
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .extracting(Request::body)
                .containsOnly(requests.get(0).body());
        assertThat(lines.lines).hasSize(2);
        assertThat(lines.lines.get(0))
                .matches("sonda: retry 1/3 after \\d+ms \\(error: HTTP 500 from '\\Q" + push + "\\E'\\)");
        assertThat(lines.lines.get(1))
                .matches("sonda: retry 2/3 after \\d+ms \\(error: HTTP 503 from '\\Q" + push + "\\E'\\)");
        assertThat(sink.lastWriteDelivered()).isTrue();
    }

    @Test
    void withoutRetryA5xxOr429FailsAndTheBatchIsGone() {
        respond(500, 429);
        LokiSink sink = sink(1, null, Duration.ZERO, null, Map.of());
        assertThatThrownBy(() -> write(sink, "x"))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 500 from '" + push + "'");
        assertThatThrownBy(() -> write(sink, "y"))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 429 from '" + push + "'");
        assertThat(sink.bufferedEntries()).isZero();
        sink.flush();
        assertThat(requests).hasSize(2);
    }

    @Test
    void aClientErrorDiscardsTheBatchWithADiagnosticAndCountsAsDelivered() {
        respond(400);
        LokiSink sink =
                sink(1, null, Duration.ZERO, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), Map.of());
        write(sink, "bad");
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(requests).hasSize(1);
        assertThat(lines.lines)
                .containsExactly("sonda: loki sink: received HTTP 400 from '" + push + "'; discarding batch");
    }

    @Test
    void aRetryThatEndsInAClientErrorIsDiscardedToo() {
        respond(502, 404);
        LokiSink sink =
                sink(1, null, Duration.ZERO, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), Map.of());
        write(sink, "x");
        assertThat(requests).hasSize(2);
        assertThat(lines.lines).hasSize(2);
        assertThat(lines.lines.get(1))
                .isEqualTo("sonda: loki sink: received HTTP 404 from '" + push + "'; discarding batch");
    }

    @Test
    void anUnreachableServerIsATransportErrorNamingThePushUrl() throws IOException {
        int port = TestSupport.freePort();
        LokiSink sink = new LokiSink(
                new SinkSpec.Loki("http://127.0.0.1:" + port, 1, null, Duration.ZERO, null),
                TestSupport.context(clock, lines));
        assertThatThrownBy(() -> write(sink, "x"))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("Loki push to 'http://127.0.0.1:" + port + "/loki/api/v1/push' failed: ");
    }

    @Test
    void theUrlMustBeHttpAndATrailingSlashIsKept() {
        assertThatThrownBy(() -> new LokiSink(
                        new SinkSpec.Loki("ftp://loki:3100", null, null, null, null), SinkContext.simple("e")))
                .isInstanceOf(SinkException.class)
                .hasMessage("invalid Loki URL 'ftp://loki:3100': must start with http:// or https://");
        LokiSink sink =
                new LokiSink(new SinkSpec.Loki("http://loki:3100/", null, null, null, null), SinkContext.simple("e"));
        assertThat(sink.pushUrl()).isEqualTo("http://loki:3100//loki/api/v1/push");
        assertThat(sink).hasToString("loki (http://loki:3100/)");
    }

    @Test
    void theProviderIsRegisteredAndUsesTheEntryLabelsAsStreamLabels() {
        Sink sink = TestSupport.provider("loki")
                .create(
                        new SinkSpec.Loki(url, 1, null, Duration.ZERO, null),
                        TestSupport.context(clock, Map.of("job", "sonda"), lines));
        assertThat(sink).isInstanceOf(LokiSink.class);
        write((LokiSink) sink, "hello\n");
        assertThat(requests.get(0).body()).startsWith("{\"streams\":[{\"stream\":{\"job\":\"sonda\"},\"values\":[[\"");
        assertThat(requests.get(0).body()).endsWith("\",\"hello\"]]}]}");
    }
}
