package dev.sonda.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sonda.api.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code expect:} block of a scenario file, which {@code sonda test} verifies (Sonda 1.21 {@code
 * verify/mod.rs}, §3.1). The compiler and the runtime ignore it.
 *
 * <pre>{@code
 * expect:
 *   alerts:
 *     - alert: HighCpuUsage        # required, not empty; matched against alertname
 *       labels: {severity: critical} # optional extra equality matchers
 *       firing_within: 90s         # required; deadline from the scenario's start
 *       resolves_within: 6m        # optional; deadline from the scenario's end
 * }</pre>
 *
 * <p>Unknown keys are refused at both levels; durations use the strict grammar. Messages are the
 * reference's: {@code invalid expect block: ...}, {@code expect.alerts must list at least one
 * alert}, {@code expect.alerts[].alert must not be empty}.
 */
final class AlertExpectations {
    private static final List<String> TOP = List.of("alerts");
    private static final List<String> ALERT = List.of("alert", "labels", "firing_within", "resolves_within");

    private AlertExpectations() {}

    /**
     * One expected alert.
     *
     * @param alert the alert name ({@code alertname})
     * @param labels extra equality matchers, sorted by key
     * @param firingWithin the deadline from the scenario's start, as written ({@code 90s})
     * @param firing the deadline as a duration
     * @param resolvesWithin the deadline from the scenario's end as written, or null
     * @param resolves the deadline as a duration, or null
     */
    record Expectation(
            String alert,
            Map<String, String> labels,
            String firingWithin,
            Duration firing,
            String resolvesWithin,
            Duration resolves) {
        Expectation {
            Objects.requireNonNull(alert, "alert");
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    /**
     * Reads the {@code expect:} block of a scenario file's text.
     *
     * @param yaml the file's text
     * @param ref the file as the user named it, for messages
     * @return the expectations, at least one
     * @throws CliException (exit 2) with the reference's message when there is no block or it is invalid
     */
    static List<Expectation> read(String yaml, String ref) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new CliException("invalid YAML: " + e.getOriginalMessage(), 2);
        }
        JsonNode expect = root == null ? null : root.get("expect");
        if (expect == null || expect.isNull()) {
            throw new CliException(
                    "scenario " + ref + " has no `expect:` block — nothing to verify. Add one (see the alert-testing"
                            + " guide) or use `sonda run`.",
                    2);
        }
        if (!expect.isObject()) {
            throw invalid("invalid type: " + describe(expect) + ", expected a mapping with `alerts`");
        }
        strict(expect, TOP);
        JsonNode alerts = expect.get("alerts");
        if (alerts == null) {
            throw invalid("missing field `alerts`");
        }
        if (!alerts.isArray()) {
            throw invalid("alerts: invalid type: " + describe(alerts) + ", expected a list");
        }
        if (alerts.isEmpty()) {
            throw new CliException("expect.alerts must list at least one alert", 2);
        }
        List<Expectation> out = new ArrayList<>();
        for (JsonNode a : alerts) {
            out.add(alert(a));
        }
        return List.copyOf(out);
    }

    private static Expectation alert(JsonNode a) {
        if (!a.isObject()) {
            throw invalid(
                    "alerts: invalid type: " + describe(a) + ", expected a mapping with `alert` and `firing_within`");
        }
        strict(a, ALERT);
        String name = text(a, "alert", true);
        if (name.isEmpty()) {
            throw new CliException("expect.alerts[].alert must not be empty", 2);
        }
        Map<String, String> labels = new TreeMap<>();
        JsonNode l = a.get("labels");
        if (l != null && !l.isNull()) {
            if (!l.isObject()) {
                throw invalid("labels: invalid type: " + describe(l) + ", expected a mapping");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw invalid("labels." + e.getKey() + ": invalid type: " + describe(e.getValue())
                            + ", expected a string");
                }
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        String firing = text(a, "firing_within", true);
        String resolves = text(a, "resolves_within", false);
        return new Expectation(
                name,
                labels,
                firing,
                duration("firing_within", firing),
                resolves,
                resolves == null ? null : duration("resolves_within", resolves));
    }

    private static void strict(JsonNode node, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw invalid("unknown field `" + key + "`, expected "
                        + (allowed.size() == 1
                                ? "`" + allowed.get(0) + "`"
                                : "one of "
                                        + String.join(
                                                ", ",
                                                allowed.stream()
                                                        .map(k -> "`" + k + "`")
                                                        .toList())));
            }
        }
    }

    private static String text(JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("missing field `" + key + "`");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw invalid(key + ": invalid type: " + describe(v) + ", expected a string");
        }
        return v.asText();
    }

    private static Duration duration(String key, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(key + ": " + e.getMessage());
        }
    }

    private static String describe(JsonNode n) {
        return n.isArray()
                ? "a list"
                : n.isObject() ? "a mapping" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "a string";
    }

    private static CliException invalid(String message) {
        return new CliException("invalid expect block: " + message, 2);
    }
}
