package dev.sonda.api.incident;

import dev.sonda.api.Defaults;
import dev.sonda.api.EventStage;
import dev.sonda.api.Offset;
import dev.sonda.api.Problems;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.TraceStage;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Root;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The incident library: each pattern as a plan of two entries, {@code traffic} ({@code
 * signal_type: traces} over a {@link Topology}, with one log line per span and RED metrics every
 * {@link IncidentOptions#interval()}) and {@code infra} ({@code signal_type: events}). Every point
 * in time is a percentage of the duration, so a pattern keeps its shape when the duration changes
 * ({@code --duration} included). The incident patterns start from an error-free baseline, so
 * every failed span belongs to the incident; {@code normal} carries rare background errors.
 *
 * <table>
 *   <caption>The patterns, with the standard services (roles of other lists: {@link Topology})</caption>
 *   <tr><th>pattern</th><th>what happens (percent of the duration)</th><th>events</th></tr>
 *   <tr><td>{@code normal}</td><td>5 requests/s, 0.05–0.2% of spans fail on their own</td>
 *       <td>scale at 30%, config change at 70%</td></tr>
 *   <tr><td>{@code degradation}</td><td>from 20%: {@code product-service} slows down to 20 times
 *       its time and fails up to 30% ({@code upstream request timeout}), both rising to the end;
 *       its callers time out</td><td>alerts at 60% (warning) and 85% (critical)</td></tr>
 *   <tr><td>{@code outage}</td><td>{@code database} refuses 50% of queries from 30%, 95% from
 *       45% to 80% (connection errors), query time 4–6 times</td><td>alert at 33%, restart at 80%,
 *       all-clear at 85%</td></tr>
 *   <tr><td>{@code cascade}</td><td>{@code payment-service} fails from 25% (rising to 90%),
 *       {@code database} connection pool from 45%; 90% of failures propagate; circuit breakers (5
 *       failures, 5 s)</td><td>deployment at 20%, alerts at 40%, 60%, 75%</td></tr>
 *   <tr><td>{@code deployment}</td><td>{@code api-gateway}: configuration errors (50%) from 27% to
 *       45%, failing health checks (35%) to 70%</td><td>config change at 23%, deployment at 25%,
 *       restart at 45%, rollback at 70%</td></tr>
 *   <tr><td>{@code transient}</td><td>four spikes of 3% of the duration, eight times the latency,
 *       on services drawn from the seed</td><td>an alert and its all-clear per spike</td></tr>
 *   <tr><td>{@code high-volume}</td><td>50 requests/s, no errors at all</td><td>scale up at 5%,
 *       down at 95%</td></tr>
 *   <tr><td>{@code intermittent}</td><td>every service fails 15% of its spans, errors never
 *       propagate, so 15% of the log lines are errors</td><td>a restart at 50%</td></tr>
 * </table>
 */
public final class Incidents {
    /** The rate of every pattern but {@code high-volume}: 5 root requests per second. */
    public static final double DEFAULT_RATE = 5;

    /** The rate of {@code high-volume}: 50 root requests per second. */
    public static final double HIGH_VOLUME_RATE = 50;

    private static final List<String> INTERMITTENT_ERRORS = List.of(
            "connection reset by peer",
            "upstream request timeout",
            "503 Service Unavailable",
            "deadlock detected; transaction rolled back");

    private Incidents() {}

    /**
     * The plan of a pattern.
     *
     * @param pattern the pattern
     * @param options what to change in it
     * @return the plan, validated
     * @throws dev.sonda.api.InvalidScenarioException if the options are invalid (each problem
     *     named after its option: {@code services}, {@code severity}, ...)
     */
    public static ScenarioPlan plan(IncidentPattern pattern, IncidentOptions options) {
        Problems problems = new Problems();
        options.validate(problems);
        problems.throwIfAny();
        Topology t = Topology.of(options.services(), pattern == IncidentPattern.NORMAL);
        double rate = options.rate() != null
                ? options.rate()
                : pattern == IncidentPattern.HIGH_VOLUME ? HIGH_VOLUME_RATE : DEFAULT_RATE;
        IncidentOptions.Sinks sinks = options.sinks();
        TraceStage traffic = Scenario.traces(pattern.patternName())
                .id("traffic")
                .rate(rate)
                .seed(options.seed())
                .severity(options.severity())
                .services(t.services())
                .logs(CorrelatedLogs.ALL.withSink(sinks.logs()))
                .redMetrics(new RedMetrics(options.interval(), null, sinks.metrics()));
        for (Root r : t.roots()) {
            traffic = traffic.root(r.service(), r.operation(), r.weight());
        }
        if (sinks.traces() != null) {
            traffic = traffic.sink(sinks.traces());
        }
        EventStage infra = Scenario.events(pattern.patternName() + " events").id("infra");
        if (sinks.events() != null) {
            infra = infra.sink(sinks.events());
        }
        Shape shape =
                switch (pattern) {
                    case NORMAL -> normal(t, traffic, infra);
                    case DEGRADATION -> degradation(t, traffic, infra);
                    case OUTAGE -> outage(t, traffic, infra);
                    case CASCADE -> cascade(t, traffic, infra);
                    case DEPLOYMENT -> deployment(t, traffic, infra);
                    case TRANSIENT -> transientSpikes(t, traffic, infra, options.seed());
                    case HIGH_VOLUME -> highVolume(t, traffic, infra);
                    case INTERMITTENT -> intermittent(t, traffic, infra);
                };
        Duration duration = options.duration() != null ? options.duration() : pattern.defaultDuration();
        String start = options.start() == null ? null : options.start().toString();
        return Scenario.plan()
                .scenarioName(pattern.patternName())
                .description(pattern.description())
                .tags(
                        "incident-library",
                        pattern == IncidentPattern.NORMAL ? "baseline" : pattern.noise() ? "noise" : "incident")
                .defaults(new Defaults(null, duration, start, null, null, Map.of(), null, null, null))
                .add(shape.traffic)
                .add(shape.infra)
                .build();
    }

    /** The two entries of a pattern. */
    private record Shape(TraceStage traffic, EventStage infra) {}

    private static Offset at(double percent) {
        return Offset.percent(percent);
    }

    private static InfraEvent event(
            double percent, EventType type, String service, EventSeverity severity, String details) {
        return InfraEvent.of(at(percent), type, service).withSeverity(severity).withDetails(details);
    }

    private static Shape normal(Topology t, TraceStage traffic, EventStage infra) {
        String gateway = t.roots().get(0).service();
        return new Shape(
                traffic,
                infra.event(event(
                                        30,
                                        EventType.SCALE,
                                        gateway,
                                        EventSeverity.INFO,
                                        "Scaling " + gateway + " from 3 to 4 replicas")
                                .withAttributes(Map.of("replicas", "4")))
                        .event(event(
                                70,
                                EventType.CONFIG_CHANGE,
                                t.database(),
                                EventSeverity.INFO,
                                "Raised statement_timeout on " + t.database() + " to 5s")));
    }

    private static Shape degradation(Topology t, TraceStage traffic, EventStage infra) {
        String gateway = t.roots().get(0).service();
        return new Shape(
                traffic.fault(Fault.on(t.slow())
                        .between(at(20), null)
                        .withLatencyFactor(20)
                        .withErrorRate(0.3)
                        .ramping()
                        .withMessage("upstream request timeout")),
                infra.event(event(
                                60,
                                EventType.ALERT,
                                t.slow(),
                                EventSeverity.WARNING,
                                "p95 latency of " + t.slow() + " above 300 ms"))
                        .event(event(
                                85,
                                EventType.ALERT,
                                gateway,
                                EventSeverity.CRITICAL,
                                "error rate of " + gateway + " above 5%")));
    }

    private static Shape outage(Topology t, TraceStage traffic, EventStage infra) {
        String db = t.database();
        return new Shape(
                traffic.errorPropagation(0.8)
                        .fault(Fault.on(db)
                                .between(at(30), at(45))
                                .withErrorRate(0.5)
                                .withLatencyFactor(4)
                                .withMessage("FATAL: remaining connection slots are reserved for non-replication"
                                        + " superuser connections"))
                        .fault(Fault.on(db)
                                .between(at(45), at(80))
                                .withErrorRate(0.95)
                                .withLatencyFactor(6)
                                .withMessage("could not connect to server: Connection refused (" + db + ":5432)")),
                infra.event(event(
                                33,
                                EventType.ALERT,
                                db,
                                EventSeverity.CRITICAL,
                                "connection errors on " + db + " above 50%"))
                        .event(event(
                                80,
                                EventType.RESTART,
                                db,
                                EventSeverity.WARNING,
                                "Restarting " + db + " after connection exhaustion"))
                        .event(event(
                                85,
                                EventType.ALERT,
                                db,
                                EventSeverity.INFO,
                                "connection errors on " + db + " resolved")));
    }

    private static Shape cascade(Topology t, TraceStage traffic, EventStage infra) {
        String origin = t.cascadeOrigin();
        String gateway = t.roots().get(0).service();
        return new Shape(
                traffic.errorPropagation(0.9)
                        .circuitBreaker(5, Duration.ofSeconds(5))
                        .fault(Fault.on(origin)
                                .between(at(25), null)
                                .withErrorRate(0.9)
                                .withLatencyFactor(5)
                                .ramping()
                                .withMessage("payment gateway timeout: card network unreachable"))
                        .fault(Fault.on(t.database())
                                .between(at(45), null)
                                .withErrorRate(0.3)
                                .withLatencyFactor(4)
                                .ramping()
                                .withMessage("connection pool exhausted (max 50)")),
                infra.event(event(
                                        20,
                                        EventType.DEPLOYMENT,
                                        origin,
                                        EventSeverity.INFO,
                                        "Deploying new version to " + origin)
                                .withAttributes(Map.of("version", "3.0.0")))
                        .event(event(
                                40,
                                EventType.ALERT,
                                origin,
                                EventSeverity.WARNING,
                                "error rate of " + origin + " above 10%"))
                        .event(event(
                                60,
                                EventType.ALERT,
                                origin,
                                EventSeverity.CRITICAL,
                                "circuit breakers open towards " + origin))
                        .event(event(
                                75,
                                EventType.ALERT,
                                gateway,
                                EventSeverity.CRITICAL,
                                "error rate of " + gateway + " above 25%")));
    }

    private static Shape deployment(Topology t, TraceStage traffic, EventStage infra) {
        String s = t.deployed();
        return new Shape(
                traffic.fault(Fault.on(s)
                                .between(at(27), at(45))
                                .withErrorRate(0.5)
                                .withMessage("Configuration error: missing required key 'PAYMENTS_URL'"))
                        .fault(Fault.on(s)
                                .between(at(45), at(70))
                                .withErrorRate(0.35)
                                .withLatencyFactor(2)
                                .withMessage("Health check failed: GET /healthz returned 503")),
                infra.event(event(
                                        23,
                                        EventType.CONFIG_CHANGE,
                                        s,
                                        EventSeverity.INFO,
                                        "Rolled out configuration" + " v42 for " + s)
                                .withAttributes(Map.of("config_version", "v42")))
                        .event(event(25, EventType.DEPLOYMENT, s, EventSeverity.INFO, "Deploying new version to " + s)
                                .withAttributes(Map.of("version", "2.1.0")))
                        .event(event(
                                45,
                                EventType.RESTART,
                                s,
                                EventSeverity.WARNING,
                                "Restarting " + s + " after failed health checks"))
                        .event(event(
                                        70,
                                        EventType.DEPLOYMENT,
                                        s,
                                        EventSeverity.WARNING,
                                        "Rolling back " + s + " to 2.0.9")
                                .withAttributes(Map.of("version", "2.0.9"))));
    }

    private static Shape transientSpikes(Topology t, TraceStage traffic, EventStage infra, long seed) {
        int spikes = 4;
        for (int k = 0; k < spikes; k++) {
            long h = mix(seed ^ mix(k + 1));
            String service = t.services()
                    .get((int) Long.remainderUnsigned(h, t.services().size()))
                    .name();
            // each spike starts somewhere in its own quarter of [5%, 95%] and lasts 3%
            double from = 5 + k * 22.5 + Long.remainderUnsigned(h >>> 20, 170) / 10.0;
            double to = from + 3;
            traffic = traffic.fault(Fault.on(service).between(at(from), at(to)).withLatencyFactor(8));
            infra = infra.event(
                            event(from, EventType.ALERT, service, EventSeverity.WARNING, "latency spike on " + service))
                    .event(event(
                            to,
                            EventType.ALERT,
                            service,
                            EventSeverity.INFO,
                            "latency of " + service + " back to normal"));
        }
        return new Shape(traffic, infra);
    }

    private static Shape highVolume(Topology t, TraceStage traffic, EventStage infra) {
        String gateway = t.roots().get(0).service();
        return new Shape(
                traffic,
                infra.event(event(
                                        5,
                                        EventType.SCALE,
                                        gateway,
                                        EventSeverity.INFO,
                                        "Scaling " + gateway + " from 3 to 12 replicas for a traffic surge")
                                .withAttributes(Map.of("replicas", "12")))
                        .event(event(
                                        95,
                                        EventType.SCALE,
                                        gateway,
                                        EventSeverity.INFO,
                                        "Scaling " + gateway + " back to 3 replicas")
                                .withAttributes(Map.of("replicas", "3"))));
    }

    private static Shape intermittent(Topology t, TraceStage traffic, EventStage infra) {
        TraceStage tr = traffic.errorPropagation(0);
        for (int i = 0; i < t.services().size(); i++) {
            tr = tr.fault(Fault.on(t.services().get(i).name())
                    .withErrorRate(0.15)
                    .withMessage(INTERMITTENT_ERRORS.get(i % INTERMITTENT_ERRORS.size())));
        }
        String flaky = t.slow();
        return new Shape(
                tr,
                infra.event(event(
                        50,
                        EventType.RESTART,
                        flaky,
                        EventSeverity.WARNING,
                        "Restarting " + flaky + " after liveness probe failures")));
    }

    /** The splitmix64 finalizer, for placing noise from the seed. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
