package dev.sonda.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * kafka-clients' {@link MockProducer} (acknowledging every record at once) that can fail the next
 * sends and remembers the configuration it was built with and every record offered.
 */
final class ScriptedProducer extends MockProducer<byte[], byte[]> {
    final List<ProducerRecord<byte[], byte[]>> attempts = new ArrayList<>();
    Map<String, Object> config;
    List<org.apache.kafka.common.PartitionInfo> partitions;
    int failures;
    RuntimeException failure = new NetworkException("Disconnected from node 1");

    ScriptedProducer() {
        super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Fails the next {@code n} sends with {@link #failure}. */
    ScriptedProducer failNext(int n) {
        failures = n;
        return this;
    }

    @Override
    public List<org.apache.kafka.common.PartitionInfo> partitionsFor(String topic) {
        return partitions == null ? super.partitionsFor(topic) : partitions;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        attempts.add(record);
        if (failures > 0) {
            failures--;
            return CompletableFuture.failedFuture(failure);
        }
        return super.send(record, callback);
    }
}
