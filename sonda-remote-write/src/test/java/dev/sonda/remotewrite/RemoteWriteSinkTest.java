package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sonda.api.MetricType;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.HttpAuth;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;
import prometheus.Remote;
import prometheus.Types;

class RemoteWriteSinkTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L;

    private final Receiver receiver;
    private final Fixtures.Ctx ctx = new Fixtures.Ctx();

    RemoteWriteSinkTest() throws IOException {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RemoteWriteSink sink(SinkSpec.RemoteWrite spec) {
        return new RemoteWriteSink(spec, ctx.context());
    }

    private SinkSpec.RemoteWrite spec() {
        return SinkSpec.remoteWrite(receiver.url("/api/v1/write")).withMaxBufferAge(Duration.ZERO);
    }

    private static Series gauge(String name, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Series.of(name, Labels.of(m), MetricType.GAUGE);
    }

    private Remote.WriteRequest request(int i) throws IOException {
        return Remote.WriteRequest.parseFrom(receiver.requests.get(i).decompressed());
    }

    @Test
    void fiveSamplesMakeOneBlockSnappyWriteRequestWithTheReferencesThreeHeaders() throws IOException {
        RemoteWriteSink sink = sink(SinkSpec.remoteWrite(receiver.url("/api/v1/write")));
        Object up = sink.prepare(gauge("up", "job", "api"));
        for (int i = 0; i < 5; i++) {
            sink.sample(up, (T0 + i * 1000) * MS, i);
        }

        assertThat(receiver.requests).hasSize(1);
        Receiver.Request r = receiver.requests.get(0);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-protobuf");
        assertThat(r.header("Content-Encoding")).isEqualTo("snappy");
        assertThat(r.header("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
        // block format: the body starts with the uncompressed length as a varint, no stream header
        assertThat(Snappy.isValidCompressedBuffer(r.body())).isTrue();
        assertThat(r.body()[0] & 0xFF).isNotEqualTo(0xFF);
        Remote.WriteRequest wr = request(0);
        assertThat(wr.getMetadataCount()).isZero();
        assertThat(wr.getTimeseriesList()).hasSize(1);
        Types.TimeSeries ts = wr.getTimeseries(0);
        assertThat(ts.getLabelsList())
                .extracting(Types.Label::getName, Types.Label::getValue)
                .containsExactly(tuple("__name__", "up"), tuple("job", "api"));
        assertThat(ts.getSamplesList())
                .extracting(Types.Sample::getValue, Types.Sample::getTimestamp)
                .containsExactly(
                        tuple(0.0, T0),
                        tuple(1.0, T0 + 1000),
                        tuple(2.0, T0 + 2000),
                        tuple(3.0, T0 + 3000),
                        tuple(4.0, T0 + 4000));
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(ctx.reports.delivered.get()).isEqualTo(5);
        assertThat(sink.bytes()).isEqualTo(r.body().length);
    }

    @Test
    void samplesOfOneSeriesInARequestAreOneTimeSeriesInFirstSeenOrder() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(6));
        Object a = sink.prepare(gauge("cpu", "host", "a"));
        Object b = sink.prepare(gauge("cpu", "host", "b"));
        for (int i = 0; i < 3; i++) {
            sink.sample(b, (T0 + i) * MS, 10 + i);
            sink.sample(a, (T0 + i) * MS, 20 + i);
        }

        Remote.WriteRequest wr = request(0);
        assertThat(wr.getTimeseriesList())
                .extracting(ts -> ts.getLabels(1).getValue())
                .containsExactly("b", "a");
        assertThat(wr.getTimeseries(0).getSamplesList())
                .extracting(Types.Sample::getValue, Types.Sample::getTimestamp)
                .containsExactly(tuple(10.0, T0), tuple(11.0, T0 + 1), tuple(12.0, T0 + 2));
        assertThat(wr.getTimeseries(1).getSamplesList())
                .extracting(Types.Sample::getValue)
                .containsExactly(20.0, 21.0, 22.0);
    }

    @Test
    void samplesHandedOutOfOrderWithinABatchAreSentInTimestampOrder() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(3));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, (T0 + 20) * MS, 2);
        sink.sample(a, (T0 + 10) * MS, 1);
        sink.sample(a, (T0 + 30) * MS, 3);

        assertThat(request(0).getTimeseries(0).getSamplesList())
                .extracting(Types.Sample::getTimestamp)
                .containsExactly(T0 + 10, T0 + 20, T0 + 30);
    }

    @Test
    void aSecondSampleInOneMillisecondReplacesTheFirstAndTheFirstIsReportedDropped() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(2));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, 1);
        sink.sample(a, T0 * MS + 400_000, 2); // same millisecond
        sink.sample(a, (T0 + 1) * MS, 3);

        assertThat(request(0).getTimeseries(0).getSamplesList())
                .extracting(Types.Sample::getValue, Types.Sample::getTimestamp)
                .containsExactly(tuple(2.0, T0), tuple(3.0, T0 + 1));
        assertThat(ctx.reports.dropped.get()).isEqualTo(1);
        assertThat(ctx.reports.reasons).containsExactly(WriteRequestBuilder.SAME_MILLISECOND);
        assertThat(ctx.reports.delivered.get()).isEqualTo(2);
    }

    @Test
    void aSampleWhoseMillisecondWasAlreadySentIsDroppedNotSentTwice() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(1));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, 1);
        sink.sample(a, T0 * MS + 1, 2);
        sink.close();

        assertThat(receiver.requests).hasSize(1);
        assertThat(ctx.reports.reasons).containsExactly(WriteRequestBuilder.ALREADY_SENT);
    }

    @Test
    void aStaleMarkerAndANegativeZeroKeepTheirBits() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(3));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, -0.0);
        sink.sample(a, (T0 + 1) * MS, 0.0);
        sink.sample(a, (T0 + 2) * MS, Double.longBitsToDouble(0x7ff0000000000002L));

        assertThat(request(0).getTimeseries(0).getSamplesList())
                .extracting(s -> Double.doubleToRawLongBits(s.getValue()))
                .containsExactly(0x8000000000000000L, 0L, 0x7ff0000000000002L);
    }

    @Test
    void batchSizeCountsSamplesAndTheBufferAgeSendsAPartialBatchOnTheNextSample() {
        RemoteWriteSink sink = sink(spec().withBatchSize(100).withMaxBufferAge(Duration.ofSeconds(5)));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, 1);
        ctx.clock.advance(Duration.ofSeconds(4));
        sink.sample(a, (T0 + 1) * MS, 2);
        assertThat(receiver.requests).isEmpty();
        assertThat(sink.bufferedSamples()).isEqualTo(2);
        assertThat(sink.lastWriteDelivered()).isFalse();

        ctx.clock.advance(Duration.ofSeconds(1));
        sink.sample(a, (T0 + 2) * MS, 3);

        assertThat(receiver.requests).hasSize(1);
        assertThat(sink.bufferedSamples()).isZero();
        sink.close();
        assertThat(receiver.requests).hasSize(1);
    }

    @Test
    void closeSendsWhatIsBuffered() throws IOException {
        RemoteWriteSink sink = sink(spec().withBatchSize(100));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, 1);
        sink.close();

        assertThat(request(0).getTimeseries(0).getSamplesCount()).isEqualTo(1);
    }

    @Test
    void aFourHundredIsNotRetriedCountedAsAnErrorAndSaysWhichSamplesWereRefusedAndWhy() {
        receiver.then(400, 1).body(400, "out of bounds");
        RemoteWriteSink sink = sink(spec().withBatchSize(2)
                .withRetry(new dev.sonda.api.sink.RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))));
        Object a = sink.prepare(gauge("cpu", "host", "a"));
        sink.sample(a, T0 * MS, 1);

        String url = receiver.url("/api/v1/write");
        assertThatThrownBy(() -> sink.sample(a, (T0 + 1000) * MS, 2))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 400 from '" + url + "'");
        assertThat(receiver.requests).hasSize(1);
        assertThat(ctx.lines)
                .containsExactly(
                        "sonda: remote_write sink: received HTTP 400 from '" + url + "'; discarding batch",
                        "sonda: remote_write sink: dropped 2 samples of 1 series (cpu{host=a}) from"
                                + " 2023-11-14T22:13:20Z to 2023-11-14T22:13:21Z: HTTP 400 from '" + url
                                + "': out of bounds");
        assertThat(ctx.reports.dropped.get()).isEqualTo(2);
        assertThat(ctx.reports.reasons).containsExactly("HTTP 400 from '" + url + "': out of bounds");
        assertThat(sink.bufferedSamples()).isZero();
    }

    @Test
    void tenantHeadersAndBasicAuthGoOnEveryRequestAndCustomHeadersComeAfterTheProtocolOnes() {
        RemoteWriteSink sink = sink(spec().withBatchSize(1)
                .withHeader("X-Scope-OrgID", "team-a")
                .withHeader("THANOS-TENANT", "t1")
                .withBasicAuth("sonda", "s3cret"));
        Object a = sink.prepare(gauge("cpu"));
        sink.sample(a, T0 * MS, 1);

        Receiver.Request r = receiver.requests.get(0);
        assertThat(r.header("X-Scope-OrgID")).isEqualTo("team-a");
        assertThat(r.header("THANOS-TENANT")).isEqualTo("t1");
        assertThat(r.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("sonda:s3cret".getBytes()));
    }

    @Test
    void aBearerTokenIsSentAsTheAuthorizationHeader() {
        RemoteWriteSink sink = sink(spec().withBatchSize(1).withBearerToken("tok-123"));
        sink.sample(sink.prepare(gauge("cpu")), T0 * MS, 1);

        assertThat(receiver.requests.get(0).header("Authorization")).isEqualTo("Bearer tok-123");
    }

    private static SinkProvider provider() {
        return SpecRegistry.defaults()
                .find(SpecKind.SINK, "remote_write", SinkProvider.class)
                .orElseThrow();
    }

    @Test
    void theProviderIsFoundThroughTheServiceLoaderAndWritesStaleMarkers() {
        SinkProvider p = provider();

        assertThat(p).isInstanceOf(RemoteWriteSink.Provider.class);
        assertThat(p.writesStaleMarkers()).isTrue();
        assertThat(p.display(SinkSpec.remoteWrite("http://vm:8428/api/v1/write")))
                .isEqualTo("remote_write (http://vm:8428/api/v1/write)");
        assertThat(p.display(SinkSpec.remoteWrite("https://u:pw@mimir/api/v1/push")
                        .withProtocol(SinkSpec.RemoteWrite.Protocol.V2)))
                .isEqualTo("remote_write v2 (https://***@mimir/api/v1/push)");
    }

    @Test
    void everyKeyIsReadFromItsBlock() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", "https://mimir:9009/api/v1/push");
        block.put("batch_size", 500L);
        block.put("max_buffer_age", "2s");
        block.put("protocol", "v2");
        block.put("headers", Map.of("X-Scope-OrgID", "team-a"));
        block.put("basic_auth", Map.of("username", "sonda", "password", "pw"));
        block.put("tls", Map.of("ca_file", "ca.pem", "cert_file", "c.pem", "key_file", "k.pem"));
        block.put("retry", Map.of("max_attempts", 3L, "initial_backoff", "100ms", "max_backoff", "1s"));
        Problems problems = new Problems();

        SinkSpec spec = provider().read(new MapSpecBlock("remote_write", block, "scenarios[0].sink", problems));

        assertThat(problems.list()).isEmpty();
        assertThat(spec)
                .isEqualTo(SinkSpec.remoteWrite("https://mimir:9009/api/v1/push")
                        .withBatchSize(500)
                        .withMaxBufferAge(Duration.ofSeconds(2))
                        .withProtocol(SinkSpec.RemoteWrite.Protocol.V2)
                        .withHeader("X-Scope-OrgID", "team-a")
                        .withBasicAuth("sonda", "pw")
                        .withTls(TlsSettings.withCa("ca.pem").withClientCertificate("c.pem", "k.pem"))
                        .withRetry(
                                new dev.sonda.api.sink.RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))));
    }

    @Test
    void theWrittenBlockReadsBackAsTheSameSpecWhenItHoldsNoSecret() {
        SinkSpec.RemoteWrite spec = SinkSpec.remoteWrite("http://127.0.0.1:8428/api/v1/write")
                .withBatchSize(100)
                .withProtocol(SinkSpec.RemoteWrite.Protocol.V2)
                .withHeader("X-Scope-OrgID", "a")
                .withTls(new TlsSettings("ca.pem", null, null, true));
        MapSpecWriter out = new MapSpecWriter();
        provider().write(spec, out);
        Problems problems = new Problems();

        SinkSpec back = provider().read(new MapSpecBlock("remote_write", plain(out.map()), "s", problems));

        assertThat(problems.list()).isEmpty();
        assertThat(back).isEqualTo(spec);
    }

    /** The writer keeps durations as Duration; a YAML round trip would print them as text. */
    private static Map<String, Object> plain(Map<String, Object> m) {
        Map<String, Object> r = new LinkedHashMap<>();
        m.forEach((k, v) -> r.put(
                k,
                v instanceof Duration d
                        ? dev.sonda.api.DurationText.format(d)
                        : v instanceof Map<?, ?> sub ? plain(castMap(sub)) : v));
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @Test
    void secretsNeverShowInTheWrittenBlockTheDisplayOrToString() {
        SinkSpec.RemoteWrite basic = SinkSpec.remoteWrite("http://x/api/v1/write")
                .withBasicAuth("sonda", "hunter2")
                .withHeader("Authorization-Extra-Token", "tok-sekrit");
        SinkSpec.RemoteWrite bearer =
                SinkSpec.remoteWrite("http://x/api/v1/write").withBearerToken("tok-sekrit");

        for (SinkSpec.RemoteWrite spec : List.of(basic, bearer)) {
            MapSpecWriter out = new MapSpecWriter();
            provider().write(spec, out);
            assertThat(out.map().toString())
                    .doesNotContain("hunter2", "tok-sekrit")
                    .contains(HttpAuth.MASK);
            assertThat(spec.toString()).doesNotContain("hunter2", "tok-sekrit");
            assertThat(provider().display(spec)).doesNotContain("hunter2", "tok-sekrit");
        }
        MapSpecWriter out = new MapSpecWriter();
        provider().write(basic, out);
        assertThat(out.map().get("basic_auth")).isEqualTo(Map.of("username", "sonda", "password", "***"));
    }

    @Test
    void validationNamesTheUrlAClashingAuthorizationHeaderAndBothAuthKeys() {
        Problems problems = new Problems();
        provider()
                .validate(
                        SinkSpec.remoteWrite("localhost:9090/api/v1/write")
                                .withHeader("Authorization", "Bearer x")
                                .withBasicAuth("u", "p")
                                .withTls(new TlsSettings(null, "c.pem", null, false)),
                        "scenarios[1].sink",
                        problems);
        assertThat(problems.list())
                .extracting(dev.sonda.api.Problem::path)
                .containsExactlyInAnyOrder(
                        "scenarios[1].sink.url",
                        "scenarios[1].sink.headers.Authorization",
                        "scenarios[1].sink.tls.key_file");
        assertThat(problems.list().toString())
                .contains("invalid remote write URL 'localhost:9090/api/v1/write' must start with http:// or https://");

        Problems both = new Problems();
        provider()
                .read(new MapSpecBlock(
                        "remote_write",
                        Map.of(
                                "url",
                                "http://x",
                                "bearer_token",
                                "t",
                                "basic_auth",
                                Map.of("username", "u", "password", "p")),
                        "s",
                        both));
        assertThat(both.list().toString()).contains("set basic_auth or bearer_token, not both");
    }
}
