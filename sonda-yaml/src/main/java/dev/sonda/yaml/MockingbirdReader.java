package dev.sonda.yaml;

import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PlanKind;
import dev.sonda.api.Problem;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.WorkloadStage;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelDim;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.LabelRange;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.Workload;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.yaml.YamlTree.Kind;
import dev.sonda.yaml.YamlTree.Mapping;
import dev.sonda.yaml.YamlTree.Node;
import dev.sonda.yaml.YamlTree.Scalar;
import dev.sonda.yaml.YamlTree.Seq;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a Mockingbird configuration file ({@code global}, {@code exporters}, {@code profiles},
 * {@code metrics}; Mockingbird 0.1.0, {@code src/config.py}) into a plan of one workload entry
 * named {@code mockingbird}, with Mockingbird's defaults and its lax value coercion (an integer
 * field takes {@code 2.0} or {@code "3"}, a boolean takes {@code yes}/{@code off}), so its files run
 * unchanged.
 *
 * <p>Where Mockingbird has a defect, the import keeps the file's meaning and fixes the behaviour
 * (each is listed in docs/compatibility.md): an explicit {@code 0} stays 0 (Mockingbird replaces
 * it with the default), a negative {@code series_cap}, a {@code range} that is not two integers,
 * a {@code clamp} that is not two numbers and a missing {@code metrics} list are errors, {@code
 * objectives} become the summary's quantiles, {@code runtime.on_start} spikes are scheduled,
 * {@code exporters.otel.protocol: http} pushes over OTLP/HTTP. Keys Mockingbird ignores ({@code
 * log_format}, {@code zipf_alpha}, {@code allow_nan}, {@code failure_modes}) and keys it does not
 * know are reported as warnings. The environment overrides {@code OTEL_ENDPOINT} and {@code
 * LOG_LEVEL} apply as in Mockingbird.
 */
final class MockingbirdReader {
    /** The workload entry's name. */
    static final String NAME = "mockingbird";

    private static final List<String> TOP = List.of("global", "global_", "exporters", "profiles", "metrics", "runtime");
    private static final List<String> GLOBAL =
            List.of("tick_interval_s", "seed", "log_level", "log_format", "control_api_port");
    private static final List<String> PROMETHEUS = List.of("enabled", "port", "prefix", "bind_address");
    private static final List<String> OTEL = List.of(
            "enabled", "endpoint", "insecure", "prefix", "export_interval_s", "protocol", "headers", "resource");
    private static final List<String> PROFILE = List.of("labels", "series_cap", "sampling_strategy", "zipf_alpha");
    private static final List<String> LABEL = List.of("values", "range", "fmt");
    private static final List<String> METRIC = List.of(
            "name",
            "type",
            "profile",
            "algorithm",
            "labels",
            "seed",
            "base_rate",
            "diurnal_amp",
            "diurnal_phase",
            "start",
            Algorithm.RandomWalk.STEP,
            "clamp",
            "mu",
            "sigma",
            "lam",
            "p",
            "buckets",
            "objectives",
            "components",
            "min",
            "max",
            "period_s",
            "allow_nan");
    private static final List<String> COMPONENT = List.of("type", "weight", "mu", "sigma", "lam");

    private final Diagnostics diag;
    private final Function<String, String> env;

    MockingbirdReader(Diagnostics diag, Function<String, String> env) {
        this.diag = diag;
        this.env = env;
    }

    /**
     * Whether a parsed file is a Mockingbird configuration: a mapping with no {@code version}
     * whose keys are Mockingbird's and include {@code metrics} or {@code profiles}.
     */
    static boolean recognises(Node root) {
        if (!(root instanceof Mapping m) || m.values().containsKey("version")) {
            return false;
        }
        Set<String> keys = m.values().keySet();
        return (keys.contains("metrics") || keys.contains("profiles")) && TOP.containsAll(keys);
    }

    ScenarioPlan read(Mapping root) {
        unknown(root, "", TOP);
        Mapping global = map(root, root.values().containsKey("global") ? "global" : "global_", "global");
        Mapping exporters = map(root, "exporters", "exporters");
        Mapping prom = exporters == null ? null : map(exporters, "prometheus", "exporters.prometheus");
        Mapping otel = exporters == null ? null : map(exporters, "otel", "exporters.otel");
        if (exporters != null) {
            unknown(exporters, "exporters", List.of("prometheus", "otel"));
        }
        unknown(global, "global", GLOBAL);
        unknown(prom, "exporters.prometheus", PROMETHEUS);
        unknown(otel, "exporters.otel", OTEL);

        long tick = integer(global, "tick_interval_s", "global", 1);
        if (tick < 1) {
            problem(
                    "global.tick_interval_s",
                    at(global, "tick_interval_s"),
                    "tick_interval_s must be at least 1 second, got " + tick
                            + " (Mockingbird then never sleeps between ticks)");
            tick = 1;
        }
        long seed = integer(global, "seed", "global", 42);
        if (seed < 0) {
            problem("global.seed", at(global, "seed"), "seed must be at least 0, got " + seed);
        }
        ignored(global, "global", "log_format", "has no effect in Mockingbird either");
        string(global, "log_level", "global", "INFO");
        long controlPort = integer(global, "control_api_port", "global", 8081);

        Workload w = Workload.of().seed(seed).control(new Endpoint("0.0.0.0", (int) controlPort, null, false));
        if (bool(prom, "enabled", "exporters.prometheus", true)) {
            w = w.scrape(new Endpoint(
                    string(prom, "bind_address", "exporters.prometheus", "0.0.0.0"),
                    (int) integer(prom, "port", "exporters.prometheus", 8000),
                    string(prom, "prefix", "exporters.prometheus", "prom_"),
                    false));
        }
        SinkSpec sink = null;
        if (bool(otel, "enabled", "exporters.otel", true)) {
            String endpoint = string(otel, "endpoint", "exporters.otel", "localhost:4317");
            String override = env.apply("OTEL_ENDPOINT");
            if (override != null && !override.isEmpty()) {
                endpoint = override;
            }
            boolean insecure = bool(otel, "insecure", "exporters.otel", true);
            if (!endpoint.contains("://")) {
                endpoint = (insecure ? "http://" : "https://") + endpoint;
            }
            Map<String, String> resource = new LinkedHashMap<>();
            resource.put("service.name", "synthetic-metrics-generator");
            resource.put("deployment.environment", "dev");
            resource.putAll(stringMap(otel, "resource", "exporters.otel"));
            Map<String, String> headers = stringMap(otel, "headers", "exporters.otel");
            String protocol = string(otel, "protocol", "exporters.otel", "grpc");
            sink = switch (protocol) {
                case "http" -> new SinkSpec.OtlpHttp(endpoint, "metrics", null, null, null, resource, headers, null);
                case "grpc" -> new SinkSpec.OtlpGrpc(endpoint, "metrics", null, null, null, resource, headers, null);
                default -> {
                    problem(
                            "exporters.otel.protocol",
                            at(otel, "protocol"),
                            "protocol must be grpc or http, got '" + protocol + "'");
                    yield null;
                }
            };
            w = w.push(Push.every(
                    Duration.ofSeconds(integer(otel, "export_interval_s", "exporters.otel", 10)),
                    string(otel, "prefix", "exporters.otel", "otel_")));
        } else {
            w = w.push(Push.NONE);
        }

        Mapping profileMap = map(root, "profiles", "profiles");
        if (profileMap != null) {
            for (Map.Entry<String, Node> e : profileMap.values().entrySet()) {
                LabelProfile p = profile(e.getKey(), e.getValue());
                if (p != null) {
                    w = w.profile(p);
                }
            }
        }
        Node metrics = root.values().get("metrics");
        if (metrics == null) {
            problem(
                    "metrics",
                    root.loc(),
                    "a Mockingbird file needs a metrics: list (Mockingbird starts and generates"
                            + " nothing without one)");
        } else if (metrics instanceof Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                WorkloadMetric m = metric(seq.items().get(i), "metrics[" + i + "]");
                if (m != null) {
                    w = w.metric(m);
                }
            }
        } else {
            problem("metrics", metrics.loc(), "metrics must be a list, found " + metrics.describe());
        }
        w = runtime(root, w);

        WorkloadStage stage = Scenario.workload(NAME).rate(1.0 / tick).workload(w);
        // Mockingbird logs a failed export and goes on: an explicit warn keeps a run whose collector
        // is away from ending with the "records were not delivered" exit code.
        Entry entry = (sink == null ? stage : stage.sink(sink).onSinkError(OnSinkError.WARN)).toEntry();
        ScenarioPlan plan = new ScenarioPlan(
                ScenarioPlan.VERSION,
                PlanKind.RUNNABLE,
                null,
                "Imported from a Mockingbird configuration",
                List.of(),
                Defaults.NONE,
                List.of(entry),
                null);
        Map<String, Loc> index = new LinkedHashMap<>();
        YamlTree.index(root, "", index);
        for (Problem p : plan.problems()) {
            String path = p.path().replaceFirst("^scenarios\\[0]\\.workload\\.", "");
            if (!diag.covers(path)) {
                diag.add(path, p.message(), locate(path, index));
            }
        }
        return plan;
    }

    /** The position of a path, else of its closest written parent. */
    private static Loc locate(String path, Map<String, Loc> index) {
        String p = path;
        while (!p.isEmpty()) {
            Loc loc = index.get(p);
            if (loc != null) {
                return loc;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return Loc.START;
    }

    // ---- profiles and metrics -----------------------------------------------------------------

    private LabelProfile profile(String name, Node node) {
        String path = "profiles." + name;
        if (node instanceof Scalar s && s.kind() == Kind.NULL) {
            return LabelProfile.of(name);
        }
        if (!(node instanceof Mapping p)) {
            problem(path, node.loc(), "a profile is a mapping, found " + node.describe());
            return null;
        }
        unknown(p, path, PROFILE);
        ignored(p, path, "zipf_alpha", "Mockingbird parses it and never uses it");
        List<LabelDim> labels = labels(p, path);
        Long cap = null;
        if (present(p, "series_cap")) {
            long c = integer(p, "series_cap", path, 0);
            if (c < 0) {
                problem(
                        path + ".series_cap",
                        at(p, "series_cap"),
                        "series_cap must be at least 0 (0 keeps every" + " series), got " + c
                                + "; Mockingbird drops the last " + (-c) + " combinations instead");
            } else if (c > 0) {
                cap = c;
            }
        }
        String strategy = string(p, "sampling_strategy", path, "first_n");
        LabelProfile.Sampling sampling = LabelProfile.Sampling.FIRST;
        if (strategy.equals("hash")) {
            sampling = LabelProfile.Sampling.HASH;
        } else if (!strategy.equals("first_n")) {
            problem(
                    path + ".sampling_strategy",
                    at(p, "sampling_strategy"),
                    "sampling_strategy must be first_n or hash, got '" + strategy + "'");
        }
        return new LabelProfile(name, labels, cap, sampling);
    }

    private List<LabelDim> labels(Mapping owner, String path) {
        List<LabelDim> out = new ArrayList<>();
        Node node = owner.values().get("labels");
        if (node == null || (node instanceof Scalar s && s.kind() == Kind.NULL)) {
            return out;
        }
        if (!(node instanceof Mapping labels)) {
            problem(path + ".labels", node.loc(), "labels is a mapping of label names, found " + node.describe());
            return out;
        }
        labels.values().forEach((name, spec) -> {
            String at = path + ".labels." + name;
            if (!(spec instanceof Mapping d)) {
                problem(at, spec.loc(), "a label is a mapping with values or range, found " + spec.describe());
                return;
            }
            unknown(d, at, LABEL);
            Node values = d.values().get("values");
            if (values != null && !(values instanceof Scalar s && s.kind() == Kind.NULL)) {
                out.add(new LabelDim(name, strings(values, at + ".values"), null));
                return;
            }
            Node range = d.values().get("range");
            if (range instanceof Seq r && r.items().size() == 2) {
                long start = integer(r.items().get(0), at + ".range[0]", 0);
                long end = integer(r.items().get(1), at + ".range[1]", 0);
                String fmt = d.values().get("fmt") instanceof Scalar f && f.kind() != Kind.NULL ? f.text() : null;
                out.add(new LabelDim(name, List.of(), new LabelRange(start, end, fmt)));
            } else if (range != null && !(range instanceof Scalar s && s.kind() == Kind.NULL)) {
                problem(at + ".range", range.loc(), "range must be [start, end], two integers");
            } else {
                problem(at, d.loc(), "label '" + name + "' has neither values nor range");
            }
        });
        return out;
    }

    private WorkloadMetric metric(Node node, String path) {
        if (!(node instanceof Mapping m)) {
            problem(path, node.loc(), "a metric is a mapping, found " + node.describe());
            return null;
        }
        unknown(m, path, METRIC);
        ignored(m, path, "allow_nan", "the algorithms produce no NaN");
        String name = requiredString(m, "name", path);
        String typeText = requiredString(m, "type", path);
        String profile = requiredString(m, "profile", path);
        String algorithm = requiredString(m, "algorithm", path);
        MetricType type =
                switch (typeText == null ? "" : typeText) {
                    case "counter" -> MetricType.COUNTER;
                    case "gauge" -> MetricType.GAUGE;
                    case "histogram" -> MetricType.HISTOGRAM;
                    case "summary" -> MetricType.SUMMARY;
                    default -> {
                        if (typeText != null) {
                            problem(
                                    path + ".type",
                                    at(m, "type"),
                                    "type must be counter, gauge, histogram or summary, got '" + typeText + "'");
                        }
                        yield null;
                    }
                };
        if (name == null || type == null || profile == null || algorithm == null) {
            return null;
        }
        Algorithm a = algorithm(m, path, type, algorithm);
        WorkloadMetric out = new WorkloadMetric(
                name,
                type,
                profile,
                labels(m, path),
                a,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                "Generated " + type.yamlName() + " metric: " + name);
        if (present(m, "seed")) {
            long s = integer(m, "seed", path, 0);
            if (s < 0) {
                problem(path + ".seed", at(m, "seed"), "seed must be at least 0, got " + s);
            } else {
                out = out.seed(s);
            }
        }
        if (type == MetricType.GAUGE && present(m, "clamp")) {
            List<Double> clamp = numbers(m.values().get("clamp"), path + ".clamp");
            if (clamp.size() != 2) {
                problem(
                        path + ".clamp",
                        at(m, "clamp"),
                        "clamp must be [min, max], two numbers, got " + clamp.size()
                                + " (Mockingbird then fails on every tick)");
            } else {
                out = out.clamp(clamp.get(0), clamp.get(1));
            }
        }
        if (type == MetricType.HISTOGRAM && present(m, "buckets")) {
            out = out.buckets(numbers(m.values().get("buckets"), path + ".buckets").stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray());
        }
        if (type == MetricType.SUMMARY && m.values().get("objectives") instanceof Mapping o) {
            TreeSet<Double> quantiles = new TreeSet<>();
            o.values().forEach((k, v) -> {
                try {
                    quantiles.add(Double.parseDouble(k));
                } catch (NumberFormatException e) {
                    problem(
                            path + ".objectives." + k,
                            o.keys().get(k),
                            "an objective's key is a quantile, got '" + k + "'");
                }
            });
            out = out.quantiles(
                    quantiles.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** Mockingbird's algorithm for a type, an unknown name falling back as {@code generators.py} does. */
    private Algorithm algorithm(Mapping m, String path, MetricType type, String name) {
        double baseRate = number(m, "base_rate", path, 1.0);
        double mu = number(m, "mu", path, 0.0);
        double sigma = number(m, "sigma", path, 1.0);
        double lam = number(m, "lam", path, 1.0);
        switch (type) {
            case COUNTER:
                return name.equals(Algorithm.Constant.TYPE)
                        ? new Algorithm.Constant(baseRate)
                        : new Algorithm.Poisson(
                                baseRate, number(m, "diurnal_amp", path, 0.0), number(m, "diurnal_phase", path, 0.0));
            case GAUGE:
                double min = number(m, "min", path, 0.0);
                double max = number(m, "max", path, 1.0);
                Duration period = Duration.ofSeconds(integer(m, "period_s", path, 3600));
                return switch (name) {
                    case Algorithm.Sine.TYPE -> new Algorithm.Sine(min, max, period);
                    case Algorithm.Sawtooth.TYPE -> new Algorithm.Sawtooth(min, max, period);
                    case Algorithm.Bernoulli.TYPE -> new Algorithm.Bernoulli(number(m, "p", path, 0.5));
                    case Algorithm.Constant.TYPE -> new Algorithm.Constant(number(m, "start", path, 0.0));
                    default -> new Algorithm.RandomWalk(
                            number(m, "start", path, 0.0), number(m, Algorithm.RandomWalk.STEP, path, 0.1));
                };
            case HISTOGRAM:
                if (name.equals(Algorithm.Exponential.TYPE)) {
                    return new Algorithm.Exponential(lam);
                }
                if (name.equals(Algorithm.Mixture.TYPE)
                        && m.values().get("components") instanceof Seq components
                        && !components.items().isEmpty()) {
                    List<Algorithm.Mixture.Component> list = new ArrayList<>();
                    for (int i = 0; i < components.items().size(); i++) {
                        Algorithm.Mixture.Component c =
                                component(components.items().get(i), path + ".components[" + i + "]", mu, sigma);
                        if (c != null) {
                            list.add(c);
                        }
                    }
                    return new Algorithm.Mixture(list);
                }
                return new Algorithm.LogNormal(mu, sigma);
            default:
                return name.equals(Algorithm.Exponential.TYPE)
                        ? new Algorithm.Exponential(lam)
                        : new Algorithm.LogNormal(mu, sigma);
        }
    }

    private Algorithm.Mixture.Component component(Node node, String path, double mu, double sigma) {
        if (!(node instanceof Mapping c)) {
            problem(path, node.loc(), "a component is a mapping, found " + node.describe());
            return null;
        }
        unknown(c, path, COMPONENT);
        String type = requiredString(c, "type", path);
        if (!present(c, "weight")) {
            problem(path, c.loc(), "missing required key 'weight'");
            return null;
        }
        double weight = number(c, "weight", path, 1.0);
        Algorithm d =
                switch (type == null ? "" : type) {
                    case Algorithm.LogNormal.TYPE -> new Algorithm.LogNormal(
                            number(c, "mu", path, 0.0), number(c, "sigma", path, 1.0));
                    case Algorithm.Exponential.TYPE -> new Algorithm.Exponential(number(c, "lam", path, 1.0));
                    default -> new Algorithm.LogNormal(mu, sigma);
                };
        return new Algorithm.Mixture.Component(weight, d);
    }

    private Workload runtime(Mapping root, Workload w) {
        if (!(root.values().get("runtime") instanceof Mapping rt)) {
            return w;
        }
        unknown(rt, "runtime", List.of("on_start", "failure_modes"));
        ignored(rt, "runtime", "failure_modes", "Mockingbird parses it and never uses it");
        if (rt.values().get("on_start") instanceof Seq actions) {
            for (int i = 0; i < actions.items().size(); i++) {
                String path = "runtime.on_start[" + i + "]";
                if (!(actions.items().get(i) instanceof Mapping a)) {
                    continue;
                }
                String action = requiredString(a, "action", path);
                if (!SeriesCount.Spike.MODE.equals(action)) { // the same word: "spike"
                    diag.warn(
                            path + ".action",
                            "only spike actions run at start; '" + action + "' is ignored",
                            at(a, "action"));
                    continue;
                }
                w = w.spike(
                        requiredString(a, "metric", path),
                        number(a, "multiplier", path, 1.0),
                        Duration.ZERO,
                        Duration.ofSeconds(integer(a, "duration_s", path, 0)));
            }
        }
        return w;
    }

    // ---- lax values (pydantic v2 defaults) ----------------------------------------------------

    private Mapping map(Mapping owner, String key, String path) {
        Node n = owner == null ? null : owner.values().get(key);
        if (n == null || (n instanceof Scalar s && s.kind() == Kind.NULL)) {
            return null;
        }
        if (n instanceof Mapping m) {
            return m;
        }
        problem(path, n.loc(), path + " must be a mapping, found " + n.describe());
        return null;
    }

    private static boolean present(Mapping m, String key) {
        return value(m, key) != null;
    }

    /** The node at {@code key}, or null when the mapping, the key or its value is absent or null. */
    private static Node value(Mapping m, String key) {
        Node n = m == null ? null : m.values().get(key);
        return n == null || (n instanceof Scalar s && s.kind() == Kind.NULL) ? null : n;
    }

    private static Loc at(Mapping m, String key) {
        if (m == null) {
            return Loc.START;
        }
        Node n = m.values().get(key);
        return n != null ? n.loc() : m.loc();
    }

    private String requiredString(Mapping m, String key, String path) {
        if (!present(m, key)) {
            problem(path, m.loc(), "missing required key '" + key + "'");
            return null;
        }
        return string(m, key, path, null);
    }

    private String string(Mapping m, String key, String path, String fallback) {
        Node n = value(m, key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            return s.text();
        }
        problem(path + "." + key, n.loc(), key + " must be text, found " + n.describe());
        return fallback;
    }

    private long integer(Mapping m, String key, String path, long fallback) {
        Node n = value(m, key);
        if (n == null) {
            return fallback;
        }
        return integer(n, path + "." + key, fallback);
    }

    /** An int field: integers, floats with no fraction, numeric strings, booleans. */
    private long integer(Node n, String path, long fallback) {
        if (n instanceof Scalar s) {
            String t = s.text().trim();
            if (s.kind() == Kind.BOOL) {
                return t.equalsIgnoreCase("true") ? 1 : 0;
            }
            try {
                BigDecimal d = new BigDecimal(t.replace("_", ""));
                return d.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        problem(path, n.loc(), "expected an integer, found " + n.describe());
        return fallback;
    }

    /** A float field: numbers, numeric strings, booleans. */
    private double number(Mapping m, String key, String path, double fallback) {
        Node n = value(m, key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            if (s.kind() == Kind.BOOL) {
                return s.text().equalsIgnoreCase("true") ? 1 : 0;
            }
            try {
                return Obj.parseFloat(s.text().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(path + "." + key, n.loc(), "expected a number, found " + n.describe());
        return fallback;
    }

    private List<Double> numbers(Node n, String path) {
        List<Double> out = new ArrayList<>();
        if (!(n instanceof Seq seq)) {
            problem(path, n.loc(), "expected a list of numbers, found " + n.describe());
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            if (item instanceof Scalar s && s.kind() != Kind.NULL) {
                try {
                    out.add(Obj.parseFloat(s.text().trim()));
                    continue;
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            problem(path + "[" + i + "]", item.loc(), "expected a number, found " + item.describe());
        }
        return out;
    }

    private List<String> strings(Node n, String path) {
        List<String> out = new ArrayList<>();
        if (!(n instanceof Seq seq)) {
            problem(path, n.loc(), "expected a list, found " + n.describe());
            return out;
        }
        for (Node item : seq.items()) {
            if (item instanceof Scalar s && s.kind() != Kind.NULL) {
                out.add(s.text());
            } else {
                problem(path, item.loc(), "a label value is text, found " + item.describe());
            }
        }
        return out;
    }

    private Map<String, String> stringMap(Mapping m, String key, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        Node n = m == null ? null : m.values().get(key);
        if (n instanceof Mapping map) {
            map.values().forEach((k, v) -> {
                if (v instanceof Scalar s) {
                    out.put(k, s.text());
                } else {
                    problem(path + "." + key + "." + k, v.loc(), "expected text, found " + v.describe());
                }
            });
        }
        return out;
    }

    /** A bool field: true/false, 0/1 and yes/no/on/off/t/f/y/n in any case. */
    private boolean bool(Mapping m, String key, String path, boolean fallback) {
        Node n = value(m, key);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            switch (s.text().trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y":
                    return true;
                case "false", "0", "no", "off", "f", "n":
                    return false;
                default:
                    break;
            }
        }
        problem(path + "." + key, n.loc(), "expected a boolean, found " + n.describe());
        return fallback;
    }

    // ---- reports --------------------------------------------------------------------------------

    private void unknown(Mapping m, String path, List<String> known) {
        if (m == null) {
            return;
        }
        m.values().keySet().forEach(k -> {
            if (!known.contains(k)) {
                diag.warn(
                        path.isEmpty() ? k : path + "." + k,
                        "Mockingbird ignores the key '" + k + "', and so does the import; known: "
                                + String.join(", ", known),
                        m.keys().get(k));
            }
        });
    }

    private void ignored(Mapping m, String path, String key, String why) {
        if (m != null && m.values().containsKey(key)) {
            diag.warn(
                    path + "." + key,
                    "'" + key + "' is not imported: " + why,
                    m.keys().get(key));
        }
    }

    private void problem(String path, Loc loc, String message) {
        diag.add(path, message, loc == null ? Loc.START : loc);
    }
}
