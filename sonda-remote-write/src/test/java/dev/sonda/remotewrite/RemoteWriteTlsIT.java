package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.MetricType;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.HttpPushSink;
import dev.sonda.engine.sink.SinkException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers, auth and TLS against JDK HTTPS servers whose certificates a CA made with {@code
 * keytool} signed: the tenant header and the credentials arrive, a client certificate is offered
 * when asked for, and a wrong CA, a wrong host name or a missing client certificate fail with a
 * message that says what to change. http_push takes the same settings.
 */
class RemoteWriteTlsIT {
    private static final long T = 1_700_000_000_000L * 1_000_000L;

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static Receiver server;
    private static Receiver mutual;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        server = Receiver.https(pki.serverContext(), false);
        mutual = Receiver.https(pki.serverContext(), true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (mutual != null) {
            mutual.close();
        }
    }

    private static Series cpu() {
        return Series.of("cpu", Labels.empty(), MetricType.GAUGE);
    }

    private static void sendOne(SinkSpec.RemoteWrite spec, Fixtures.Ctx ctx) {
        RemoteWriteSink sink = new RemoteWriteSink(spec.withBatchSize(1), ctx.context());
        sink.sample(sink.prepare(cpu()), T, 1.0);
    }

    @Test
    void withTheCaFileTheTenantHeaderAndBasicAuthArriveOverHttps() {
        int before = server.requests.size();
        sendOne(
                SinkSpec.remoteWrite(server.url("/api/v1/write"))
                        .withTls(TlsSettings.withCa(pki.caPem.toString()))
                        .withHeader("X-Scope-OrgID", "tenant-1")
                        .withBasicAuth("sonda", "pässword"),
                new Fixtures.Ctx());

        Receiver.Request r = server.requests.get(before);
        assertThat(r.header("X-Scope-OrgID")).isEqualTo("tenant-1");
        assertThat(r.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("sonda:pässword".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("Content-Encoding")).isEqualTo("snappy");
    }

    @Test
    void aBearerTokenAndAThanosTenantArriveOverHttps() {
        int before = server.requests.size();
        sendOne(
                SinkSpec.remoteWrite(server.url("/api/v1/write"))
                        .withTls(TlsSettings.withCa(pki.caPem.toString()))
                        .withHeader("THANOS-TENANT", "blue")
                        .withBearerToken("tok-42"),
                new Fixtures.Ctx());

        Receiver.Request r = server.requests.get(before);
        assertThat(r.header("THANOS-TENANT")).isEqualTo("blue");
        assertThat(r.header("Authorization")).isEqualTo("Bearer tok-42");
    }

    @Test
    void aCertificateNoCaInTheCaFileSignedFailsSayingSoAndIsNotRetried() {
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        String url = server.url("/api/v1/write");
        SinkSpec.RemoteWrite spec = SinkSpec.remoteWrite(url)
                .withTls(TlsSettings.withCa(pki.otherCaPem.toString()))
                .withBearerToken("tok-42")
                .withRetry(new dev.sonda.api.sink.RetryPolicy(
                        3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)));

        assertThatThrownBy(() -> sendOne(spec, ctx))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("remote write to '" + url + "' failed: TLS handshake failed: the server's"
                        + " certificate is not signed by a CA in tls.ca_file '" + pki.otherCaPem
                        + "'; point ca_file at the CA that signed it (")
                .message()
                .doesNotContain("tok-42");
        assertThat(ctx.lines).noneMatch(l -> l.startsWith("sonda: retry"));
        assertThat(ctx.lines)
                .singleElement()
                .asString()
                .contains("dropped 1 samples")
                .doesNotContain("tok-42");
    }

    @Test
    void aHostTheCertificateDoesNotNameFailsUnlessVerificationIsSkipped() {
        String url = server.ipUrl("/api/v1/write"); // the certificate names localhost only

        assertThatThrownBy(() -> sendOne(
                        SinkSpec.remoteWrite(url).withTls(TlsSettings.withCa(pki.caPem.toString())),
                        new Fixtures.Ctx()))
                .hasMessageContaining(
                        "TLS handshake failed: the server's certificate does not name the host of the URL");

        int before = server.requests.size();
        sendOne(SinkSpec.remoteWrite(url).withTls(new TlsSettings(null, null, null, true)), new Fixtures.Ctx());
        assertThat(server.requests).hasSize(before + 1);
    }

    @Test
    void aClientCertificateIsOfferedWhenTheServerRequiresOne() {
        TlsSettings ca = TlsSettings.withCa(pki.caPem.toString());
        assertThatThrownBy(() -> sendOne(SinkSpec.remoteWrite(mutual.url("/w")).withTls(ca), new Fixtures.Ctx()))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("failed:");

        int before = mutual.requests.size();
        sendOne(
                SinkSpec.remoteWrite(mutual.url("/w"))
                        .withTls(ca.withClientCertificate(pki.clientCertPem.toString(), pki.clientKeyPem.toString())),
                new Fixtures.Ctx());
        assertThat(mutual.requests).hasSize(before + 1);
    }

    @Test
    void aMissingOrMalformedTlsFileIsReportedWhenTheSinkIsCreated() {
        assertThatThrownBy(() -> new RemoteWriteSink(
                        SinkSpec.remoteWrite(server.url("/w"))
                                .withTls(TlsSettings.withCa(
                                        dir.resolve("nope.pem").toString())),
                        new Fixtures.Ctx().context()))
                .isInstanceOf(SinkException.class)
                .hasMessage("tls.ca_file '" + dir.resolve("nope.pem") + "' does not exist");
        assertThatThrownBy(() -> new RemoteWriteSink(
                        SinkSpec.remoteWrite(server.url("/w"))
                                .withTls(TlsSettings.withCa(pki.caPem.toString())
                                        .withClientCertificate(pki.clientCertPem.toString(), pki.caPem.toString())),
                        new Fixtures.Ctx().context()))
                .hasMessageStartingWith(
                        "tls.key_file '" + pki.caPem
                                + "': expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----), found no PEM private key");
    }

    @Test
    void httpPushTakesTheSameTlsAndAuthSettings() {
        int before = server.requests.size();
        HttpPushSink push = new HttpPushSink(
                SinkSpec.httpPush(server.url("/api/v1/import/prometheus"))
                        .withTls(TlsSettings.withCa(pki.caPem.toString()))
                        .withHeader("X-Scope-OrgID", "t2")
                        .withBasicAuth("u", "p"),
                new Fixtures.Ctx().context());
        byte[] line = "cpu 1\n".getBytes(StandardCharsets.UTF_8);
        push.write(line, 0, line.length);
        push.close();

        Receiver.Request r = server.requests.get(before);
        assertThat(r.body()).isEqualTo(line);
        assertThat(r.header("X-Scope-OrgID")).isEqualTo("t2");
        assertThat(r.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()));
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
    }
}
