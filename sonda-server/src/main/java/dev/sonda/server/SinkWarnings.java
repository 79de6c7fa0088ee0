package dev.sonda.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.SignalType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The advisories a launch or an event gets in its {@code warnings} array (Sonda 1.20 {@code
 * routes/sink_warnings.rs}, sinks-cli-server §4.6.5): a sink aimed at a loopback host, and a Loki
 * sink whose dynamic labels make more streams than one push may carry. They never block anything.
 */
final class SinkWarnings {
    private static final long LCM_CAP = 1_000_000L;

    private SinkWarnings() {}

    /**
     * The loopback warnings of one sink.
     *
     * @param entryName the entry's name ({@code events.logs} / {@code events.metrics} for events)
     * @param sink the sink block as its provider writes it
     * @param secrets masks credentials in the quoted address
     */
    static List<String> loopback(String entryName, ObjectNode sink, Secrets secrets) {
        String type = sink.path("type").asText();
        List<String> targets = new ArrayList<>();
        switch (type) {
            case "http_push", "loki", "remote_write" -> add(targets, sink.get("url"));
            case "otlp_grpc" -> add(targets, sink.get("endpoint"));
            case "tcp", "udp" -> add(targets, sink.get("address"));
            case "kafka" -> {
                JsonNode b = sink.get("brokers");
                if (b != null && b.isTextual()) {
                    for (String broker : b.asText().split(",")) {
                        targets.add(broker.trim());
                    }
                } else if (b != null && b.isArray()) {
                    b.forEach(x -> targets.add(x.asText()));
                }
            }
            default -> {
                // a plug-in: check the keys the built-ins use
                add(targets, sink.get("url"));
                add(targets, sink.get("endpoint"));
                add(targets, sink.get("address"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String target : targets) {
            if (isLoopback(host(target))) {
                out.add("scenario entry '" + entryName + "' sink `" + type + "` targets `" + secrets.redact(target)
                        + "` — this host resolves to the sonda-server container's own loopback, not your host."
                        + " Use a Docker Compose service name (e.g. `victoriametrics:8428`) or a Kubernetes"
                        + " Service DNS name instead. See docs/deployment/endpoints.md.");
            }
        }
        return out;
    }

    /** The Loki stream-count warning of a logs entry, or null. */
    static String lokiStreams(String entryName, SignalType signal, List<DynamicLabel> labels, ObjectNode sink) {
        if (signal != SignalType.LOGS
                || labels.isEmpty()
                || !"loki".equals(sink.path("type").asText())) {
            return null;
        }
        long cap = sink.path("max_streams_per_push").asLong(128);
        BigInteger lcm = BigInteger.ONE;
        boolean unknown = false;
        for (DynamicLabel d : labels) {
            long c = d.values().isEmpty() ? d.cardinality() : d.values().size();
            if (c <= 0) {
                continue;
            }
            BigInteger v = BigInteger.valueOf(c);
            lcm = lcm.divide(lcm.gcd(v)).multiply(v);
            if (lcm.compareTo(BigInteger.valueOf(LCM_CAP)) > 0) {
                unknown = true;
                break;
            }
        }
        if (!unknown && lcm.longValue() <= cap) {
            return null;
        }
        String count = unknown ? "more than " + LCM_CAP + " distinct" : "up to " + lcm + " distinct";
        String keys = labels.stream().map(DynamicLabel::key).collect(Collectors.joining(", "));
        return "scenario entry '" + entryName + "' will produce " + count + " Loki streams (dynamic_labels: " + keys
                + "), exceeding max_streams_per_push (" + cap + "). Either raise max_streams_per_push, reduce"
                + " dynamic_labels cardinality, or reduce batch_size so each flush stays under the cap.";
    }

    private static void add(List<String> out, JsonNode n) {
        if (n != null && n.isTextual()) {
            out.add(n.asText());
        }
    }

    /** The host of a URL or address: no scheme, path, user or port; brackets of IPv6 dropped. */
    static String host(String target) {
        String s = target;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        for (char c : new char[] {'/', '?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(1, end) : s.substring(1);
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0 && s.indexOf(':') == colon) {
            s = s.substring(0, colon);
        }
        return s;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1");
    }
}
