package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSinkProviderTest {
    private final SpecRegistry registry = SpecRegistry.defaults();
    private final Problems problems = new Problems();

    private Object read(Map<String, Object> block) {
        return registry.resolve(SpecKind.SINK, new SinkSpec.Generic("kafka", block), "scenarios[0].sink", problems);
    }

    private static Map<String, Object> written(SinkSpec spec) {
        MapSpecWriter out = new MapSpecWriter();
        new KafkaSink.Provider().write(spec, out);
        return out.map();
    }

    @Test
    void theProviderIsFoundThroughServiceLoader() {
        assertThat(registry.find(SpecKind.SINK, "kafka", SinkProvider.class))
                .get()
                .isInstanceOf(KafkaSink.Provider.class);
    }

    @Test
    void everyKeyIsReadIntoTheTypedSpec() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("brokers", "k1:9092,k2:9092");
        block.put("topic", "sonda");
        block.put("max_buffer_age", "1s");
        block.put("retry", Map.of("max_attempts", 3L, "initial_backoff", "100ms", "max_backoff", "1s"));
        block.put("tls", Map.of("enabled", true, "ca_cert", "/ca.pem"));
        block.put("sasl", Map.of("mechanism", "SCRAM-SHA-512", "username", "u", "password", "p"));
        block.put("key", "{name}");
        block.put("record_per", "line");
        block.put("acks", 1L);
        block.put("compression", "lz4");
        block.put("client_id", "gen");
        block.put("partition", 2L);
        block.put("delivery_timeout", "10s");
        block.put("properties", Map.of("linger.ms", "5"));

        assertThat(read(block))
                .isEqualTo(SinkSpec.kafka("k1:9092,k2:9092", "sonda")
                        .withMaxBufferAge(Duration.ofSeconds(1))
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .withTls(TlsSettings.withCa("/ca.pem"))
                        .withSasl(KafkaSasl.scramSha512("u", "p"))
                        .withKey("{name}")
                        .withRecordPer(SinkSpec.Kafka.RecordPer.LINE)
                        .withAcks(SinkSpec.Kafka.Acks.LEADER)
                        .withCompression(SinkSpec.Kafka.Compression.LZ4)
                        .withClientId("gen")
                        .withPartition(2)
                        .withDeliveryTimeout(Duration.ofSeconds(10))
                        .withProperties(Map.of("linger.ms", "5")));
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void acksAllMayBeWrittenAsMinusOne() {
        assertThat(read(Map.of("brokers", "k:1", "topic", "t", "acks", -1L)))
                .extracting(s -> ((SinkSpec.Kafka) s).acks())
                .isEqualTo(SinkSpec.Kafka.Acks.ALL);
    }

    @Test
    void aWrittenSpecReadsBackEqual() {
        SinkSpec.Kafka spec = SinkSpec.kafka("k:9092", "t")
                .withMaxBufferAge(Duration.ZERO)
                .withTls(new TlsSettings("/ca.pem", "/c.pem", "/k.pem", false))
                .withKey("{labels.host}")
                .withRecordPer(SinkSpec.Kafka.RecordPer.LINE)
                .withAcks(SinkSpec.Kafka.Acks.NONE)
                .withCompression(SinkSpec.Kafka.Compression.GZIP)
                .withClientId("c")
                .withPartition(0)
                .withDeliveryTimeout(Duration.ofMillis(1500))
                .withProperties(Map.of("batch.size", "1"));

        assertThat(read(written(spec))).isEqualTo(spec);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void thePasswordIsWrittenRedactedAndARedactedPasswordIsRefusedOnRead() {
        SinkSpec.Kafka spec = SinkSpec.kafka("k:9092", "t").withSasl(KafkaSasl.plain("u", "hunter2"));

        Map<String, Object> out = written(spec);
        assertThat(out.toString()).doesNotContain("hunter2");
        assertThat(out.get("sasl")).isEqualTo(Map.of("mechanism", "PLAIN", "username", "u", "password", "***"));

        read(out);
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("scenarios[0].sink.sasl.password");
            assertThat(p.message()).contains("placeholder").contains("${KAFKA_PASSWORD}");
        });
    }

    @Test
    void aSavingWriterKeepsThePasswordAndSecretPropertiesSoThePlanRunsAgain() {
        SinkSpec.Kafka spec = SinkSpec.kafka("k:9092", "t")
                .withSasl(KafkaSasl.plain("u", "hunter2"))
                .withProperties(Map.of("sasl.jaas.config", "jaas-secret", "batch.size", "1"));

        MapSpecWriter saving = new MapSpecWriter(true);
        new KafkaSink.Provider().write(spec, saving);

        assertThat(read(saving.map())).isEqualTo(spec);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aDisplayWriterMasksSecretLookingProperties() {
        SinkSpec.Kafka spec = SinkSpec.kafka("k:9092", "t")
                .withProperties(Map.of("sasl.jaas.config", "jaas-secret", "batch.size", "1"));

        assertThat(written(spec).get("properties")).isEqualTo(Map.of("sasl.jaas.config", "***", "batch.size", "1"));
    }

    @Test
    void thePasswordIsNeverShown() {
        SinkSpec.Kafka spec = SinkSpec.kafka("k:9092", "t").withSasl(KafkaSasl.plain("u", "hunter2"));

        assertThat(new KafkaSink.Provider().display(spec)).isEqualTo("kafka (k:9092 / t)");
        assertThat(spec.toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(spec.options().toString()).doesNotContain("hunter2");
    }

    @Test
    void anUnsupportedMechanismGetsTheReferenceMessage() {
        read(Map.of(
                "brokers",
                "k:1",
                "topic",
                "t",
                "sasl",
                Map.of("mechanism", "plain", "username", "u", "password", "p")));
        assertThat(problems.list())
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "scenarios[0].sink.sasl.mechanism",
                        "unsupported SASL mechanism: 'plain' (expected PLAIN, SCRAM-SHA-256, or SCRAM-SHA-512)"));
    }

    @Test
    void saslNeedsAllThreeKeys() {
        read(Map.of("brokers", "k:1", "topic", "t", "sasl", Map.of("mechanism", "PLAIN")));
        assertThat(problems.list())
                .allSatisfy(p -> assertThat(p.path()).isEqualTo("scenarios[0].sink.sasl"))
                .extracting(Problem::message)
                .satisfiesExactly(m -> assertThat(m).contains("username"), m -> assertThat(m)
                        .contains("password"));
    }

    @Test
    void brokersWithNoAddressAreReportedBeforeTheRun() {
        read(Map.of("brokers", " , ", "topic", "t"));
        assertThat(problems.list())
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "scenarios[0].sink.brokers", "kafka sink: no valid broker addresses in ' , '"));
    }

    @Test
    void aMalformedKeyTemplateIsReportedAtItsPath() {
        read(Map.of("brokers", "k:1", "topic", "t", "key", "{host}"));
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("scenarios[0].sink.key");
            assertThat(p.message()).startsWith("key template '{host}' has an unknown placeholder");
        });
    }

    @Test
    void wrongWordsAndUnknownKeysAreReportedWithTheChoices() {
        read(Map.of("brokers", "k:1", "topic", "t", "acks", "2", "record_per", "batch", "tpoic", "x"));
        assertThat(problems.list())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("expected one of 0, 1, all, -1, found"))
                .anySatisfy(m -> assertThat(m).startsWith("expected one of flush, line, found"))
                .anySatisfy(m -> assertThat(m).startsWith("unknown key 'tpoic' for sink type 'kafka'"));
    }

    @Test
    void tlsDisabledIsPlaintextAsInTheReference() {
        assertThat(read(Map.of("brokers", "k:1", "topic", "t", "tls", Map.of("enabled", false, "ca_cert", "/ca.pem"))))
                .extracting(s -> ((SinkSpec.Kafka) s).tls())
                .isNull();
        assertThat(read(Map.of("brokers", "k:1", "topic", "t", "tls", Map.of("enabled", true, "ca_file", "/ca.pem"))))
                .extracting(s -> ((SinkSpec.Kafka) s).tls())
                .isEqualTo(TlsSettings.withCa("/ca.pem"));
    }

    @Test
    void insecureSkipVerifyIsRefused() {
        Problems p = new Problems();
        new KafkaSink.Provider()
                .validate(SinkSpec.kafka("k:1", "t").withTls(new TlsSettings(null, null, null, true)), "s", p);
        assertThat(p.list()).singleElement().satisfies(x -> assertThat(x.path())
                .isEqualTo("s.tls.insecure_skip_verify"));
    }

    @Test
    void aClientCertificateWithoutItsKeyIsAProblem() {
        read(Map.of("brokers", "k:1", "topic", "t", "tls", Map.of("enabled", true, "cert_file", "/c.pem")));
        assertThat(problems.list()).singleElement().satisfies(p -> assertThat(p.path())
                .isEqualTo("scenarios[0].sink.tls.key_file"));
    }

    @Test
    void theFirstVersionsOptionsMapStillBuildsTheTypedSpec() {
        SinkSpec.Kafka spec = new SinkSpec.Kafka(
                "k:1",
                "t",
                null,
                null,
                Map.of(
                        "tls",
                        Map.of("enabled", true, "ca_cert", "/ca.pem"),
                        "sasl",
                        Map.of("mechanism", "PLAIN", "username", "u", "password", "p"),
                        "acks",
                        1L,
                        "key",
                        "{name}"));
        assertThat(spec)
                .isEqualTo(SinkSpec.kafka("k:1", "t")
                        .withTls(TlsSettings.withCa("/ca.pem"))
                        .withSasl(KafkaSasl.plain("u", "p"))
                        .withAcks(SinkSpec.Kafka.Acks.LEADER)
                        .withKey("{name}"));
    }
}
