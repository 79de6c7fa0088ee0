package dev.sonda.yaml;

import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.Offset;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.CircuitBreaker;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.api.trace.TraceSpec;
import dev.sonda.yaml.YamlTree.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code traces:} block of a {@code signal_type: traces} entry and the {@code events:}
 * list of a {@code signal_type: events} entry into the IR ({@link TraceSpec}, {@link InfraEvent}),
 * every key checked against the block's own list, every problem located. The IR's own rules
 * (references, ranges, cycles) are checked afterwards with the rest of the plan.
 */
final class TraceReader {
    static final List<String> TRACES_KEYS = List.of(
            "seed",
            "severity",
            "services",
            "roots",
            "error_propagation",
            "circuit_breaker",
            "faults",
            "logs",
            "metrics");
    private static final List<String> SERVICE_KEYS = List.of("name", "operations", "attributes");
    private static final List<String> OPERATION_KEYS =
            List.of("name", "kind", "latency", "error_rate", "timeout", "calls", "attributes");
    private static final List<String> CALL_KEYS = List.of("service", "operation", "count", "probability", "parallel");
    private static final List<String> ROOT_KEYS = List.of("service", "operation", "weight");
    private static final List<String> BREAKER_KEYS = List.of("failures", "open_for");
    private static final List<String> FAULT_KEYS =
            List.of("service", "operation", "from", "to", "error_rate", "latency_factor", "ramp", "message");
    private static final List<String> LOGS_KEYS = List.of("sample", "encoder", "sink");
    private static final List<String> METRICS_KEYS = List.of("interval", "encoder", "sink");
    private static final List<String> EVENT_KEYS =
            List.of("at", "type", "service", "severity", "details", "attributes");

    private static final Map<String, SpanKind> KINDS = Variants.byName(SpanKind.class, SpanKind::yamlName);
    private static final Map<String, EventType> EVENT_TYPES = Variants.byName(EventType.class, EventType::yamlName);
    private static final Map<String, EventSeverity> EVENT_SEVERITIES =
            Variants.byName(EventSeverity.class, EventSeverity::yamlName);

    private final SpecReader specs;

    TraceReader(SpecReader specs) {
        this.specs = specs;
    }

    /** The {@code traces:} block, or null after a problem. */
    TraceSpec traces(Obj t) {
        t.strict(TRACES_KEYS);
        long seed = t.unsigned64("seed", 0);
        double severity = t.number("severity", 1.0);
        t.require("services");
        List<Service> services = t.items("services", (n, p) -> service(n, p, t));
        List<Root> roots = t.items("roots", (n, p) -> root(n, p, t));
        double propagation = t.number("error_propagation", TraceSpec.DEFAULT_ERROR_PROPAGATION);
        CircuitBreaker breaker = t.with("circuit_breaker", this::breaker);
        List<Fault> faults = t.items("faults", (n, p) -> fault(n, p, t));
        CorrelatedLogs logs = t.with("logs", this::logs);
        RedMetrics metrics = t.with("metrics", this::metrics);
        if (t.failed()) {
            return null;
        }
        return new TraceSpec(seed, severity, services, roots, propagation, breaker, faults, logs, metrics);
    }

    private Service service(Node n, String path, Obj parent) {
        Obj s = open(n, path, parent, SERVICE_KEYS);
        if (s == null) {
            return null;
        }
        String name = s.reqStr("name");
        s.require("operations");
        List<Operation> operations = s.items("operations", (m, p) -> operation(m, p, s));
        Map<String, String> attributes = s.stringMap("attributes");
        return s.failed() ? null : new Service(name, operations, attributes);
    }

    private Operation operation(Node n, String path, Obj parent) {
        Obj o = open(n, path, parent, OPERATION_KEYS);
        if (o == null) {
            return null;
        }
        String name = o.reqStr("name");
        SpanKind kind = o.choice("kind", KINDS);
        o.require("latency");
        Distribution latency =
                o.has("latency") ? SpecReader.distribution(o.get("latency"), o.path("latency"), o) : null;
        double errorRate = o.number("error_rate", 0.0);
        Duration timeout = o.dur("timeout", DurationText::parse, PlanReader::invalidDuration);
        List<Call> calls = o.items("calls", (m, p) -> call(m, p, o));
        Map<String, String> attributes = o.stringMap("attributes");
        if (o.failed() || latency == null) {
            return null;
        }
        return new Operation(name, kind, latency, errorRate, timeout, calls, attributes);
    }

    private Call call(Node n, String path, Obj parent) {
        Obj c = open(n, path, parent, CALL_KEYS);
        if (c == null) {
            return null;
        }
        String service = c.reqStr("service");
        String operation = c.string("operation");
        Integer count = c.integer("count", 0, Integer.MAX_VALUE);
        double probability = c.number("probability", 1.0);
        boolean parallel = c.bool("parallel", false);
        return c.failed() ? null : new Call(service, operation, count == null ? 1 : count, probability, parallel);
    }

    private Root root(Node n, String path, Obj parent) {
        Obj r = open(n, path, parent, ROOT_KEYS);
        if (r == null) {
            return null;
        }
        Root root = new Root(String.valueOf(r.reqStr("service")), r.string("operation"), r.number("weight", 1.0));
        return r.failed() ? null : root;
    }

    private CircuitBreaker breaker(Obj b) {
        b.strict(BREAKER_KEYS);
        Integer failures = b.integer("failures", 0, Integer.MAX_VALUE);
        if (failures == null) {
            b.require("failures");
        }
        Duration openFor = b.reqDur("open_for", DurationText::parse, PlanReader::invalidDuration);
        return b.failed() ? null : new CircuitBreaker(failures, openFor);
    }

    private Fault fault(Node n, String path, Obj parent) {
        Obj f = open(n, path, parent, FAULT_KEYS);
        if (f == null) {
            return null;
        }
        String service = f.reqStr("service");
        String operation = f.string("operation");
        Offset from = offset(f, "from");
        Offset to = offset(f, "to");
        Double errorRate = f.number("error_rate");
        double factor = f.number("latency_factor", 1.0);
        boolean ramp = f.bool("ramp", false);
        String message = f.string("message");
        return f.failed() ? null : new Fault(service, operation, from, to, errorRate, factor, ramp, message);
    }

    private CorrelatedLogs logs(Obj l) {
        l.strict(LOGS_KEYS);
        CorrelatedLogs logs = new CorrelatedLogs(
                l.number("sample", 1.0),
                l.has("encoder") ? specs.encoder(l.get("encoder"), l.path("encoder"), l) : null,
                l.has("sink") ? specs.sink(l.get("sink"), l.path("sink"), l) : null);
        return l.failed() ? null : logs;
    }

    private RedMetrics metrics(Obj m) {
        m.strict(METRICS_KEYS);
        RedMetrics metrics = new RedMetrics(
                m.dur("interval", DurationText::parse, PlanReader::invalidDuration),
                m.has("encoder") ? specs.encoder(m.get("encoder"), m.path("encoder"), m) : null,
                m.has("sink") ? specs.sink(m.get("sink"), m.path("sink"), m) : null);
        return m.failed() ? null : metrics;
    }

    /** The {@code events:} list, with a problem for an empty one. */
    List<InfraEvent> events(Obj e) {
        return e.items("events", (n, p) -> event(n, p, e));
    }

    private InfraEvent event(Node n, String path, Obj parent) {
        Obj e = open(n, path, parent, EVENT_KEYS);
        if (e == null) {
            return null;
        }
        e.require("at");
        Offset at = offset(e, "at");
        e.require("type");
        EventType type = e.choice("type", EVENT_TYPES);
        String service = e.reqStr("service");
        EventSeverity severity = e.choice("severity", EVENT_SEVERITIES);
        String details = e.string("details");
        Map<String, String> attributes = e.stringMap("attributes");
        if (e.failed() || at == null || type == null || service == null) {
            return null;
        }
        return new InfraEvent(at, type, service, severity, details, attributes);
    }

    /** The mapping {@code n} with its keys checked against {@code keys}, or null when it is not one. */
    private static Obj open(Node n, String path, Obj parent, List<String> keys) {
        Obj o = Obj.of(n, path, parent.diag(), parent);
        if (o != null) {
            o.strict(keys);
        }
        return o;
    }

    /** An offset ({@code 30s} or {@code 25%}), or null when absent or invalid (a problem then). */
    private static Offset offset(Obj o, String key) {
        String text = o.string(key);
        if (text == null) {
            return null;
        }
        try {
            return Offset.parse(text);
        } catch (IllegalArgumentException ex) {
            o.problem(
                    key,
                    "invalid " + key + " " + FloatText.rustDebugString(text) + ": "
                            + ex.getMessage() + "; write a duration such as 30s or a percentage of the"
                            + " entry's duration such as 25%");
            return null;
        }
    }
}
