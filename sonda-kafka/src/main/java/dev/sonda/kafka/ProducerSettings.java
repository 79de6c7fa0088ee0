package dev.sonda.kafka;

import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The kafka-clients producer configuration of a {@code kafka} sink spec. Reads the TLS files (so
 * their errors surface when the sink is created) and writes the two warnings of the reference to
 * the diagnostics.
 */
final class ProducerSettings {
    /** Default {@code delivery_timeout}: 30 seconds. */
    static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** Default {@code client_id}: {@value}. */
    static final String DEFAULT_CLIENT_ID = "sonda";

    /** The warning of Sonda 1.20 when SASL runs without TLS. */
    static final String PLAINTEXT_SASL_WARNING = "WARNING: kafka sink: SASL authentication is configured without TLS"
            + " \u2014 credentials will be sent in plaintext over the network";

    private ProducerSettings() {}

    /**
     * The producer configuration.
     *
     * <ul>
     *   <li>{@code bootstrap.servers}: the trimmed broker list; byte-array key and value serializers;
     *   <li>{@code acks} ({@code all} by default) and {@code enable.idempotence} true only with
     *       {@code acks: all} (kafka-clients refuses idempotence otherwise);
     *   <li>{@code compression.type} ({@code none}), {@code client.id} ({@code sonda}), {@code
     *       linger.ms} 0 (the sink batches itself and waits for each send);
     *   <li>{@code delivery.timeout.ms} and {@code max.block.ms}: the delivery timeout; {@code
     *       request.timeout.ms}: the smaller of it and 30 s;
     *   <li>{@code security.protocol}: {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or
     *       {@code SASL_SSL}; with a CA file {@code ssl.truststore.type=PEM} and the certificates
     *       inline in {@code ssl.truststore.certificates}; with a client certificate {@code
     *       ssl.keystore.type=PEM}, {@code ssl.keystore.certificate.chain} and {@code
     *       ssl.keystore.key}; with SASL {@code sasl.mechanism} and a {@code sasl.jaas.config} for
     *       the PLAIN or SCRAM login module;
     *   <li>then every entry of {@code properties}, which may override any of the above.
     * </ul>
     *
     * @param spec the sink spec, validated
     * @param diagnostics receives the warning of SASL without TLS
     * @return the configuration, in the order set
     * @throws dev.sonda.engine.sink.SinkException if a TLS file cannot be read or holds no usable
     *     certificate or key (see {@link PemFiles})
     */
    static Map<String, Object> of(SinkSpec.Kafka spec, Consumer<String> diagnostics) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", spec.brokerList()));
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        SinkSpec.Kafka.Acks acks = spec.acks() == null ? SinkSpec.Kafka.Acks.ALL : spec.acks();
        c.put(ProducerConfig.ACKS_CONFIG, acks.yamlName());
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(acks == SinkSpec.Kafka.Acks.ALL));
        c.put(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                spec.compression() == null ? "none" : spec.compression().yamlName());
        c.put(ProducerConfig.CLIENT_ID_CONFIG, spec.clientId() == null ? DEFAULT_CLIENT_ID : spec.clientId());
        c.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        long timeoutMs = Math.max(1, deliveryTimeout(spec).toMillis());
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeoutMs, Integer.MAX_VALUE)));
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeoutMs, 30_000)));
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));

        TlsSettings tls = spec.tls();
        boolean tlsOn = tls != null;
        KafkaSasl sasl = spec.sasl();
        String protocol = sasl == null ? (tlsOn ? "SSL" : "PLAINTEXT") : (tlsOn ? "SASL_SSL" : "SASL_PLAINTEXT");
        c.put("security.protocol", protocol);
        if (tlsOn) {
            if (tls.caFile() != null) {
                c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                c.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, PemFiles.trustAnchors(tls.caFile()));
            }
            if (tls.certFile() != null && tls.keyFile() != null) {
                c.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
                c.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, PemFiles.certificateChain(tls.certFile()));
                c.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, PemFiles.privateKey(tls.keyFile()));
            }
        }
        if (sasl != null) {
            if (!tlsOn) {
                diagnostics.accept(PLAINTEXT_SASL_WARNING);
            }
            c.put(SaslConfigs.SASL_MECHANISM, sasl.mechanism());
            c.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(sasl));
        }
        c.putAll(spec.properties());
        return c;
    }

    /**
     * The delivery timeout of a spec.
     *
     * @param spec the spec
     * @return its {@code delivery_timeout}, or 30 s
     */
    static Duration deliveryTimeout(SinkSpec.Kafka spec) {
        return spec.deliveryTimeout() == null ? DEFAULT_DELIVERY_TIMEOUT : spec.deliveryTimeout();
    }

    /**
     * The {@code sasl.jaas.config} line: the PLAIN or SCRAM login module with the user name and
     * password quoted (backslash and double quote escaped, as the JAAS parser reads them).
     *
     * @param sasl the SASL settings
     * @return such as {@code org.apache.kafka.common.security.plain.PlainLoginModule required
     *     username="u" password="p";}
     */
    static String jaasConfig(KafkaSasl sasl) {
        String module = sasl.mechanism().equals(KafkaSasl.PLAIN)
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=" + quote(sasl.username()) + " password=" + quote(sasl.password()) + ";";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.append('"').toString();
    }
}
