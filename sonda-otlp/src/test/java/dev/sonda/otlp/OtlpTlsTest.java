package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sonda.api.MetricType;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import io.grpc.TlsServerCredentials;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both sinks against real TLS servers in this JVM, with a certificate authority made by
 * keytool for the test: {@code ca_file} trusts the server, the JVM's own trust store does not,
 * {@code insecure_skip_verify} trusts anything, and {@code cert_file}/{@code key_file} satisfy a
 * server that requires a client certificate.
 */
class OtlpTlsTest {
    @TempDir
    static Path dir;

    static TestCa ca;

    @BeforeAll
    static void makeCa() throws Exception {
        ca = new TestCa(dir);
    }

    private static final Series GAUGE = Series.of("g", Labels.of(Map.of("k", "v")), MetricType.GAUGE);

    private static SinkContext context() {
        return new SinkContext(
                "tls", Map.of(), Clock.simulated(OtlpGrpcSinkTest.START), l -> {}, null, null, Delivery.NONE);
    }

    private static void sendOne(OtlpSink sink) {
        try (sink) {
            sink.sample(sink.prepare(GAUGE), 1, 42);
        }
    }

    private GrpcReceiver grpcServer(boolean requireClientCert) throws Exception {
        TlsServerCredentials.Builder b =
                TlsServerCredentials.newBuilder().keyManager(ca.serverKeys().getKeyManagers());
        if (requireClientCert) {
            b.trustManager(ca.caPem.toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        }
        return new GrpcReceiver(b.build());
    }

    @Test
    void grpcOverTlsTrustsTheServerThroughCaFile() throws Exception {
        try (GrpcReceiver server = grpcServer(false)) {
            sendOne(OtlpSink.grpc(
                    SinkSpec.otlpGrpc(server.endpoint("https"), "metrics")
                            .withTls(TlsSettings.withCa(ca.caPem.toString())),
                    context()));
            assertThat(server.metrics).hasSize(1);
        }
    }

    @Test
    void grpcOverTlsWithoutTheCaIsRefused() throws Exception {
        try (GrpcReceiver server = grpcServer(false)) {
            OtlpSink sink = OtlpSink.grpc(SinkSpec.otlpGrpc(server.endpoint("https"), "metrics"), context());
            assertThatThrownBy(() -> sendOne(sink))
                    .isInstanceOf(SinkException.class)
                    .hasMessageContaining("UNAVAILABLE");
            assertThat(server.metrics).isEmpty();
        }
    }

    @Test
    void grpcInsecureSkipVerifyTrustsAnyServer() throws Exception {
        try (GrpcReceiver server = grpcServer(false)) {
            sendOne(OtlpSink.grpc(
                    SinkSpec.otlpGrpc(server.endpoint("https"), "metrics")
                            .withTls(new TlsSettings(null, null, null, true)),
                    context()));
            assertThat(server.metrics).hasSize(1);
        }
    }

    @Test
    void grpcMutualTlsSendsTheClientCertificate() throws Exception {
        try (GrpcReceiver server = grpcServer(true)) {
            TlsSettings tls = TlsSettings.withCa(ca.caPem.toString())
                    .withClientCertificate(ca.clientCertPem.toString(), ca.clientKeyPem.toString());
            sendOne(OtlpSink.grpc(
                    SinkSpec.otlpGrpc(server.endpoint("https"), "metrics").withTls(tls), context()));
            assertThat(server.metrics).hasSize(1);

            OtlpSink without = OtlpSink.grpc(
                    SinkSpec.otlpGrpc(server.endpoint("https"), "metrics")
                            .withTls(TlsSettings.withCa(ca.caPem.toString())),
                    context());
            assertThatThrownBy(() -> sendOne(without)).isInstanceOf(SinkException.class);
            assertThat(server.metrics).hasSize(1);
        }
    }

    @Test
    void httpOverTlsTrustsTheServerThroughCaFileAndNotWithoutIt() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(ca.serverKeys().getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        List<ExportMetricsServiceRequest> got = new CopyOnWriteArrayList<>();
        server.createContext("/v1/metrics", x -> {
            got.add(ExportMetricsServiceRequest.parseFrom(x.getRequestBody().readAllBytes()));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            sendOne(OtlpSink.http(
                    SinkSpec.otlpHttp(url, "metrics").withTls(TlsSettings.withCa(ca.caPem.toString())), context()));
            assertThat(got).hasSize(1);
            sendOne(OtlpSink.http(
                    SinkSpec.otlpHttp(url, "metrics").withTls(new TlsSettings(null, null, null, true)), context()));
            assertThat(got).hasSize(2);
            OtlpSink untrusted = OtlpSink.http(SinkSpec.otlpHttp(url, "metrics"), context());
            assertThatThrownBy(() -> sendOne(untrusted))
                    .isInstanceOf(SinkException.class)
                    .hasMessageStartingWith("OTLP/HTTP export to '" + url + "/v1/metrics' failed:");
            assertThat(got).hasSize(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingCaFileIsReportedWithItsPath() {
        assertThatThrownBy(() -> OtlpSink.grpc(
                        SinkSpec.otlpGrpc("https://127.0.0.1:1", "metrics")
                                .withTls(TlsSettings.withCa("/nonexistent/ca.pem")),
                        context()))
                .isInstanceOf(SinkException.class)
                .hasMessage("otlp grpc sink: invalid tls settings for 'https://127.0.0.1:1': tls ca_file"
                        + " '/nonexistent/ca.pem' does not exist");
    }
}
