package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.SinkException;
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
    private static KafkaBroker broker;

    private final SinkDriver driver = new SinkDriver();

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

    @Test
    void theRightCredentialsDeliverEveryLineAndWarnAboutPlaintext() throws Exception {
        String topic = broker.newTopic("sasl");
        KafkaSink sink = driver.open(SinkSpec.kafka(broker.bootstrap(), topic)
                .withSasl(KafkaSasl.plain(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD)));
        String expected = SinkDriver.writeAndClose(sink, "sasl", 100);

        assertThat(broker.text(topic, 100)).isEqualTo(expected);
        assertThat(driver.delivery.delivered()).isEqualTo(100);
        assertThat(driver.diagnostics)
                .containsExactly("WARNING: kafka sink: SASL authentication is configured without TLS \u2014"
                        + " credentials will be sent in plaintext over the network");
    }

    @Test
    void aWrongPasswordEndsTheSinkAtItsStartWithoutShowingThePassword() throws Exception {
        String topic = broker.newTopic("sasl-wrong");
        SinkSpec.Kafka spec = SinkSpec.kafka(broker.bootstrap(), topic)
                .withSasl(KafkaSasl.plain(JaasUtils.KAFKA_PLAIN_ADMIN, "not-the-password"));

        assertThatThrownBy(() -> driver.open(spec))
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

        assertThatThrownBy(() -> driver.open(spec))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("kafka sink: failed to get partition client for topic '" + topic
                        + "' at broker(s) '" + broker.bootstrap() + "': ")
                .hasMessageContaining("Not authorized");
    }
}
