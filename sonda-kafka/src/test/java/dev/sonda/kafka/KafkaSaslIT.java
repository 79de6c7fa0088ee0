package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.MetricType;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.test.JaasUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kafka sink's SASL/PLAIN against a real Kafka node whose only client listener is
 * SASL_PLAINTEXT (in-JVM KRaft, kafka-test-common-runtime, loopback): the test kit's users, with
 * its authorizer on and {@code allow.everyone.if.no.acl.found=false}, so only its super user may
 * write. SCRAM needs credentials created on the broker first, which the test kit does not offer;
 * its configuration is covered by {@link ProducerSettingsTest}.
 */
class KafkaSaslIT {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private static KafkaBroker broker;

    private final List<String> diagnostics = new ArrayList<>();
    private final DeliveryCounts delivery = new DeliveryCounts();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.sasl();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private KafkaSink sink(SinkSpec.Kafka spec) {
        SinkContext context = new SinkContext(
                "up",
                Map.of(),
                Clock.simulated(START),
                diagnostics::add,
                Encoders.metricEncoder(EncoderSpec.prometheusText()),
                null,
                delivery);
        return new KafkaSink(spec.withDeliveryTimeout(Duration.ofSeconds(5)), context);
    }

    @Test
    void theRightCredentialsDeliverEveryLineAndWarnAboutPlaintext() throws Exception {
        String topic = broker.newTopic("sasl");
        KafkaSink sink = sink(SinkSpec.kafka(broker.bootstrap(), topic)
                .withSasl(KafkaSasl.plain(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD)));
        Object series = sink.prepare(Series.of("up", Labels.of(Map.of("job", "sasl")), MetricType.GAUGE));
        long startNanos = START.toEpochMilli() * 1_000_000L;
        for (int i = 0; i < 100; i++) {
            sink.sample(series, startNanos + i * 1_000_000_000L, i);
        }
        sink.close();

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("up{job=\"sasl\"} ")
                    .append(i)
                    .append(' ')
                    .append(START.toEpochMilli() + i * 1000L)
                    .append('\n');
        }
        StringBuilder got = new StringBuilder();
        broker.records(topic, 0, 100).forEach(r -> got.append(new String(r.value(), StandardCharsets.UTF_8)));
        assertThat(got.toString()).isEqualTo(expected.toString());
        assertThat(delivery.delivered()).isEqualTo(100);
        assertThat(diagnostics)
                .containsExactly("WARNING: kafka sink: SASL authentication is configured without TLS \u2014"
                        + " credentials will be sent in plaintext over the network");
    }

    @Test
    void aWrongPasswordEndsTheSinkAtItsStartWithoutShowingThePassword() throws Exception {
        String topic = broker.newTopic("sasl-wrong");
        SinkSpec.Kafka spec = SinkSpec.kafka(broker.bootstrap(), topic)
                .withSasl(KafkaSasl.plain(JaasUtils.KAFKA_PLAIN_ADMIN, "not-the-password"));

        assertThatThrownBy(() -> sink(spec))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("kafka sink: failed to connect to broker(s) '" + broker.bootstrap() + "': ")
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aUserWithoutWriteAccessIsRefusedTheTopicAtTheStart() throws Exception {
        String topic = broker.newTopic("sasl-acl");
        SinkSpec.Kafka spec = SinkSpec.kafka(broker.bootstrap(), topic)
                .withSasl(KafkaSasl.plain(JaasUtils.KAFKA_PLAIN_USER1, JaasUtils.KAFKA_PLAIN_USER1_PASSWORD));

        assertThatThrownBy(() -> sink(spec))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("kafka sink: failed to get partition client for topic '" + topic
                        + "' at broker(s) '" + broker.bootstrap() + "': ")
                .hasMessageContaining("Not authorized");
    }
}
