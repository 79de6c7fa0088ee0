package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.sink.SinkException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerSettingsTest {
    private final List<String> diagnostics = new ArrayList<>();

    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(ProducerSettingsTest.class
                            .getResource("/tls/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> of(SinkSpec.Kafka spec) {
        return ProducerSettings.of(spec, diagnostics::add);
    }

    @Test
    void theDefaultsAreAcksAllIdempotentUncompressedPlaintextWithTheDeliveryTimeout() {
        Map<String, Object> c = of(SinkSpec.kafka(" a:9092, ,b:9093 ", "t"));

        assertThat(c)
                .containsEntry("bootstrap.servers", "a:9092,b:9093")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("compression.type", "none")
                .containsEntry("client.id", "sonda")
                .containsEntry("linger.ms", "0")
                .containsEntry("delivery.timeout.ms", "30000")
                .containsEntry("request.timeout.ms", "30000")
                .containsEntry("max.block.ms", "30000")
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type");
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void acksOtherThanAllTurnIdempotenceOffAsKafkaClientsRequires() {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t").withAcks(SinkSpec.Kafka.Acks.LEADER));
        assertThat(c).containsEntry("acks", "1").containsEntry("enable.idempotence", "false");
        assertThat(of(SinkSpec.kafka("a:1", "t").withAcks(SinkSpec.Kafka.Acks.NONE)))
                .containsEntry("acks", "0")
                .containsEntry("enable.idempotence", "false");
    }

    @Test
    void aShortDeliveryTimeoutBoundsTheRequestTimeoutToo() {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t").withDeliveryTimeout(Duration.ofMillis(1500)));
        assertThat(c)
                .containsEntry("delivery.timeout.ms", "1500")
                .containsEntry("request.timeout.ms", "1500")
                .containsEntry("max.block.ms", "1500");
    }

    @Test
    void theSettingsAreAValidKafkaProducerConfiguration() {
        SinkSpec.Kafka spec = SinkSpec.kafka("127.0.0.1:1", "t")
                .withCompression(SinkSpec.Kafka.Compression.ZSTD)
                .withClientId("gen-1")
                .withDeliveryTimeout(Duration.ofMillis(500))
                .withTls(TlsSettings.withCa(resource("ca.pem"))
                        .withClientCertificate(resource("client.pem"), resource("client-key.pem")))
                .withSasl(KafkaSasl.scramSha512("u", "p"));
        // kafka-clients parses every value, loads the PEM trust and key stores and the JAAS module
        // here; a bad value would throw a ConfigException. No connection is made before a send.
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(of(spec))) {
            assertThat(p.metrics()).isNotEmpty();
        }
    }

    @Test
    void saslPlainWithoutTlsWarnsAsTheReferenceDoes() {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t").withSasl(KafkaSasl.plain("alice", "s3cret")));

        assertThat(c)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
                                + " password=\"s3cret\";");
        assertThat(diagnostics)
                .containsExactly("WARNING: kafka sink: SASL authentication is configured without TLS \u2014"
                        + " credentials will be sent in plaintext over the network");
    }

    @Test
    void scramOverTlsIsSaslSslWithoutAWarning() {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t")
                .withTls(new TlsSettings(null, null, null, false))
                .withSasl(KafkaSasl.scramSha256("bob", "pw")));

        assertThat(c)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .doesNotContainKey("ssl.truststore.type");
        assertThat((String) c.get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void quotesAndBackslashesInCredentialsSurviveTheJaasParser() {
        String password = "a\"b\\c d;e=f";
        String jaas = ProducerSettings.jaasConfig(KafkaSasl.plain("us\"er", password));

        // Kafka's own parser of sasl.jaas.config, as the producer uses it.
        JaasContext context = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas)));
        AppConfigurationEntry entry = context.configurationEntries().get(0);
        Map<String, ?> options = entry.getOptions();
        assertThat(options.get("username")).isEqualTo("us\"er");
        assertThat(options.get("password")).isEqualTo(password);
    }

    @Test
    void aCaFileBecomesAPemTruststoreOfItsCertificates() throws IOException {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t").withTls(TlsSettings.withCa(resource("ca.pem"))));

        assertThat(c).containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.type", "PEM");
        String pem = (String) c.get("ssl.truststore.certificates");
        assertThat(normalize(pem)).isEqualTo(normalize(Files.readString(Path.of(resource("ca.pem")))));
    }

    @Test
    void aClientCertificateBecomesAPemKeystore() {
        Map<String, Object> c = of(SinkSpec.kafka("a:1", "t")
                .withTls(new TlsSettings(null, null, null, false)
                        .withClientCertificate(resource("client.pem"), resource("client-key.pem"))));

        assertThat(c).containsEntry("ssl.keystore.type", "PEM");
        assertThat((String) c.get("ssl.keystore.certificate.chain")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat((String) c.get("ssl.keystore.key")).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void caFileErrorsUseTheReferenceMessages() throws IOException {
        String missing = dir.resolve("missing.pem").toString();
        assertThatThrownBy(() -> PemFiles.trustAnchors(missing))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to read CA cert file '" + missing + "': no such file");

        Path empty = Files.writeString(dir.resolve("empty.pem"), "# nothing here\n");
        assertThatThrownBy(() -> PemFiles.trustAnchors(empty.toString()))
                .hasMessage("kafka sink: no valid certificates found in CA cert file '" + empty + "'");

        Path badBase64 = Files.writeString(
                dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemFiles.trustAnchors(badBase64.toString()))
                .hasMessageStartingWith(
                        "kafka sink: failed to parse certificate in CA cert file '" + badBase64 + "': ");

        Path notX509 = Files.writeString(
                dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemFiles.trustAnchors(notX509.toString()))
                .hasMessage("kafka sink: no parsable trust anchors in CA cert file '" + notX509 + "'");
    }

    @Test
    void aClientKeyThatIsNotPkcs8SaysHowToConvertIt() throws IOException {
        Path rsa = Files.writeString(
                dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.privateKey(rsa.toString()))
                .hasMessage("kafka sink: no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY) in client key file '"
                        + rsa + "'; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }

    @Test
    void propertiesAreAppliedLastAndMayOverrideTheSinksOwn() {
        Map<String, Object> c =
                of(SinkSpec.kafka("a:1", "t").withProperties(Map.of("linger.ms", "20", "batch.size", "1")));
        assertThat(c).containsEntry("linger.ms", "20").containsEntry("batch.size", "1");
    }

    private static String normalize(String pem) {
        return new String(pem.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII).replaceAll("\\s", "");
    }
}
