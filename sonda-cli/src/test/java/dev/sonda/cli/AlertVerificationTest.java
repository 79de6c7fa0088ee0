package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.cli.AlertExpectations.Expectation;
import dev.sonda.cli.AlertSource.Response;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sonda test}'s orchestration (§3.6) on a fake clock: the poller, the verdicts and the report
 * lines, against Prometheus and Alertmanager answers computed from the fake time (an alert that
 * goes pending at 5 s and fires at a given second after the scenario's start).
 */
class AlertVerificationTest {
    private static final long T0 = 1_796_000_000_000L;
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeTimer timer = new FakeTimer();

    /** A fake clock: sleeping moves time. */
    static final class FakeTimer implements AlertVerification.Timer {
        long nanos;
        boolean woken;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long wallMillis() {
            return T0 + nanos / 1_000_000;
        }

        @Override
        public boolean sleep(Duration d) {
            nanos += d.toNanos();
            return woken;
        }

        @Override
        public void wake() {
            woken = true;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    private static Expectation expect(String firing, String resolves) {
        return new Expectation(
                "HighCpuUsage",
                Map.of(),
                firing,
                dev.sonda.api.DurationText.parse(firing),
                resolves,
                resolves == null ? null : dev.sonda.api.DurationText.parse(resolves));
    }

    private static CompiledPlan plan(String instance) {
        ScenarioPlan p = ScenarioLoader.load(
                "version: 2\nkind: runnable\nname: cpu_usage\nrate: 1\nduration: 10s\n"
                        + "generator: {type: constant, value: 95}\nlabels: {instance: " + instance + "}\n",
                "t.yaml",
                n -> null);
        return Sonda.compile(p);
    }

    private PrintStream errStream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private List<String> reportLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Prometheus answering from the fake time: pending from 5 s, firing from {@code firesAt} (or never). */
    private AlertSource.Http prometheus(double firesAt, double resolvesAfterEnd, double[] end) {
        Pattern range = Pattern.compile("start=([0-9.]+)&end=([0-9.]+)&step=([0-9.]+)");
        return (url, t) -> {
            String u = URLDecoder.decode(url, StandardCharsets.UTF_8);
            double now = timer.wallMillis() / 1000.0;
            double start = T0 / 1000.0;
            if (u.contains("query=time()")) {
                return new Response(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[" + now + ",\"" + now
                                + "\"]}}",
                        null);
            }
            Matcher m = range.matcher(u);
            if (m.find()) {
                double a = Double.parseDouble(m.group(1));
                double b = Double.parseDouble(m.group(2));
                double s = Double.parseDouble(m.group(3));
                StringBuilder pending = new StringBuilder();
                StringBuilder firing = new StringBuilder();
                for (double p = a; p <= b + 1e-9; p += s) {
                    String state = state(p - start, firesAt, resolvesAfterEnd, end[0]);
                    StringBuilder to = "firing".equals(state) ? firing : "pending".equals(state) ? pending : null;
                    if (to != null) {
                        to.append(to.length() == 0 ? "" : ",")
                                .append("[")
                                .append(p)
                                .append(",\"1\"]");
                    }
                }
                return new Response(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                                + series("pending", pending)
                                + (firing.length() > 0 ? "," + series("firing", firing) : "")
                                + "]}}",
                        null);
            }
            String state = state(now - start, firesAt, resolvesAfterEnd, end[0]);
            String result = state == null
                    ? ""
                    : "{\"metric\":{\"alertname\":\"HighCpuUsage\",\"alertstate\":\"" + state
                            + "\",\"instance\":\"i1\"},\"value\":[" + now + ",\"1\"]}";
            return new Response(
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}",
                    null);
        };
    }

    private static String series(String state, StringBuilder values) {
        return "{\"metric\":{\"alertname\":\"HighCpuUsage\",\"alertstate\":\"" + state
                + "\",\"instance\":\"i1\"},\"values\":[" + values + "]}";
    }

    private static String state(double t, double firesAt, double resolvesAfterEnd, double end) {
        if (end > 0 && t >= end + resolvesAfterEnd) {
            return null;
        }
        if (t >= firesAt) {
            return "firing";
        }
        return t >= 5 ? "pending" : null;
    }

    private AlertVerification verification(AlertSource source, Expectation e) {
        return new AlertVerification(source, List.of(e), INTERVAL, INTERVAL, errStream(), timer);
    }

    /** The command's sequence, with the scenario's run as a fake-time wait of {@code runSeconds}. */
    private int run(AlertVerification v, double runSeconds, double[] end, CompiledPlan plan) throws Exception {
        v.preflight();
        v.measureClock();
        v.started();
        v.poller().run(); // on the fake clock the poller's rounds happen here, over the scenario's run
        if (timer.seconds() < runSeconds) {
            timer.nanos = (long) (runSeconds * 1e9);
        }
        end[0] = timer.seconds();
        v.ended();
        return v.verdicts(plan);
    }

    @Test
    void anAlertFiringBeforeItsDeadlinePassesFromTheRangeTimeline() throws Exception {
        double[] end = {0};
        var source = new PrometheusAlerts("http://prom", INTERVAL, prometheus(15, 1e9, end), timer::wallMillis);

        int failed = run(verification(source, expect("30s", null)), 10, end, plan("i1"));

        assertThat(failed).isZero();
        assertThat(reportLines()).containsExactly("", "  PASS HighCpuUsage firing after 15s (within 30s)", "");
    }

    @Test
    void anAlertThatNeverFiresFailsWithDidNotFireWithin() throws Exception {
        double[] end = {0};
        var source = new PrometheusAlerts("http://prom", INTERVAL, prometheus(1e9, 1e9, end), timer::wallMillis);

        int failed = run(verification(source, expect("10s", null)), 5, end, plan("i1"));

        assertThat(failed).isEqualTo(1);
        assertThat(reportLines()).containsExactly("", "  FAIL HighCpuUsage did not fire within 10s", "");
    }

    @Test
    void firingThatTheRangeShowsAfterTheDeadlineIsLate() throws Exception {
        // live polls at 0 (inactive), 5 and 10 s (pending) cover the 10 s window; the range to 15 s fires at 15
        double[] end = {0};
        var source = new PrometheusAlerts("http://prom", INTERVAL, prometheus(12, 1e9, end), timer::wallMillis);

        int failed = run(verification(source, expect("10s", null)), 5, end, plan("i1"));

        assertThat(failed).isEqualTo(1);
        assertThat(reportLines())
                .containsExactly("", "  FAIL HighCpuUsage fired after 15s — later than firing_within 10s", "");
    }

    @Test
    void aFiringSeriesWithALabelValueTheScenarioNeverEmitsIsWarnedAbout() throws Exception {
        double[] end = {0};
        var source = new PrometheusAlerts("http://prom", INTERVAL, prometheus(10, 1e9, end), timer::wallMillis);

        run(verification(source, expect("30s", null)), 10, end, plan("i9"));

        assertThat(reportLines())
                .startsWith("  WARN matched an ALERTS series with instance=\"i1\", which this scenario never emits —"
                        + " something outside this scenario may have triggered the alert; scope `expect.labels` to"
                        + " something unique to this scenario");
    }

    @Test
    void theAlertmanagerPathRefinesTheFiringTimeFromStartsAtAndPrintsItsNote() throws Exception {
        double[] end = {0};
        AlertSource.Http http = (url, t) -> {
            double elapsed = timer.seconds();
            String date = "Mon, 30 Nov 2026 00:53:20 GMT"; // T0 exactly: zero offset
            if (url.contains("sonda-clock-probe") || elapsed < 10 || (end[0] > 0 && elapsed >= end[0] + 10)) {
                return new Response(200, "[]", date);
            }
            String starts = java.time.Instant.ofEpochMilli(T0 + 7_200).toString();
            return new Response(
                    200,
                    "[{\"labels\":{\"alertname\":\"HighCpuUsage\",\"instance\":\"i1\"},"
                            + "\"status\":{\"state\":\"active\"},\"startsAt\":\"" + starts + "\",\"endsAt\":\""
                            + java.time.Instant.ofEpochMilli(T0 + 3_600_000) + "\"}]",
                    date);
        };
        var source = new AlertmanagerAlerts("http://am", INTERVAL, http, timer::wallMillis);

        int failed = run(verification(source, expect("30s", "20s")), 12, end, plan("i1"));

        assertThat(failed).isZero();
        assertThat(reportLines())
                .containsExactly(
                        "",
                        "  PASS HighCpuUsage firing after 7s (within 30s)",
                        "  PASS HighCpuUsage resolved after 10s (within 20s of scenario end)",
                        "",
                        "  note: Alertmanager keeps no queryable history, so these times come from live polling every"
                                + " 5s, sharpened by each alert's own startsAt stamp (~1s clock resolution) — not from"
                                + " stored samples");
    }

    @Test
    void preflightRetriesTheFirstExpectationThreeTimesTwoSecondsApart() {
        var source = new PrometheusAlerts(
                "http://127.0.0.1:9",
                INTERVAL,
                (u, t) -> {
                    throw new java.net.ConnectException("Connection refused");
                },
                timer::wallMillis);

        assertThatThrownBy(() -> verification(source, expect("30s", null)).preflight())
                .isInstanceOf(CliException.class)
                .hasMessage("prometheus preflight against http://127.0.0.1:9 failed: query against"
                        + " http://127.0.0.1:9/api/v1/query failed: connection refused");
        assertThat(timer.seconds()).isEqualTo(4.0);
    }

    @Test
    void provenanceIgnoresKeysTheScenarioNeverEmits() {
        var warnings = AlertVerification.provenance(
                plan("i1"),
                Set.of(Map.of("alertname", "HighCpuUsage", "instance", "i1", "severity", "critical")),
                "ALERTS series");

        assertThat(warnings).isEmpty();
    }
}
