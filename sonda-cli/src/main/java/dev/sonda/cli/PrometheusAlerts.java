package dev.sonda.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Alert states from Prometheus' {@code ALERTS} series (Sonda 1.21 {@code verify/prometheus.rs},
 * §3.3): instant queries of {@code ALERTS{alertname="X",k="v"}} ({@code alertstate} left open),
 * the server clock from {@code time()}, and the verdict timeline from a range query.
 */
final class PrometheusAlerts extends HttpAlertSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    PrometheusAlerts(String url, Duration timeout, Http http, LongSupplier wallMillis) {
        super(url, timeout, http, wallMillis);
    }

    @Override
    public String name() {
        return "Prometheus";
    }

    /**
     * The selector of an expectation: {@code ALERTS{alertname="X"[,k="v"...]}}, extra labels in key
     * order, values escaped ({@code \\}, {@code \"}, {@code \n}), keys as they are.
     */
    static String selector(AlertExpectations.Expectation e) {
        StringBuilder b = new StringBuilder("ALERTS{alertname=\"")
                .append(escape(e.alert()))
                .append('"');
        e.labels()
                .forEach((k, v) ->
                        b.append(',').append(k).append("=\"").append(escape(v)).append('"'));
        return b.append('}').toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public AlertVerdicts.Probe probe(AlertExpectations.Expectation e) throws QueryException {
        JsonNode data = query("/api/v1/query", "query=" + AlertSource.encode(selector(e)));
        List<Map<String, String>> firing = new ArrayList<>();
        boolean any = false;
        for (JsonNode s : data.path("result")) {
            any = true;
            if ("firing".equals(s.path("metric").path("alertstate").asText())) {
                firing.add(labels(s.path("metric")));
            }
        }
        AlertVerdicts.State state = !any
                ? AlertVerdicts.State.INACTIVE
                : firing.isEmpty() ? AlertVerdicts.State.PENDING : AlertVerdicts.State.FIRING;
        return new AlertVerdicts.Probe(state, firing, null, false);
    }

    /**
     * The server's clock minus the local clock, in seconds, from the evaluation timestamp of an
     * instant {@code time()} query against the midpoint of the local request.
     */
    @Override
    public double measureOffset(PrintStream err) {
        try {
            long before = wallMillis.getAsLong();
            JsonNode data = query("/api/v1/query", "query=" + AlertSource.encode("time()"));
            long after = wallMillis.getAsLong();
            JsonNode result = data.path("result");
            JsonNode ts = result.isArray() && result.size() > 0 && result.get(0).isNumber()
                    ? result.get(0)
                    : result.path(0).path("value").path(0);
            if (!ts.isNumber()) {
                throw new QueryException("unusable response from " + base + "/api/v1/query: no evaluation timestamp");
            }
            return ts.asDouble() - (before + after) / 2.0 / 1000.0;
        } catch (QueryException e) {
            err.println("  WARN could not measure the server clock (" + e.getMessage()
                    + "); assuming zero offset — verdict times may be skewed by any clock difference");
            return 0;
        }
    }

    /**
     * The verdict timeline of a range query: grid points {@code start + i·step} up to {@code end},
     * each firing if a firing sample is at that millisecond, else pending if a pending one is, else
     * inactive; {@code at = max(0, point - anchor)}.
     *
     * @param start range start, server unix seconds
     * @param end range end, server unix seconds
     * @param step grid step
     * @param anchor the anchor (scenario start or end), server unix seconds
     * @return the observations and the label sets of the firing series
     * @throws QueryException when the query fails or the result is not a matrix
     */
    Timeline range(AlertExpectations.Expectation e, double start, double end, Duration step, double anchor)
            throws QueryException {
        double stepSecs = step.toNanos() / 1e9;
        JsonNode data = query(
                "/api/v1/query_range",
                "query=" + AlertSource.encode(selector(e)) + "&start=" + fixed(start) + "&end=" + fixed(end) + "&step="
                        + fixed(stepSecs));
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new QueryException("unusable response from " + base + "/api/v1/query_range: resultType "
                    + data.path("resultType").asText("missing") + ", expected matrix");
        }
        Map<Long, AlertVerdicts.State> byMillis = new HashMap<>();
        List<Map<String, String>> firing = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            boolean isFiring =
                    "firing".equals(s.path("metric").path("alertstate").asText());
            if (isFiring) {
                Map<String, String> l = labels(s.path("metric"));
                if (!firing.contains(l)) {
                    firing.add(l);
                }
            }
            for (JsonNode v : s.path("values")) {
                long ms = Math.round(v.path(0).asDouble() * 1000);
                AlertVerdicts.State now = isFiring ? AlertVerdicts.State.FIRING : AlertVerdicts.State.PENDING;
                byMillis.merge(ms, now, (a, b) -> a == AlertVerdicts.State.FIRING ? a : b);
            }
        }
        List<AlertVerdicts.Observation> out = new ArrayList<>();
        long points = (long) Math.floor((end - start) / stepSecs + 1e-9);
        for (long i = 0; i <= points; i++) {
            double point = start + i * stepSecs;
            AlertVerdicts.State s = byMillis.getOrDefault(Math.round(point * 1000), AlertVerdicts.State.INACTIVE);
            out.add(AlertVerdicts.Observation.of(Duration.ofNanos(Math.round(Math.max(0, point - anchor) * 1e9)), s));
        }
        return new Timeline(out, firing);
    }

    /** A range query's verdict timeline and its firing label sets. */
    record Timeline(List<AlertVerdicts.Observation> observations, List<Map<String, String>> firing) {}

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private JsonNode query(String path, String params) throws QueryException {
        String endpoint = base + path;
        Response r;
        try {
            r = http.get(endpoint + "?" + params, timeout);
        } catch (IOException e) {
            throw new QueryException("query against " + endpoint + " failed: " + AlertSource.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("query against " + endpoint + " failed: interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new QueryException(
                    "unusable response from " + endpoint + ": HTTP " + r.status() + ", body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new QueryException("unusable response from " + endpoint + ": HTTP " + r.status());
        }
        String status = body.path("status").asText();
        if (!"success".equals(status)) {
            String why = body.path("error").asText("");
            throw new QueryException("query returned status \"" + status + "\"" + (why.isEmpty() ? "" : ": " + why));
        }
        return body.path("data");
    }

    static Map<String, String> labels(JsonNode metric) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }
}
