package dev.sonda.server;

import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own metrics, {@code GET /metrics} (sinks-cli-server §4.13): exactly nine families in
 * a fixed order, each with {@code # HELP} and {@code # TYPE}, values written as the scenario
 * endpoints write theirs. Requests are counted once they passed authentication, on the
 * observability and control routes only. Thread-safe.
 */
final class ServerMetrics {
    /** Histogram bounds in seconds, and their {@code le} text. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final String[] LE = {
        "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"
    };

    /** Request counts and durations of one (route, method). */
    private static final class Route {
        final Map<Integer, Long> byStatus = new TreeMap<>();
        final long[] buckets = new long[BOUNDS.length + 1];
        double sum;
        long count;
    }

    private final Map<List<String>, Route> routes = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final String version;
    private final int workers;

    ServerMetrics(String version, int workers) {
        this.version = version;
        this.workers = workers;
    }

    /** Counts one request that passed authentication. */
    void record(String route, String method, int status, double seconds) {
        Route r = routes.computeIfAbsent(List.of(route, method), k -> new Route());
        synchronized (r) {
            r.byStatus.merge(status, 1L, Long::sum);
            int i = 0;
            while (i < BOUNDS.length && seconds > BOUNDS[i]) {
                i++;
            }
            r.buckets[i]++;
            r.sum += seconds;
            r.count++;
        }
    }

    /** The exposition. */
    byte[] render(List<ScenarioHandle> handles, int maxScenarios) {
        Map<EntryState, Long> active = new TreeMap<>();
        long finished = 0;
        Map<String, Long> sinkErrors = new TreeMap<>();
        for (ScenarioHandle h : handles) {
            EntryStats s = h.snapshot().stats();
            if (s.state() == EntryState.FINISHED) {
                finished++;
            } else {
                active.merge(s.state(), 1L, Long::sum);
            }
            sinkErrors.merge(h.sinkType(), s.errors(), Long::sum);
        }
        ByteBuf out = new ByteBuf(4096);
        family(out, "sonda_server_active_scenarios", "gauge", "Scenarios that have not finished, by lifecycle state.");
        for (EntryState st : List.of(
                EntryState.PENDING, EntryState.RUNNING, EntryState.PAUSED, EntryState.HELD, EntryState.UNRESOLVED)) {
            line(
                    out,
                    "sonda_server_active_scenarios",
                    Map.of("state", ScenarioHandle.state(st)),
                    active.getOrDefault(st, 0L));
        }
        family(
                out,
                "sonda_server_scenarios_finished_total",
                "counter",
                "Stored scenarios that have finished (it drops when they are deleted).");
        line(out, "sonda_server_scenarios_finished_total", Map.of(), finished);
        family(out, "sonda_server_worker_threads", "gauge", "Worker threads the server was started with.");
        line(out, "sonda_server_worker_threads", Map.of(), workers);
        family(out, "sonda_server_max_scenarios", "gauge", "The --max-scenarios cap (0 = unlimited).");
        line(out, "sonda_server_max_scenarios", Map.of(), maxScenarios);
        Map<List<String>, Route> sorted = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        sorted.putAll(routes);
        family(out, "sonda_server_requests_total", "counter", "HTTP requests served, by route, method and status.");
        sorted.forEach((k, r) -> {
            synchronized (r) {
                r.byStatus.forEach((status, n) -> line(
                        out,
                        "sonda_server_requests_total",
                        Map.of("route", k.get(0), "method", k.get(1), "status", Integer.toString(status)),
                        n));
            }
        });
        family(out, "sonda_server_request_duration_seconds", "histogram", "HTTP request latency in seconds.");
        sorted.forEach((k, r) -> {
            synchronized (r) {
                long cumulative = 0;
                for (int i = 0; i < LE.length; i++) {
                    cumulative += r.buckets[i];
                    line(
                            out,
                            "sonda_server_request_duration_seconds_bucket",
                            Map.of("route", k.get(0), "method", k.get(1), "le", LE[i]),
                            cumulative);
                }
                Map<String, String> l = Map.of("route", k.get(0), "method", k.get(1));
                line(out, "sonda_server_request_duration_seconds_sum", l, r.sum);
                line(out, "sonda_server_request_duration_seconds_count", l, r.count);
            }
        });
        family(
                out,
                "sonda_server_sink_errors_total",
                "counter",
                "Sink failures of the stored scenarios, by sink type (it drops when they are deleted).");
        sinkErrors.forEach((type, n) -> line(out, "sonda_server_sink_errors_total", Map.of("sink_type", type), n));
        family(out, "sonda_server_uptime_seconds", "gauge", "Seconds since the server started.");
        line(out, "sonda_server_uptime_seconds", Map.of(), (System.nanoTime() - startNanos) / 1e9);
        family(out, "sonda_server_build_info", "gauge", "Build information; the value is always 1.");
        line(out, "sonda_server_build_info", Map.of("version", version, "git_sha", "unknown"), 1);
        return out.toByteArray();
    }

    private static void family(ByteBuf out, String name, String type, String help) {
        out.putUtf8("# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n");
    }

    private static void line(ByteBuf out, String name, Map<String, String> labels, double value) {
        CurrentValues.ENCODER.encode(CurrentValues.ENCODER.series(name, Labels.of(labels)), value, 0, out);
    }
}
