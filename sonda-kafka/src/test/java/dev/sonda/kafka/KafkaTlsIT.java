package dev.sonda.kafka;

import static dev.sonda.kafka.KafkaBroker.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kafka sink's {@code tls:} block against a real Kafka node whose client listener is TLS and
 * requires a client certificate (in-JVM KRaft, loopback; certificates in {@code
 * src/test/resources/tls}, the broker's for localhost): the CA file becomes the trust store, the
 * client certificate and key the key store, and the broker's name is verified.
 */
class KafkaTlsIT {
    private static KafkaBroker broker;

    private final SinkDriver driver = new SinkDriver();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.tls();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theCaFileAndAClientCertificateDeliverEveryLineOverTls() throws Exception {
        String topic = broker.newTopic("tls");
        KafkaSink sink = driver.open(SinkSpec.kafka(broker.bootstrap(), topic)
                .withTls(TlsSettings.withCa(resource("ca.pem"))
                        .withClientCertificate(resource("client.pem"), resource("client-key.pem"))));
        String expected = SinkDriver.writeAndClose(sink, "tls", 50);

        assertThat(broker.text(topic, 50)).isEqualTo(expected);
        assertThat(driver.delivery.delivered()).isEqualTo(50);
        assertThat(driver.diagnostics).isEmpty();
    }

    @Test
    void withoutTheCaFileTheBrokersCertificateIsNotTrusted() throws Exception {
        String topic = broker.newTopic("tls-untrusted");
        SinkSpec.Kafka spec = SinkSpec.kafka(broker.bootstrap(), topic)
                .withTls(new TlsSettings(null, resource("client.pem"), resource("client-key.pem"), false));

        assertThatThrownBy(() -> driver.open(spec))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("kafka sink: failed to connect to broker(s) '" + broker.bootstrap() + "': ")
                .hasMessageContaining("SSL handshake failed");
    }

    @Test
    void withoutAClientCertificateTheBrokerRefusesTheConnection() throws Exception {
        String topic = broker.newTopic("tls-anonymous");
        SinkSpec.Kafka spec = SinkSpec.kafka(broker.bootstrap(), topic).withTls(TlsSettings.withCa(resource("ca.pem")));

        assertThatThrownBy(() -> driver.open(spec))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("kafka sink: failed to connect to broker(s) '" + broker.bootstrap() + "': ");
    }
}
