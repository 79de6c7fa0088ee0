package dev.sonda.api.sink;

import dev.sonda.api.DurationText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts the {@code kafka} sink's keys between {@link SinkSpec.Kafka}'s typed components and plain
 * YAML values (the {@code options} map of the record's first version). Not API.
 */
final class KafkaOptions {
    private KafkaOptions() {}

    static TlsSettings tls(Map<String, Object> options) {
        Map<String, Object> m = map(options, "tls");
        if (m == null) {
            return null;
        }
        Object enabled = m.get("enabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw shape("tls.enabled", "true or false", enabled);
        }
        if (!Boolean.TRUE.equals(enabled)) {
            return null;
        }
        String ca = text(m, "tls.", "ca_cert");
        return new TlsSettings(
                ca == null ? text(m, "tls.", "ca_file") : ca,
                text(m, "tls.", "cert_file"),
                text(m, "tls.", "key_file"),
                false);
    }

    static KafkaSasl sasl(Map<String, Object> options) {
        Map<String, Object> m = map(options, "sasl");
        if (m == null) {
            return null;
        }
        String mechanism = text(m, "sasl.", "mechanism");
        String username = text(m, "sasl.", "username");
        String password = text(m, "sasl.", "password");
        for (String[] k : new String[][] {{"mechanism", mechanism}, {"username", username}, {"password", password}}) {
            if (k[1] == null) {
                throw new IllegalArgumentException("kafka sink key sasl." + k[0] + " is required when sasl is set");
            }
        }
        return new KafkaSasl(mechanism, username, password);
    }

    static String text(Map<String, Object> options, String key) {
        return text(options, "", key);
    }

    private static String text(Map<String, Object> options, String prefix, String key) {
        Object v = options.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Iterable) {
            throw shape(prefix + key, "a text value", v);
        }
        return String.valueOf(v);
    }

    static <E extends Enum<E>> E word(Map<String, Object> options, String key, E[] values, Function<E, String> name) {
        String w = text(options, key);
        if (w == null) {
            return null;
        }
        if (key.equals("acks") && w.equals("-1")) {
            w = "all";
        }
        StringBuilder known = new StringBuilder();
        for (E e : values) {
            if (name.apply(e).equals(w)) {
                return e;
            }
            known.append(known.length() == 0 ? "" : ", ").append(name.apply(e));
        }
        throw new IllegalArgumentException("kafka sink key " + key + " is '" + w + "'; expected one of " + known);
    }

    static Integer integer(Map<String, Object> options, String key) {
        Object v = options.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n
                && n.longValue() == n.doubleValue()
                && n.longValue() >= Integer.MIN_VALUE
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw shape(key, "an integer", v);
    }

    static Duration duration(Map<String, Object> options, String key) {
        String t = text(options, key);
        return t == null ? null : DurationText.parse(t);
    }

    static Map<String, String> textMap(Map<String, Object> options, String key) {
        Map<String, Object> m = map(options, key);
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, text(m, key + ".", k)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> options, String key) {
        Object v = options.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw shape(key, "a mapping", v);
        }
        for (Object k : ((Map<?, ?>) v).keySet()) {
            if (!(k instanceof String)) {
                throw shape(key, "a mapping with text keys", v);
            }
        }
        return (Map<String, Object>) v;
    }

    private static IllegalArgumentException shape(String key, String expected, Object found) {
        return new IllegalArgumentException("kafka sink key " + key + ": expected " + expected + ", found " + found);
    }

    /** The plain YAML values of the keys beyond brokers, topic, max_buffer_age and retry. */
    static Map<String, Object> write(SinkSpec.Kafka k) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (k.tls() != null) {
            TlsSettings t = k.tls();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", true);
            putIfSet(m, "ca_cert", t.caFile());
            putIfSet(m, "cert_file", t.certFile());
            putIfSet(m, "key_file", t.keyFile());
            if (t.insecureSkipVerify()) {
                m.put("insecure_skip_verify", true);
            }
            out.put("tls", m);
        }
        if (k.sasl() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mechanism", k.sasl().mechanism());
            m.put("username", k.sasl().username());
            m.put("password", KafkaSasl.REDACTED);
            out.put("sasl", m);
        }
        putIfSet(out, "key", k.key());
        putIfSet(out, "record_per", k.recordPer() == null ? null : k.recordPer().yamlName());
        putIfSet(out, "acks", k.acks() == null ? null : k.acks().yamlName());
        putIfSet(
                out,
                "compression",
                k.compression() == null ? null : k.compression().yamlName());
        putIfSet(out, "client_id", k.clientId());
        putIfSet(out, "partition", k.partition() == null ? null : Long.valueOf(k.partition()));
        putIfSet(out, "delivery_timeout", k.deliveryTimeout() == null ? null : exactText(k.deliveryTimeout()));
        if (!k.properties().isEmpty()) {
            out.put("properties", new java.util.TreeMap<>(k.properties()));
        }
        return out;
    }

    /** A duration as text that {@link DurationText#parse} reads back exactly (to the nanosecond). */
    static String exactText(Duration d) {
        if (d.getNano() == 0) {
            return d.getSeconds() + "s";
        }
        java.math.BigDecimal millis = new java.math.BigDecimal(d.getSeconds())
                .multiply(java.math.BigDecimal.valueOf(1000))
                .add(java.math.BigDecimal.valueOf(d.getNano(), 6))
                .stripTrailingZeros();
        return millis.toPlainString() + "ms";
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
