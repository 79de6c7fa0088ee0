package dev.sonda.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Alert states from Alertmanager's {@code GET /api/v2/alerts} (Sonda 1.21 {@code
 * verify/alertmanager.rs}, §3.4). An alert counts as firing when its labels match, its state is
 * {@code active}, {@code suppressed} or {@code unprocessed} (active when missing), and its {@code
 * endsAt} is unset or after now on Alertmanager's clock. There is never a pending state here.
 */
final class AlertmanagerAlerts extends HttpAlertSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile double offset;

    AlertmanagerAlerts(String url, Duration timeout, Http http, LongSupplier wallMillis) {
        super(url, timeout, http, wallMillis);
    }

    @Override
    public String name() {
        return "Alertmanager";
    }

    /** A {@code filter} matcher, {@code k="v"}, its value escaped ({@code \\ \" \n \r \t}) then percent-encoded. */
    static String filter(String key, String value) {
        String v = value.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t");
        return "filter=" + AlertSource.encode(key + "=\"" + v + "\"");
    }

    /** The request of an expectation: one {@code filter} per matcher, alertname first. */
    String request(AlertExpectations.Expectation e) {
        StringBuilder b = new StringBuilder(base).append("/api/v2/alerts?").append(filter("alertname", e.alert()));
        e.labels().forEach((k, v) -> b.append('&').append(filter(k, v)));
        return b.toString();
    }

    @Override
    public AlertVerdicts.Probe probe(AlertExpectations.Expectation e) throws QueryException {
        JsonNode alerts = get(request(e)).body();
        if (!alerts.isArray()) {
            throw new QueryException("unusable response from " + base + "/api/v2/alerts: not a JSON array");
        }
        double now = wallMillis.getAsLong() / 1000.0 + offset;
        List<Map<String, String>> matched = new ArrayList<>();
        Double earliest = null;
        boolean suppressed = false;
        for (JsonNode a : alerts) {
            Map<String, String> labels = PrometheusAlerts.labels(a.path("labels"));
            if (!e.alert().equals(labels.get("alertname"))) {
                continue;
            }
            if (!e.labels().entrySet().stream().allMatch(x -> x.getValue().equals(labels.get(x.getKey())))) {
                continue;
            }
            String state = a.path("status").path("state").asText("active");
            if (!state.equals("active") && !state.equals("suppressed") && !state.equals("unprocessed")) {
                continue;
            }
            Double ends = instant(a.path("endsAt").asText(""));
            if (ends != null && ends <= now) {
                continue;
            }
            matched.add(labels);
            suppressed |= state.equals("suppressed");
            Double starts = instant(a.path("startsAt").asText(""));
            if (starts != null && (earliest == null || starts < earliest)) {
                earliest = starts;
            }
        }
        return new AlertVerdicts.Probe(
                matched.isEmpty() ? AlertVerdicts.State.INACTIVE : AlertVerdicts.State.FIRING,
                matched,
                earliest,
                suppressed);
    }

    /** An RFC 3339 stamp as unix seconds; null when empty, Go's zero time, or unparseable. */
    static Double instant(String text) {
        if (text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            return t.toEpochSecond() + t.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Alertmanager's clock minus the local clock, in seconds, from the {@code Date} header of a
     * request filtered to no alert (1 s resolution).
     */
    @Override
    public double measureOffset(PrintStream err) {
        try {
            long before = wallMillis.getAsLong();
            Response r = raw(base + "/api/v2/alerts?" + filter("alertname", "sonda-clock-probe"));
            long after = wallMillis.getAsLong();
            if (r.date() == null) {
                throw new QueryException("no Date header in the response");
            }
            ZonedDateTime server = ZonedDateTime.parse(r.date(), DateTimeFormatter.RFC_1123_DATE_TIME);
            offset = server.toEpochSecond() - (before + after) / 2.0 / 1000.0;
            return offset;
        } catch (QueryException | DateTimeParseException e) {
            err.println("  WARN could not measure the Alertmanager clock (" + e.getMessage()
                    + "); assuming zero offset — firing times refined from `startsAt` may be skewed by any clock"
                    + " difference");
            offset = 0;
            return 0;
        }
    }

    private record Parsed(JsonNode body) {}

    private Parsed get(String request) throws QueryException {
        Response r = raw(request);
        if (r.status() / 100 != 2) {
            throw new QueryException("unusable response from " + base + "/api/v2/alerts: HTTP " + r.status());
        }
        try {
            return new Parsed(JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new QueryException("unusable response from " + base + "/api/v2/alerts: body is not JSON");
        }
    }

    private Response raw(String request) throws QueryException {
        try {
            return http.get(request, timeout);
        } catch (IOException e) {
            throw new QueryException("query against " + base + "/api/v2/alerts failed: " + AlertSource.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("query against " + base + "/api/v2/alerts failed: interrupted");
        }
    }
}
