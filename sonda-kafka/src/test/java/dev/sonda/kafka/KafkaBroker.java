package dev.sonda.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One in-JVM KRaft Kafka node (broker and controller combined) from kafka-test-common-runtime's
 * {@code KafkaClusterTestKit}, listening on loopback only: about 4 s and 250 MB to start, so a test
 * class starts one and shares it (a fresh topic per test). Optionally behind a {@link TcpProxy}
 * (the broker advertises the proxy's port) or with a SASL/PLAIN listener (users {@value
 * JaasUtils#KAFKA_PLAIN_ADMIN} and {@value JaasUtils#KAFKA_PLAIN_USER1}). The node's broker can be
 * shut down and started again while its controller keeps the cluster's metadata ({@link
 * #stopBrokerNode}, {@link #startBrokerNode}).
 */
final class KafkaBroker implements AutoCloseable {
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final KafkaClusterTestKit cluster;
    private final TcpProxy proxy;
    private final boolean sasl;
    private final boolean tls;
    private final String realBootstrap;

    private KafkaBroker(KafkaClusterTestKit cluster, TcpProxy proxy, boolean sasl, boolean tls, String realBootstrap) {
        this.cluster = cluster;
        this.tls = tls;
        this.proxy = proxy;
        this.sasl = sasl;
        this.realBootstrap = realBootstrap;
    }

    /** A plaintext broker whose clients all go through a {@link TcpProxy}. */
    static KafkaBroker proxied() throws Exception {
        return start(false, true, false, Map.of());
    }

    /**
     * A {@link #proxied()} broker made to restart quickly: heartbeats every 0.5 s and a 2 s broker
     * session (defaults 2 s and 9 s). A restarted broker registers anew and the controller refuses
     * that while the old registration's session lives, so the default would hold {@link
     * #startBrokerNode} for about 9 s.
     */
    static KafkaBroker restartable() throws Exception {
        return start(
                false, true, false, Map.of("broker.heartbeat.interval.ms", "500", "broker.session.timeout.ms", "2000"));
    }

    /** A broker whose listener wants SASL/PLAIN. */
    static KafkaBroker sasl() throws Exception {
        return start(true, false, false, Map.of());
    }

    /**
     * A broker whose client listener is TLS with the certificate {@code tls/server.pem} (for
     * localhost, signed by {@code tls/ca.pem}) and wants a client certificate signed by the same
     * CA. The test kit only offers PLAINTEXT and SASL_PLAINTEXT listeners, so the listener's
     * protocol is mapped to SSL through the broker configuration.
     */
    static KafkaBroker tls() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        props.put("ssl.keystore.type", "PEM");
        props.put("ssl.keystore.certificate.chain", PemFiles.certificateChain(resource("server.pem")));
        props.put("ssl.keystore.key", PemFiles.privateKey(resource("server-key.pem")));
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.certificates", PemFiles.trustAnchors(resource("ca.pem")));
        props.put("ssl.client.auth", "required");
        return start(false, false, true, props);
    }

    /** The path of a file under {@code src/test/resources/tls}. */
    static String resource(String name) {
        try {
            return java.nio.file.Path.of(
                            KafkaBroker.class.getResource("/tls/" + name).toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaBroker start(boolean sasl, boolean proxied, boolean tls, Map<String, String> extra)
            throws Exception {
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1);
        if (sasl) {
            // the controller's listener too: the authorizer lets only the super user in
            nodes.setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
        }
        java.util.concurrent.atomic.AtomicReference<KafkaClusterTestKit> built =
                new java.util.concurrent.atomic.AtomicReference<>();
        // the broker's own port is known once it listens; the proxy asks for it per connection
        TcpProxy proxy = proxied ? new TcpProxy(() -> port(built.get().bootstrapServers())) : null;
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "1")
                // records carry the run's (simulated) clock, years in the past: never expire them
                .setConfigProp("log.retention.ms", "-1");
        extra.forEach(builder::setConfigProp);
        if (proxied) {
            builder.setConfigProp("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
        }
        KafkaClusterTestKit cluster = builder.build();
        built.set(cluster);
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaBroker(cluster, proxy, sasl, tls, cluster.bootstrapServers());
    }

    private static int port(String bootstrap) {
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    /** The address a sink bootstraps from: the proxy when there is one. */
    String bootstrap() {
        return proxy == null ? realBootstrap : "127.0.0.1:" + proxy.port();
    }

    TcpProxy proxy() {
        return proxy;
    }

    private BrokerServer brokerNode() {
        return cluster.brokers().values().iterator().next();
    }

    /**
     * Shuts the node's broker down (controlled shutdown, then its listener, request handlers and
     * log manager stop; every client connection is closed) and returns once it is down. The
     * controller, the metadata log and the topics' log directory stay.
     */
    void stopBrokerNode() {
        BrokerServer node = brokerNode();
        node.shutdown();
        node.awaitShutdown();
    }

    /**
     * Starts the node's broker again on the same log directory and listener port, and returns once
     * the controller has registered and unfenced it (with {@link #restartable()}, about 2 s).
     * Does nothing when it runs.
     */
    void startBrokerNode() {
        BrokerServer node = brokerNode();
        if (node.isShutdown()) {
            node.startup();
        }
    }

    /** A new topic of one partition, unique within the JVM. */
    String newTopic(String prefix) throws Exception {
        return newTopic(prefix, 1);
    }

    /** A new topic with {@code partitions} partitions. */
    String newTopic(String prefix, int partitions) throws Exception {
        String topic = prefix + "-" + TOPICS.incrementAndGet();
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
        return topic;
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap());
        if (tls) {
            c.put("security.protocol", "SSL");
            c.put("ssl.truststore.type", "PEM");
            c.put("ssl.truststore.certificates", PemFiles.trustAnchors(resource("ca.pem")));
            c.put("ssl.keystore.type", "PEM");
            c.put("ssl.keystore.certificate.chain", PemFiles.certificateChain(resource("client.pem")));
            c.put("ssl.keystore.key", PemFiles.privateKey(resource("client-key.pem")));
        }
        if (sasl) {
            c.put("security.protocol", "SASL_PLAINTEXT");
            c.put("sasl.mechanism", "PLAIN");
            c.put(
                    "sasl.jaas.config",
                    ProducerSettings.jaasConfig(dev.sonda.api.sink.KafkaSasl.plain(
                            JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD)));
        }
        return c;
    }

    /**
     * Every record of partition {@code partition} of {@code topic}, from the start to its end
     * offset, waiting (at most 30 s) until the records hold at least {@code atLeastLines} lines.
     */
    List<ConsumerRecord<byte[], byte[]>> records(String topic, int partition, int atLeastLines) {
        Map<String, Object> c = clientConfig();
        c.put("enable.auto.commit", "false");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            while (System.nanoTime() < deadline) {
                long end = consumer.endOffsets(Set.of(tp)).get(tp);
                while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).records(tp).forEach(out::add);
                }
                if (lineCount(out) >= atLeastLines) {
                    return out;
                }
                consumer.poll(Duration.ofMillis(100)).records(tp).forEach(out::add);
            }
        }
        return out;
    }

    /** The values of {@link #records} concatenated, as UTF-8 text. */
    String text(String topic, int atLeastLines) {
        StringBuilder sb = new StringBuilder();
        records(topic, 0, atLeastLines)
                .forEach(r -> sb.append(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static long lineCount(List<ConsumerRecord<byte[], byte[]>> records) {
        long n = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            for (byte b : r.value()) {
                n += b == '\n' ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("closing the test broker failed", e);
        } finally {
            if (proxy != null) {
                try {
                    proxy.close();
                } catch (IOException e) {
                    // closing a server socket twice is harmless
                }
            }
        }
    }
}
