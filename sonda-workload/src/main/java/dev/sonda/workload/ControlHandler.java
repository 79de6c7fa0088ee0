package dev.sonda.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.workload.Workload;
import dev.sonda.engine.workload.LogLevel;
import dev.sonda.engine.workload.WorkloadHandle;
import dev.sonda.engine.workload.WorkloadStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mockingbird's control API for one workload (Mockingbird 0.1.0 {@code control_api.py}), JSON in
 * and out:
 *
 * <ul>
 *   <li>{@code GET /healthz}: {@code {"status": "healthy", "timestamp": seconds}};
 *   <li>{@code GET /status}: {@code uptime_seconds}, {@code tick_count}, {@code active_metrics},
 *       {@code available_metrics}, {@code total_series}, {@code active_spikes} (per metric: {@code
 *       multiplier}, {@code remaining_seconds} with one decimal, {@code duration_s}), {@code
 *       active_scenarios} (always empty), {@code config} ({@code tick_interval_s}, {@code seed}),
 *       and {@code workload} and {@code shard};
 *   <li>{@code POST /control/spike} {@code {"metric", "multiplier", "duration_s"}}: 200 {@code
 *       {"status": "spike_triggered", ...}}, 404 for an unknown metric (the message lists the known
 *       ones), 422 for a missing or mistyped field;
 *   <li>{@code POST /control/reload}: re-reads the definition through the {@link Reloader} and
 *       applies it from the next tick, keeping the series that did not change: 200 {@code
 *       {"status": "config_reloaded", "timestamp"}}, 422 with the problems of an invalid file, 501
 *       when the workload came from no file;
 *   <li>{@code POST /control/loglevel} {@code {"level"}}: 200 {@code {"status":
 *       "log_level_changed", "level", "timestamp"}}, 400 for an unknown level.
 * </ul>
 *
 * A body must be JSON ({@code Content-Type} {@code application/json}, {@code +json}, or none). An
 * unknown path is 404 {@code {"detail": "Not Found"}}, a wrong method 405. Thread-safe.
 */
public final class ControlHandler implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a reload reads the workload's new definition. */
    @FunctionalInterface
    public interface Reloader {
        /**
         * Reads the definition again, such as from the file the run was started with.
         *
         * @param workload the workload's name
         * @return the new definition
         * @throws InvalidScenarioException (or a subclass, such as a parse exception) carrying the
         *     problems of an invalid file
         * @throws Exception if the definition cannot be read
         */
        Workload reload(String workload) throws Exception;
    }

    private final WorkloadHandle workload;
    private final Reloader reloader;

    /**
     * A control API for one workload.
     *
     * @param workload the workload
     * @param reloader where reloads read the definition, or null when there is none (reload
     *     answers 501)
     * @throws NullPointerException if {@code workload} is null
     */
    public ControlHandler(WorkloadHandle workload, Reloader reloader) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.reloader = reloader;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (path) {
                case "/healthz" -> only(x, method, "GET", () -> healthz(x));
                case "/status" -> only(x, method, "GET", () -> status(x));
                case "/control/spike" -> only(x, method, "POST", () -> spike(x));
                case "/control/reload" -> only(x, method, "POST", () -> reload(x));
                case "/control/loglevel" -> only(x, method, "POST", () -> logLevel(x));
                default -> send(x, 404, detail("Not Found"));
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void only(HttpExchange x, String method, String allowed, Action action) throws IOException {
        if (!method.equals(allowed)) {
            x.getResponseHeaders().set("Allow", allowed);
            send(x, 405, detail("Method Not Allowed"));
            return;
        }
        action.run();
    }

    private void healthz(HttpExchange x) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", "healthy");
        o.put("timestamp", now());
        send(x, 200, o);
    }

    private void status(HttpExchange x) throws IOException {
        WorkloadStatus s = workload.status();
        ObjectNode o = JSON.createObjectNode();
        o.put("uptime_seconds", s.uptime().toNanos() / 1e9);
        o.put("tick_count", s.tickCount());
        o.put("active_metrics", s.availableMetrics().size());
        ArrayNode names = o.putArray("available_metrics");
        s.availableMetrics().forEach(names::add);
        o.put("total_series", s.totalSeries());
        ObjectNode spikes = o.putObject("active_spikes");
        for (Map.Entry<String, WorkloadStatus.ActiveSpike> e : s.activeSpikes().entrySet()) {
            ObjectNode sp = spikes.putObject(e.getKey());
            sp.put("multiplier", e.getValue().multiplier());
            sp.put(
                    "remaining_seconds",
                    BigDecimal.valueOf(e.getValue().remaining().toMillis(), 3)
                            .setScale(1, RoundingMode.HALF_EVEN)
                            .doubleValue());
            sp.put("duration_s", e.getValue().duration().toSeconds());
        }
        o.putArray("active_scenarios");
        ObjectNode config = o.putObject("config");
        config.put("tick_interval_s", s.tickInterval().toNanos() / 1e9);
        config.put("seed", s.seed());
        o.put("workload", s.name());
        o.put("shard", s.shard());
        send(x, 200, o);
    }

    private void spike(HttpExchange x) throws IOException {
        JsonNode body = body(x);
        if (body == null) {
            return;
        }
        ArrayNode errors = JSON.createArrayNode();
        String metric = text(body, "metric", errors);
        Double multiplier = number(body, "multiplier", errors);
        Long duration = integer(body, "duration_s", errors);
        if (!errors.isEmpty()) {
            send(x, 422, detail(errors));
            return;
        }
        if (!workload.metrics().contains(metric)) {
            send(
                    x,
                    404,
                    detail("Metric '" + metric + "' not found. Available metrics: "
                            + workload.metrics().stream()
                                    .map(m -> "'" + m + "'")
                                    .toList()));
            return;
        }
        try {
            workload.spike(metric, multiplier, Duration.ofSeconds(duration));
        } catch (IllegalArgumentException e) {
            send(x, 422, detail(e.getMessage()));
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("status", "spike_triggered");
        o.put("metric", metric);
        o.put("multiplier", multiplier);
        o.put("duration_s", duration);
        send(x, 200, o);
    }

    private void reload(HttpExchange x) throws IOException {
        if (reloader == null) {
            send(x, 501, detail("this workload was not started from a file, so there is nothing to re-read"));
            return;
        }
        try {
            workload.reload(reloader.reload(workload.name()));
        } catch (InvalidScenarioException e) {
            ArrayNode problems = JSON.createArrayNode();
            for (Problem p : e.problems()) {
                problems.add(p.toString());
            }
            send(x, 422, detail(problems));
            return;
        } catch (Exception e) {
            send(x, 500, detail("reload failed: " + e.getMessage()));
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("status", "config_reloaded");
        o.put("timestamp", now());
        send(x, 200, o);
    }

    private void logLevel(HttpExchange x) throws IOException {
        JsonNode body = body(x);
        if (body == null) {
            return;
        }
        ArrayNode errors = JSON.createArrayNode();
        String level = text(body, "level", errors);
        if (!errors.isEmpty()) {
            send(x, 422, detail(errors));
            return;
        }
        LogLevel parsed;
        try {
            parsed = LogLevel.parse(level);
        } catch (IllegalArgumentException e) {
            send(x, 400, detail(e.getMessage()));
            return;
        }
        workload.logLevel(parsed);
        ObjectNode o = JSON.createObjectNode();
        o.put("status", "log_level_changed");
        o.put("level", parsed.name());
        o.put("timestamp", now());
        send(x, 200, o);
    }

    // ---- bodies -------------------------------------------------------------------------------

    /** The JSON body, or null after answering 422 (not JSON, or a content type that is not JSON). */
    private static JsonNode body(HttpExchange x) throws IOException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        byte[] bytes = x.getRequestBody().readAllBytes();
        if (type != null && !t.startsWith("application/json") && !t.contains("+json")) {
            send(x, 422, detail("the body must be JSON: send Content-Type: application/json, got " + type));
            return null;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                send(x, 422, detail("the body must be a JSON object"));
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            send(x, 422, detail("the body is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static ObjectNode error(String field, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("loc").add("body").add(field);
        e.put("msg", message);
        return e;
    }

    /** The field's value, or null after recording {@code Field required} when it is absent or null. */
    private static JsonNode required(JsonNode body, String field, ArrayNode errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            errors.add(error(field, "Field required"));
            return null;
        }
        return n;
    }

    private static String text(JsonNode body, String field, ArrayNode errors) {
        JsonNode n = required(body, field, errors);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(error(field, "Input should be a valid string"));
            return null;
        }
        return n.asText();
    }

    private static Double number(JsonNode body, String field, ArrayNode errors) {
        JsonNode n = required(body, field, errors);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(error(field, "Input should be a valid number"));
        return null;
    }

    private static Long integer(JsonNode body, String field, ArrayNode errors) {
        JsonNode n = required(body, field, errors);
        if (n == null) {
            return null;
        }
        try {
            BigDecimal d = n.isNumber()
                    ? n.decimalValue()
                    : n.isTextual() ? new BigDecimal(n.asText().trim()) : null;
            if (d != null) {
                return d.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        errors.add(error(field, "Input should be a valid integer"));
        return null;
    }

    private static ObjectNode detail(String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("detail", message);
        return o;
    }

    private static ObjectNode detail(ArrayNode details) {
        ObjectNode o = JSON.createObjectNode();
        o.set("detail", details);
        return o;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }
}
