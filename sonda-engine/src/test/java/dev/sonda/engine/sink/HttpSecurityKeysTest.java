package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.HttpAuth;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http_push additions: headers, basic/bearer auth and TLS keys, and secrets never shown. */
class HttpSecurityKeysTest {

    @Test
    void httpPushReadsAuthAndTlsAndWritesTheSecretsMasked() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", "https://gw:9091/metrics");
        block.put("headers", Map.of("X-Scope-OrgID", "a", "Authorization-Token", "t0k"));
        block.put("basic_auth", Map.of("username", "u", "password", "hunter2"));
        block.put("tls", Map.of("ca_file", "ca.pem", "insecure_skip_verify", true));
        Problems problems = new Problems();
        SinkProvider p = TestSupport.provider("http_push");

        SinkSpec spec = p.read(new MapSpecBlock("http_push", block, "s", problems));

        assertThat(problems.list()).isEmpty();
        SinkSpec.HttpPush h = (SinkSpec.HttpPush) spec;
        assertThat(h.auth()).isEqualTo(HttpAuth.basic("u", "hunter2"));
        assertThat(h.tls()).isEqualTo(new TlsSettings("ca.pem", null, null, true));
        MapSpecWriter out = new MapSpecWriter();
        p.write(spec, out);
        assertThat(out.map().toString()).doesNotContain("hunter2", "t0k");
        assertThat(out.map().get("basic_auth")).isEqualTo(Map.of("username", "u", "password", "***"));
        assertThat(out.map().get("headers")).isEqualTo(Map.of("Authorization-Token", "***", "X-Scope-OrgID", "a"));
        assertThat(spec.toString()).doesNotContain("hunter2", "t0k");
        assertThat(HttpAuth.bearer("t0k").toString()).isEqualTo("Bearer[token=***]");
    }

    @Test
    void basicAuthIsTheUtf8PairInBase64AndBearerIsTheTokenAsWritten() {
        assertThat(HttpAuth.basic("Aladdin", "open sesame").authorization())
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="); // RFC 7617 section 2
        assertThat(HttpAuth.basic("ü", "p").authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ü:p".getBytes(StandardCharsets.UTF_8)));
        assertThat(HttpAuth.bearer("abc.def").authorization()).isEqualTo("Bearer abc.def");
    }

    @Test
    void theDisplayedUrlHidesItsUserInformation() {
        assertThat(SinkKeys.displayUrl("https://user:pw@host:8080/p?q=a@b")).isEqualTo("https://***@host:8080/p?q=a@b");
        assertThat(SinkKeys.displayUrl("http://host/p@x")).isEqualTo("http://host/p@x");
        assertThat(TestSupport.provider("http_push").display(SinkSpec.httpPush("http://u:p@h/x")))
                .isEqualTo("http_push (http://***@h/x)");
    }

    @Test
    void aSecretHeaderTheClientRefusesIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> HttpSender.to("http://h/x", "http_push", "HTTP push")
                        .header("Authorization", "Bearer a\nb")
                        .build())
                .isInstanceOf(SinkException.class)
                .hasMessage("invalid HTTP push header 'Authorization': the value holds a character a header cannot"
                        + " carry, such as a line break");
    }

    @Test
    void aClientCertificateWithoutItsKeyIsAProblemAtItsPath() {
        Problems problems = new Problems();
        SinkSpec.httpPush("https://h/x")
                .withTls(new TlsSettings(null, "c.pem", null, false))
                .validate("s", problems);

        assertThat(problems.list()).extracting(dev.sonda.api.Problem::path).containsExactly("s.tls.key_file");
    }
}
