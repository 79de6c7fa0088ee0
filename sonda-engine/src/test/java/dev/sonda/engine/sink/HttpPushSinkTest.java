package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
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

class HttpPushSinkTest {
    /** One received request. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {}

    private HttpServer server;
    private String url;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final TestSupport.Lines lines = new TestSupport.Lines();
    private final TestSupport.FakeClock clock = new TestSupport.FakeClock();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body));
            }
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 204 : statuses.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
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

    private HttpPushSink sink(Integer batchSize, Duration maxAge, RetryPolicy retry, Map<String, String> headers) {
        return new HttpPushSink(
                new SinkSpec.HttpPush(url, null, batchSize, maxAge, headers, retry), TestSupport.context(clock, lines));
    }

    private static void write(ByteSink sink, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    @Test
    void aBatchIsSentWhenItReachesBatchSizeBytes() {
        HttpPushSink sink = sink(10, Duration.ZERO, null, Map.of());
        write(sink, "aaaa\n");
        assertThat(requests).isEmpty();
        assertThat(sink.lastWriteDelivered()).isFalse();
        assertThat(sink.bufferedBytes()).isEqualTo(5);
        write(sink, "bbbb\n");
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).body()).isEqualTo("aaaa\nbbbb\n");
        assertThat(requests.get(0).method()).isEqualTo("POST");
        assertThat(requests.get(0).headers().get("Content-type")).containsExactly("application/octet-stream");

        write(sink, "c\n");
        assertThat(sink.lastWriteDelivered()).isFalse();
        assertThat(requests).hasSize(1);
        sink.close();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo("c\n");
    }

    @Test
    void theDefaultBatchSizeIs4096Bytes() {
        HttpPushSink sink = sink(null, Duration.ZERO, null, Map.of());
        String line = "x".repeat(1023) + "\n";
        for (int i = 0; i < 3; i++) {
            write(sink, line);
        }
        assertThat(requests).isEmpty();
        write(sink, line);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).body()).hasSize(4096);
    }

    @Test
    void aBatchIsSentOnTheFirstWriteOnceMaxBufferAgeHasPassed() {
        HttpPushSink sink = sink(1 << 20, Duration.ofSeconds(5), null, Map.of());
        write(sink, "a\n");
        clock.advance(Duration.ofMillis(4_999));
        write(sink, "b\n");
        assertThat(requests).isEmpty();
        clock.advance(Duration.ofMillis(1));
        write(sink, "c\n");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).body()).isEqualTo("a\nb\nc\n");
        assertThat(sink.lastWriteDelivered()).isTrue();

        // The age restarts when a send starts.
        clock.advance(Duration.ofMillis(4_999));
        write(sink, "d\n");
        assertThat(requests).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        write(sink, "e\n");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo("d\ne\n");
    }

    @Test
    void theAgeCountsFromConstructionSoASlowFirstWriteFlushesAtOnce() {
        HttpPushSink sink = sink(1 << 20, null, null, Map.of());
        clock.advance(Duration.ofSeconds(5));
        write(sink, "first\n");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aZeroMaxBufferAgeDisablesTheAgeCheck() {
        HttpPushSink sink = sink(1 << 20, Duration.ZERO, null, Map.of());
        write(sink, "a\n");
        clock.advance(Duration.ofDays(1));
        write(sink, "b\n");
        assertThat(requests).isEmpty();
        sink.flush();
        assertThat(requests).hasSize(1);
    }

    @Test
    void flushWithNothingBufferedSendsNothing() {
        HttpPushSink sink = sink(100, Duration.ZERO, null, Map.of());
        sink.flush();
        sink.close();
        assertThat(requests).isEmpty();
    }

    @Test
    void aClientErrorIsDiscardedWithTheReferenceLineAndCountsAsDelivered() {
        respond(400);
        HttpPushSink sink =
                sink(1, Duration.ZERO, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), Map.of());
        write(sink, "bad line\n");
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(requests).hasSize(1);
        assertThat(lines.lines)
                .containsExactly("sonda: http_push sink: received HTTP 400 from '" + url + "'; discarding batch");
        assertThat(sink.bufferedBytes()).isZero();
    }

    @Test
    void aServerErrorWithoutRetryFailsAtOnceAndDropsTheBatch() {
        respond(500);
        HttpPushSink sink = sink(1, Duration.ZERO, null, Map.of());
        assertThatThrownBy(() -> write(sink, "x\n"))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 500 from '" + url + "'");
        assertThat(requests).hasSize(1);
        assertThat(lines.lines).isEmpty();
        assertThat(sink.bufferedBytes()).isZero();
        sink.flush();
        assertThat(requests).as("a failed batch is never re-queued").hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedAndTheNextSuccessDelivers() {
        respond(500, 200);
        HttpPushSink sink =
                sink(1, Duration.ZERO, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), Map.of());
        write(sink, "x\n");
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(Request::body).containsExactly("x\n", "x\n");
        assertThat(lines.lines).hasSize(1);
        assertThat(lines.lines.get(0))
                .matches("sonda: retry 1/3 after [01]ms \\(error: HTTP 500 from '" + url.replace(".", "\\.") + "'\\)");
    }

    @Test
    void tooManyRequestsIsRetriedUntilExhaustion() {
        respond(429, 503, 500);
        HttpPushSink sink =
                sink(1, Duration.ZERO, new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), Map.of());
        assertThatThrownBy(() -> write(sink, "x\n")).hasMessage("HTTP 500 from '" + url + "'");
        assertThat(requests).hasSize(3);
        assertThat(lines.lines).hasSize(3);
        assertThat(lines.lines.get(0)).contains("retry 1/2").endsWith("(error: HTTP 429 from '" + url + "')");
        assertThat(lines.lines.get(1)).contains("retry 2/2").endsWith("(error: HTTP 503 from '" + url + "')");
        assertThat(lines.lines.get(2))
                .isEqualTo("sonda: all 2 retries exhausted (last error: HTTP 500 from '" + url + "')");
        assertThat(sink.bufferedBytes()).isZero();
    }

    @Test
    void aRedirectOrOtherStatusIsAnError() {
        respond(302);
        HttpPushSink sink = sink(1, Duration.ZERO, null, Map.of());
        assertThatThrownBy(() -> write(sink, "x\n")).hasMessage("HTTP 302 from '" + url + "'");
    }

    @Test
    void customHeadersFollowTheContentTypeAndCanReplaceIt() {
        HttpPushSink sink = sink(1, Duration.ZERO, null, Map.of("content-type", "text/plain", "X-Scope-OrgID", "t1"));
        write(sink, "x\n");
        Map<String, List<String>> headers = requests.get(0).headers();
        assertThat(headers.get("Content-type")).containsExactly("text/plain");
        assertThat(headers.get("X-scope-orgid")).containsExactly("t1");
    }

    @Test
    void theContentTypeKeyIsSent() {
        ByteSink sink = TestSupport.open(
                new SinkSpec.HttpPush(url, "text/plain; version=0.0.4", 1, null, Map.of(), null),
                TestSupport.context(clock, lines));
        write(sink, "x\n");
        assertThat(requests.get(0).headers().get("Content-type")).containsExactly("text/plain; version=0.0.4");
    }

    @Test
    void aTransportFailureHasTheReferencePrefix() throws IOException {
        String dead = "http://127.0.0.1:" + TestSupport.freePort() + "/push";
        HttpPushSink sink = new HttpPushSink(
                new SinkSpec.HttpPush(dead, null, 1, null, Map.of(), null), TestSupport.context(clock, lines));
        assertThatThrownBy(() -> write(sink, "x\n"))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP push to '" + dead + "' failed: Connection refused");
    }

    @Test
    void aUrlWithoutAnHttpSchemeIsRejectedAtCreation() {
        assertThatThrownBy(() -> TestSupport.open(SinkSpec.httpPush("ftp://x/push"), SinkContext.simple("e")))
                .isInstanceOf(SinkException.class)
                .hasMessage("invalid HTTP push URL 'ftp://x/push': must start with http:// or https://");
        assertThatThrownBy(() -> TestSupport.open(SinkSpec.httpPush("localhost:9090"), SinkContext.simple("e")))
                .hasMessage("invalid HTTP push URL 'localhost:9090': must start with http:// or https://");
    }

    @Test
    void anUnparsableHttpUrlFailsOnEverySendLikeTheReference() {
        HttpPushSink sink = new HttpPushSink(
                new SinkSpec.HttpPush("http://bad host/push", null, 1, null, Map.of(), null),
                TestSupport.context(clock, lines));
        assertThatThrownBy(() -> write(sink, "x\n"))
                .hasMessageStartingWith("HTTP push to 'http://bad host/push' failed: ");
    }

    @Test
    void aRestrictedHeaderIsRejectedAtCreation() {
        assertThatThrownBy(() -> sink(1, null, null, Map.of("Host", "example")))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("invalid HTTP push header 'Host': ");
    }
}
