/**
 * The {@code kafka} sink ({@link dev.sonda.kafka.KafkaSink}): an entry's encoded lines produced to
 * a Kafka topic with kafka-clients, found through {@link java.util.ServiceLoader} when this module
 * is on the class path (the {@code sonda} command includes it).
 */
package dev.sonda.kafka;
