package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.cli.AlertExpectations.Expectation;
import dev.sonda.cli.AlertSource.Response;
import dev.sonda.cli.AlertVerdicts.Observation;
import dev.sonda.cli.AlertVerdicts.State;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Prometheus and Alertmanager acquisition (§3.3, §3.4) against canned HTTP answers shaped as the
 * Prometheus 2.42 and Alertmanager 0.25 APIs answer (their documented JSON).
 */
class AlertSourcesTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final Expectation CPU = new Expectation(
            "HighCpuUsage", Map.of("zone", "eu\"1", "host", "a\\b"), "90s", Duration.ofSeconds(90), null, null);

    private final List<String> requests = new ArrayList<>();

    private AlertSource.Http http(Function<String, Response> answer) {
        return (url, timeout) -> {
            requests.add(URLDecoder.decode(url, StandardCharsets.UTF_8));
            Response r = answer.apply(url);
            if (r == null) {
                throw new ConnectException("Connection refused");
            }
            return r;
        };
    }

    private static Response ok(String json) {
        return new Response(200, json, "Tue, 01 Dec 2026 10:00:05 GMT");
    }

    private static String vector(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", series)
                + "]}}";
    }

    private static String alert(String state, String extra) {
        return "{\"metric\":{\"__name__\":\"ALERTS\",\"alertname\":\"HighCpuUsage\",\"alertstate\":\"" + state + "\""
                + extra + "},\"value\":[1796000000.5,\"1\"]}";
    }

    @Test
    void thePrometheusSelectorSortsExtraLabelsAndEscapesValues() {
        assertThat(PrometheusAlerts.selector(CPU))
                .isEqualTo("ALERTS{alertname=\"HighCpuUsage\",host=\"a\\\\b\",zone=\"eu\\\"1\"}");
    }

    @Test
    void anInstantQueryIsInactiveWhenEmptyPendingWithoutFiringSeriesAndFiringWithOne() throws Exception {
        String[] body = {vector()};
        var p = new PrometheusAlerts("http://prom:9090/", T, http(u -> ok(body[0])), () -> 0L);

        assertThat(p.probe(CPU).state()).isEqualTo(State.INACTIVE);
        body[0] = vector(alert("pending", ""));
        assertThat(p.probe(CPU).state()).isEqualTo(State.PENDING);
        body[0] = vector(alert("pending", ""), alert("firing", ",\"instance\":\"i1\""));
        var firing = p.probe(CPU);

        assertThat(firing.state()).isEqualTo(State.FIRING);
        assertThat(firing.firing()).singleElement().satisfies(l -> assertThat(l).containsEntry("instance", "i1"));
        assertThat(requests.get(0))
                .isEqualTo("http://prom:9090/api/v1/query?query=ALERTS{alertname=\"HighCpuUsage\",host=\"a\\\\b\","
                        + "zone=\"eu\\\"1\"}");
    }

    @Test
    void prometheusQueryFailuresUseTheReferencesMessages() {
        var refused = new PrometheusAlerts("http://127.0.0.1:9", T, http(u -> null), () -> 0L);
        var error = new PrometheusAlerts(
                "http://p",
                T,
                http(u -> new Response(400, "{\"status\":\"error\",\"error\":\"parse error\"}", null)),
                () -> 0L);
        var html = new PrometheusAlerts("http://p", T, http(u -> new Response(502, "<html>", null)), () -> 0L);

        assertThatThrownBy(() -> refused.probe(CPU))
                .hasMessage("query against http://127.0.0.1:9/api/v1/query failed: connection refused");
        assertThatThrownBy(() -> error.probe(CPU)).hasMessage("query returned status \"error\": parse error");
        assertThatThrownBy(() -> html.probe(CPU))
                .hasMessage("unusable response from http://p/api/v1/query: HTTP 502, body is not JSON");
    }

    @Test
    void theServerClockOffsetIsTheEvaluationTimeMinusTheLocalMidpoint() {
        long[] wall = {1_796_000_000_000L};
        var p = new PrometheusAlerts(
                "http://p",
                T,
                http(u -> {
                    wall[0] += 200; // the request takes 200 ms
                    return ok("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1796000003.1,"
                            + "\"1796000003.1\"]}}");
                }),
                () -> wall[0]);

        double offset = p.measureOffset(new PrintStream(new ByteArrayOutputStream()));

        assertThat(offset).isCloseTo(1796000003.1 - 1796000000.1, within(1e-6));
        assertThat(requests.get(0)).isEqualTo("http://p/api/v1/query?query=time()");
    }

    @Test
    void anUnmeasurableClockWarnsAndAssumesZero() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var p = new PrometheusAlerts("http://127.0.0.1:9", T, http(u -> null), () -> 0L);

        assertThat(p.measureOffset(new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("  WARN could not measure the server clock (query against http://127.0.0.1:9/api/v1/query"
                        + " failed: connection refused); assuming zero offset — verdict times may be skewed by any"
                        + " clock difference\n");
    }

    @Test
    void aRangeQueryBecomesOneObservationPerGridPoint() throws Exception {
        String matrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"alertname\":\"HighCpuUsage\",\"alertstate\":\"pending\"},\"values\":[[1010,\"1\"],"
                + "[1015,\"1\"],[1020,\"1\"]]},"
                + "{\"metric\":{\"alertname\":\"HighCpuUsage\",\"alertstate\":\"firing\",\"instance\":\"i\"},"
                + "\"values\":[[1020,\"1\"],[1025,\"1\"]]}]}}";
        var p = new PrometheusAlerts("http://p", T, http(u -> ok(matrix)), () -> 0L);

        var t = p.range(CPU, 1000.0, 1027.5, Duration.ofSeconds(5), 1002.0);

        assertThat(t.observations())
                .containsExactly(
                        Observation.of(Duration.ZERO, State.INACTIVE),
                        Observation.of(Duration.ofSeconds(3), State.INACTIVE),
                        Observation.of(Duration.ofSeconds(8), State.PENDING),
                        Observation.of(Duration.ofSeconds(13), State.PENDING),
                        Observation.of(Duration.ofSeconds(18), State.FIRING),
                        Observation.of(Duration.ofSeconds(23), State.FIRING));
        assertThat(t.firing())
                .containsExactly(Map.of("alertname", "HighCpuUsage", "alertstate", "firing", "instance", "i"));
        assertThat(requests.get(0))
                .endsWith(
                        "/api/v1/query_range?query=ALERTS{alertname=\"HighCpuUsage\",host=\"a\\\\b\",zone=\"eu\\\"1\"}"
                                + "&start=1000.000&end=1027.500&step=5.000");
    }

    @Test
    void aRangeResultThatIsNotAMatrixIsRefused() {
        var p = new PrometheusAlerts("http://p", T, http(u -> ok(vector())), () -> 0L);

        assertThatThrownBy(() -> p.range(CPU, 0, 10, Duration.ofSeconds(5), 0))
                .hasMessage("unusable response from http://p/api/v1/query_range: resultType vector, expected matrix");
    }

    @Test
    void alertmanagerFiltersAreEscapedThenPercentEncodedAlertnameFirst() throws Exception {
        var am = new AlertmanagerAlerts("http://am:9093", T, http(u -> ok("[]")), () -> 0L);

        assertThat(am.probe(CPU).state()).isEqualTo(State.INACTIVE);
        assertThat(am.request(CPU))
                .isEqualTo("http://am:9093/api/v2/alerts?filter=alertname%3D%22HighCpuUsage%22"
                        + "&filter=host%3D%22a%5C%5Cb%22&filter=zone%3D%22eu%5C%221%22");
    }

    @Test
    void anAlertmanagerAlertFiresOnlyWhenItsLabelsStateAndEndsAtQualify() throws Exception {
        long now = 1_796_000_000_000L; // 2026-11-30T... in ms
        String labels = "\"labels\":{\"alertname\":\"HighCpuUsage\",\"host\":\"a\\\\b\",\"zone\":\"eu\\\"1\"}";
        String future = "2027-01-01T00:00:00Z";
        String body = "["
                + "{" + labels + ",\"status\":{\"state\":\"active\"},\"startsAt\":\"2026-11-29T17:33:10.5Z\","
                + "\"endsAt\":\"2020-01-01T00:00:00Z\"},"
                + "{\"labels\":{\"alertname\":\"HighCpuUsage\",\"host\":\"other\"},\"status\":{\"state\":\"active\"}},"
                + "{" + labels + ",\"status\":{\"state\":\"resolved\"},\"endsAt\":\"" + future + "\"}"
                + "]";
        var am = new AlertmanagerAlerts("http://am", T, http(u -> ok(body)), () -> now);
        assertThat(am.probe(CPU).state()).as("ended, wrong labels, resolved").isEqualTo(State.INACTIVE);

        String firing = "["
                + "{" + labels + ",\"status\":{\"state\":\"suppressed\"},\"startsAt\":\"2026-11-29T17:33:20Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\"},"
                + "{" + labels + ",\"startsAt\":\"2026-11-29T17:33:10.5Z\",\"endsAt\":\"" + future + "\"}"
                + "]";
        var am2 = new AlertmanagerAlerts("http://am", T, http(u -> ok(firing)), () -> now);
        var p = am2.probe(CPU);

        assertThat(p.state()).isEqualTo(State.FIRING);
        assertThat(p.suppressed()).isTrue();
        assertThat(p.firing()).hasSize(2);
        assertThat(p.earliestStartsAt())
                .isEqualTo(java.time.Instant.parse("2026-11-29T17:33:10.5Z").toEpochMilli() / 1000.0);
    }

    @Test
    void theAlertmanagerClockComesFromTheDateHeaderOfAProbeRequest() {
        long[] wall = {java.time.Instant.parse("2026-12-01T10:00:00Z").toEpochMilli()};
        var am = new AlertmanagerAlerts(
                "http://am/",
                T,
                http(u -> {
                    wall[0] += 1000;
                    return ok("[]");
                }),
                () -> wall[0]);

        double offset = am.measureOffset(new PrintStream(new ByteArrayOutputStream()));

        assertThat(offset).isCloseTo(4.5, within(1e-9)); // 10:00:05 against the midpoint 10:00:00.5
        assertThat(requests.get(0)).isEqualTo("http://am/api/v2/alerts?filter=alertname=\"sonda-clock-probe\"");
    }

    @Test
    void anAlertmanagerErrorStatusIsAnUnusableResponse() {
        var am = new AlertmanagerAlerts("http://am", T, http(u -> new Response(503, "down", null)), () -> 0L);

        assertThatThrownBy(() -> am.probe(CPU)).hasMessage("unusable response from http://am/api/v2/alerts: HTTP 503");
    }

    @Test
    void transportFailuresNameTheEndpoint() {
        AlertSource.Http slow = (u, t) -> {
            throw new java.net.http.HttpTimeoutException("request timed out");
        };
        var am = new AlertmanagerAlerts("http://am", T, slow, () -> 0L);

        assertThatThrownBy(() -> am.probe(CPU))
                .hasMessage("query against http://am/api/v2/alerts failed: request timed out");
    }

    @Test
    void theJdkClientIsTheDefaultTransport() throws IOException {
        assertThat(AlertSource.Http.jdk(T)).isNotNull();
        assertThat(AlertSource.base("http://x//")).isEqualTo("http://x");
    }
}
