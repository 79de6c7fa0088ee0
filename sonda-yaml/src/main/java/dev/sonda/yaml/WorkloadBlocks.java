package dev.sonda.yaml;

import dev.sonda.api.DurationText;
import dev.sonda.api.MetricType;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.Churn;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelDim;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.LabelRange;
import dev.sonda.api.workload.LabelRotation;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.ScheduledSpike;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.Shard;
import dev.sonda.api.workload.Workload;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.yaml.YamlTree.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code workload:} block of a {@code signal_type: workload} entry, read into the IR and
 * written back so that reading gives an equal workload. Unknown keys are errors with a
 * did-you-mean; every problem carries its path and position.
 */
final class WorkloadBlocks {
    static final List<String> WORKLOAD_KEYS =
            List.of("seed", "threads", "shard", "profiles", "metrics", "churn", "spikes", "scrape", "control", "push");
    private static final List<String> PROFILE_KEYS = List.of("labels", "series_cap", "sampling");
    private static final List<String> LABEL_KEYS = List.of("values", "range", "fmt");
    private static final List<String> METRIC_KEYS = List.of(
            "name",
            "type",
            "profile",
            "algorithm",
            "labels",
            "seed",
            "help",
            "clamp",
            "buckets",
            "quantiles",
            "window",
            "observations_per_tick",
            "reset_every");
    private static final List<String> CHURN_KEYS =
            List.of("series_every", "cycle_label", "metric_every", "labels", "series_count");
    private static final Map<String, MetricType> TYPES = Variants.of(
            Map.entry("counter", MetricType.COUNTER),
            Map.entry("gauge", MetricType.GAUGE),
            Map.entry("histogram", MetricType.HISTOGRAM),
            Map.entry("summary", MetricType.SUMMARY));
    private static final Map<String, LabelProfile.Sampling> SAMPLING =
            Variants.of(Map.entry("first", LabelProfile.Sampling.FIRST), Map.entry("hash", LabelProfile.Sampling.HASH));
    private static final Map<String, List<String>> ALGORITHM_KEYS = Map.ofEntries(
            Map.entry(Algorithm.Poisson.TYPE, List.of("base_rate", "diurnal_amp", "diurnal_phase")),
            Map.entry(Algorithm.Constant.TYPE, List.of("increment", "value")),
            Map.entry(Algorithm.RandomWalk.TYPE, List.of("start", Algorithm.RandomWalk.STEP)),
            Map.entry(Algorithm.Sine.TYPE, List.of("min", "max", "period")),
            Map.entry(Algorithm.Sawtooth.TYPE, List.of("min", "max", "period")),
            Map.entry(Algorithm.Bernoulli.TYPE, List.of("p")),
            Map.entry(Algorithm.FromGenerator.TYPE, List.of(Algorithm.FromGenerator.TYPE)),
            Map.entry(Algorithm.LogNormal.TYPE, List.of("mu", "sigma")),
            Map.entry(Algorithm.Exponential.TYPE, List.of("rate")),
            Map.entry(Algorithm.Mixture.TYPE, List.of("components")));
    private static final Map<String, String> ALGORITHMS = algorithms();

    private static Map<String, String> algorithms() {
        Map<String, String> m = new java.util.TreeMap<>();
        ALGORITHM_KEYS.keySet().forEach(k -> m.put(k, k));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The series count's change per interval: the same word as a random walk's step. */
    private static final String STEP = Algorithm.RandomWalk.STEP;

    private final SpecReader specs;

    WorkloadBlocks(SpecReader specs) {
        this.specs = specs;
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The workload at {@code w}, or null after a problem. */
    Workload read(Obj w) {
        w.strict(WORKLOAD_KEYS);
        Long seed = w.unsigned64("seed");
        Integer threads = w.integer("threads", 1, 4096);
        Shard shard = null;
        String shardText = w.string("shard");
        if (shardText != null) {
            try {
                shard = Shard.parse(shardText);
            } catch (IllegalArgumentException e) {
                w.problem("shard", e.getMessage());
            }
        }
        List<LabelProfile> profiles = new ArrayList<>(
                w.entries("profiles", (n, p) -> profile(n, p, w)).values());
        w.require("metrics");
        List<WorkloadMetric> metrics = w.items("metrics", (n, p) -> metric(n, p, w));
        Churn churn = w.with("churn", this::churn);
        List<ScheduledSpike> spikes = w.items("spikes", (n, p) -> spike(n, p, w));
        Endpoint scrape = w.with("scrape", e -> endpoint(e, true));
        Endpoint control = w.with("control", e -> endpoint(e, false));
        Push push = w.with("push", this::push);
        if (w.failed()) {
            return null;
        }
        return new Workload(profiles, metrics, seed, churn, spikes, scrape, control, push, shard, threads);
    }

    private LabelProfile profile(Node n, String path, Obj parent) {
        Obj p = Obj.of(n, path, parent.diag(), parent);
        if (p == null) {
            return null;
        }
        p.strict(PROFILE_KEYS);
        String name = path.substring(path.lastIndexOf('.') + 1);
        List<LabelDim> labels = labels(p);
        Long cap = p.integer("series_cap", 1, Long.MAX_VALUE);
        LabelProfile.Sampling sampling = p.choice("sampling", SAMPLING);
        return p.failed() ? null : new LabelProfile(name, labels, cap, sampling);
    }

    private List<LabelDim> labels(Obj parent) {
        return new ArrayList<>(parent.entries("labels", (n, p) -> {
                    Obj d = Obj.of(n, p, parent.diag(), parent);
                    if (d == null) {
                        return null;
                    }
                    d.strict(LABEL_KEYS);
                    String name = p.substring(p.lastIndexOf('.') + 1);
                    List<String> values = d.strings("values");
                    LabelRange range = null;
                    if (d.has("range")) {
                        List<Double> r = d.numbers("range");
                        if (r.size() != 2 || r.stream().anyMatch(x -> x != Math.rint(x))) {
                            d.problem("range", "range must be [start, end], two integers, got " + r);
                        } else {
                            range = new LabelRange(
                                    r.get(0).longValue(), r.get(1).longValue(), d.string("fmt"));
                        }
                    } else if (d.has("fmt")) {
                        d.problem("fmt", "fmt formats a range: add range: [start, end], or drop fmt");
                    }
                    return d.failed() ? null : new LabelDim(name, values, range);
                })
                .values());
    }

    private WorkloadMetric metric(Node n, String path, Obj parent) {
        Obj m = Obj.of(n, path, parent.diag(), parent);
        if (m == null) {
            return null;
        }
        String algorithmName = m.reqStr("algorithm");
        List<String> allowed = new ArrayList<>(METRIC_KEYS);
        if (algorithmName != null && ALGORITHMS.containsKey(algorithmName)) {
            allowed.addAll(ALGORITHM_KEYS.get(algorithmName));
        }
        m.strict(allowed);
        String name = m.reqStr("name");
        m.require("type");
        MetricType type = m.choice("type", TYPES);
        String profile = m.reqStr("profile");
        Algorithm algorithm = algorithmName == null ? null : algorithm(m, algorithmName, type);
        List<LabelDim> labels = labels(m);
        Long seed = m.unsigned64("seed");
        String help = m.string("help");
        WorkloadMetric.Clamp clamp = null;
        if (m.has("clamp")) {
            List<Double> c = m.numbers("clamp");
            if (c.size() != 2) {
                m.problem("clamp", "clamp must be [min, max], two numbers, got " + c.size());
            } else {
                clamp = new WorkloadMetric.Clamp(c.get(0), c.get(1));
            }
        }
        List<Double> buckets = m.numbers("buckets");
        List<Double> quantiles = m.numbers("quantiles");
        Duration window = m.dur("window", DurationText::parse, WorkloadBlocks::invalid);
        Integer observations = m.integer("observations_per_tick", 1, Integer.MAX_VALUE);
        Duration reset = m.dur("reset_every", DurationText::parse, WorkloadBlocks::invalid);
        if (m.failed() || type == null || algorithm == null) {
            return null;
        }
        return new WorkloadMetric(
                name,
                type,
                profile,
                labels,
                algorithm,
                clamp,
                buckets,
                quantiles,
                window,
                observations,
                reset,
                seed,
                help);
    }

    private Algorithm algorithm(Obj m, String name, MetricType type) {
        if (!ALGORITHMS.containsKey(name)) {
            m.choice("algorithm", ALGORITHMS);
            return null;
        }
        return switch (name) {
            case Algorithm.Poisson.TYPE -> new Algorithm.Poisson(
                    m.number("base_rate", 1.0), m.number("diurnal_amp", 0.0), m.number("diurnal_phase", 0.0));
            case Algorithm.Constant.TYPE -> new Algorithm.Constant(
                    type == MetricType.COUNTER ? m.requiredNumber("increment") : m.requiredNumber("value"));
            case Algorithm.RandomWalk.TYPE -> new Algorithm.RandomWalk(
                    m.number("start", 0.0), m.number(Algorithm.RandomWalk.STEP, 0.1));
            case Algorithm.Sine.TYPE -> new Algorithm.Sine(m.number("min", 0.0), m.number("max", 1.0), period(m));
            case Algorithm.Sawtooth.TYPE -> new Algorithm.Sawtooth(
                    m.number("min", 0.0), m.number("max", 1.0), period(m));
            case Algorithm.Bernoulli.TYPE -> new Algorithm.Bernoulli(m.number("p", 0.5));
            case Algorithm.FromGenerator.TYPE -> {
                m.require(Algorithm.FromGenerator.TYPE);
                GeneratorSpec g = m.has(Algorithm.FromGenerator.TYPE)
                        ? specs.generator(m.get(Algorithm.FromGenerator.TYPE), m.path(Algorithm.FromGenerator.TYPE), m)
                        : null;
                yield g == null ? null : new Algorithm.FromGenerator(g);
            }
            case Algorithm.Mixture.TYPE -> {
                m.require("components");
                List<Algorithm.Mixture.Component> components = m.items("components", (n, p) -> component(n, p, m));
                yield new Algorithm.Mixture(components);
            }
            default -> distribution(m, name);
        };
    }

    private static Algorithm distribution(Obj o, String name) {
        return name.equals(Algorithm.LogNormal.TYPE)
                ? new Algorithm.LogNormal(o.number("mu", 0.0), o.number("sigma", 1.0))
                : new Algorithm.Exponential(o.number("rate", 1.0));
    }

    private Algorithm.Mixture.Component component(Node n, String path, Obj parent) {
        Obj c = Obj.of(n, path, parent.diag(), parent);
        if (c == null) {
            return null;
        }
        String type = c.reqStr("type");
        boolean known = Algorithm.LogNormal.TYPE.equals(type) || Algorithm.Exponential.TYPE.equals(type);
        c.strict(
                type != null && type.equals(Algorithm.Exponential.TYPE)
                        ? List.of("type", "weight", "rate")
                        : List.of("type", "weight", "mu", "sigma"));
        if (type != null && !known) {
            c.problem("type", "a mixture component is lognormal or exponential, got '" + type + "'");
        }
        double weight = c.requiredNumber("weight");
        return c.failed() || !known ? null : new Algorithm.Mixture.Component(weight, distribution(c, type));
    }

    private static Duration period(Obj m) {
        Duration d = m.dur("period", DurationText::parse, WorkloadBlocks::invalid);
        return d == null ? Duration.ofHours(1) : d;
    }

    private Churn churn(Obj c) {
        c.strict(CHURN_KEYS);
        Duration series = c.dur("series_every", DurationText::parse, WorkloadBlocks::invalid);
        String cycleLabel = c.string("cycle_label");
        Duration metric = c.dur("metric_every", DurationText::parse, WorkloadBlocks::invalid);
        List<LabelRotation> rotations = c.items("labels", (n, p) -> {
            Obj r = Obj.of(n, p, c.diag(), c);
            if (r == null) {
                return null;
            }
            r.strict(List.of("label", "every", "fraction"));
            LabelRotation v = new LabelRotation(
                    String.valueOf(r.reqStr("label")),
                    r.reqDur("every", DurationText::parse, WorkloadBlocks::invalid),
                    r.number("fraction", 1.0));
            return r.failed() ? null : v;
        });
        SeriesCount count = c.with("series_count", this::seriesCount);
        return c.failed() ? null : new Churn(series, cycleLabel, metric, rotations, count);
    }

    private SeriesCount seriesCount(Obj s) {
        String mode = s.reqStr("mode");
        if (mode == null) {
            return null;
        }
        Duration every;
        return switch (mode) {
            case SeriesCount.Gradual.MODE -> {
                s.strict(List.of("mode", "min", "max", STEP, "every"));
                every = s.reqDur("every", DurationText::parse, WorkloadBlocks::invalid);
                yield s.failed()
                        ? null
                        : new SeriesCount.Gradual(
                                s.requiredInteger("min", 0, Long.MAX_VALUE),
                                s.requiredInteger("max", 0, Long.MAX_VALUE),
                                s.requiredInteger(STEP, 1, Long.MAX_VALUE),
                                every);
            }
            case SeriesCount.DoubleHalve.MODE -> {
                s.strict(List.of("mode", "start", "every"));
                every = s.reqDur("every", DurationText::parse, WorkloadBlocks::invalid);
                yield new SeriesCount.DoubleHalve(s.requiredInteger("start", 1, Long.MAX_VALUE), every);
            }
            case SeriesCount.Spike.MODE -> {
                s.strict(List.of("mode", "base", "multiplier", "every"));
                every = s.reqDur("every", DurationText::parse, WorkloadBlocks::invalid);
                yield new SeriesCount.Spike(
                        s.requiredInteger("base", 1, Long.MAX_VALUE), s.requiredNumber("multiplier"), every);
            }
            default -> {
                s.problem("mode", "series_count mode must be gradual, double_halve or spike, got '" + mode + "'");
                yield null;
            }
        };
    }

    private ScheduledSpike spike(Node n, String path, Obj parent) {
        Obj s = Obj.of(n, path, parent.diag(), parent);
        if (s == null) {
            return null;
        }
        s.strict(List.of("metric", "multiplier", "at", "for"));
        ScheduledSpike v = new ScheduledSpike(
                String.valueOf(s.reqStr("metric")),
                s.requiredNumber("multiplier"),
                orZero(s.dur("at", DurationText::parseOptional, WorkloadBlocks::invalid)),
                s.reqDur("for", DurationText::parse, WorkloadBlocks::invalid));
        return s.failed() ? null : v;
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static Endpoint endpoint(Obj e, boolean scrape) {
        e.strict(scrape ? List.of("port", "bind_address", "prefix", "timestamps") : List.of("port", "bind_address"));
        Endpoint v = new Endpoint(
                e.string("bind_address"),
                (int) e.requiredInteger("port", 0, 65535),
                e.string("prefix"),
                Boolean.TRUE.equals(e.bool("timestamps")));
        return e.failed() ? null : v;
    }

    private Push push(Obj p) {
        p.strict(List.of("every", "prefix", "enabled"));
        Duration every = p.dur("every", DurationText::parse, WorkloadBlocks::invalid);
        String prefix = p.string("prefix");
        Boolean enabled = p.bool("enabled");
        return p.failed() ? null : new Push(every, prefix, enabled == null || enabled);
    }

    private static String invalid(String text, String reason) {
        return "invalid duration '" + text + "': " + reason;
    }

    // ---- writing --------------------------------------------------------------------------------

    /** The block as a writable tree (keys at their defaults left out). */
    static Map<String, Object> write(Workload w, Function<GeneratorSpec, Map<String, Object>> generator) {
        Map<String, Object> m = new LinkedHashMap<>();
        ScenarioWriter.put(m, "seed", w.seed() == null ? null : ScenarioWriter.unsigned(w.seed()));
        ScenarioWriter.put(
                m,
                "threads",
                w.threads() == null ? null : new ScenarioWriter.Num(w.threads().toString()));
        ScenarioWriter.put(m, "shard", w.shard() == null ? null : w.shard().toString());
        Map<String, Object> profiles = new LinkedHashMap<>();
        for (LabelProfile p : w.profiles()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("labels", labels(p.labels()));
            ScenarioWriter.put(
                    pm,
                    "series_cap",
                    p.seriesCap() == null
                            ? null
                            : new ScenarioWriter.Num(p.seriesCap().toString()));
            if (p.sampling() != LabelProfile.Sampling.FIRST) {
                pm.put("sampling", new ScenarioWriter.Num(p.sampling().yamlName()));
            }
            profiles.put(p.name(), pm);
        }
        m.put("profiles", profiles);
        m.put("metrics", w.metrics().stream().map(x -> metric(x, generator)).toList());
        if (w.churn() != null) {
            m.put("churn", churn(w.churn()));
        }
        if (!w.spikes().isEmpty()) {
            m.put("spikes", w.spikes().stream().map(WorkloadBlocks::spike).toList());
        }
        ScenarioWriter.put(m, "scrape", w.scrape() == null ? null : endpoint(w.scrape()));
        ScenarioWriter.put(m, "control", w.control() == null ? null : endpoint(w.control()));
        if (w.push() != null) {
            Map<String, Object> pm = new LinkedHashMap<>();
            ScenarioWriter.put(pm, "every", ScenarioWriter.strict(w.push().every()));
            ScenarioWriter.put(pm, "prefix", w.push().prefix());
            if (!w.push().enabled()) {
                pm.put("enabled", false);
            }
            m.put("push", pm);
        }
        return m;
    }

    private static Map<String, Object> labels(List<LabelDim> dims) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (LabelDim d : dims) {
            Map<String, Object> dm = new LinkedHashMap<>();
            if (d.range() != null) {
                dm.put(
                        "range",
                        List.of(
                                new ScenarioWriter.Num(Long.toString(d.range().start())),
                                new ScenarioWriter.Num(Long.toString(d.range().end()))));
                ScenarioWriter.put(dm, "fmt", d.range().fmt());
            } else {
                dm.put("values", d.values());
            }
            out.put(d.name(), dm);
        }
        return out;
    }

    private static Map<String, Object> metric(WorkloadMetric x, Function<GeneratorSpec, Map<String, Object>> gen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("type", new ScenarioWriter.Num(x.type().yamlName()));
        m.put("profile", x.profile());
        Algorithm a = x.algorithm();
        m.put("algorithm", new ScenarioWriter.Num(a.type()));
        if (a instanceof Algorithm.Poisson p) {
            m.put("base_rate", ScenarioWriter.num(p.baseRate()));
            if (p.diurnalAmp() != 0) {
                m.put("diurnal_amp", ScenarioWriter.num(p.diurnalAmp()));
            }
            if (p.diurnalPhase() != 0) {
                m.put("diurnal_phase", ScenarioWriter.num(p.diurnalPhase()));
            }
        } else if (a instanceof Algorithm.Constant c) {
            m.put(x.type() == MetricType.COUNTER ? "increment" : "value", ScenarioWriter.num(c.value()));
        } else if (a instanceof Algorithm.RandomWalk r) {
            m.put("start", ScenarioWriter.num(r.start()));
            m.put(Algorithm.RandomWalk.STEP, ScenarioWriter.num(r.step()));
        } else if (a instanceof Algorithm.Sine s) {
            shape(m, s.min(), s.max(), s.period());
        } else if (a instanceof Algorithm.Sawtooth s) {
            shape(m, s.min(), s.max(), s.period());
        } else if (a instanceof Algorithm.Bernoulli b) {
            m.put("p", ScenarioWriter.num(b.p()));
        } else if (a instanceof Algorithm.FromGenerator g) {
            m.put(Algorithm.FromGenerator.TYPE, gen.apply(g.generator()));
        } else if (a instanceof Algorithm.Mixture mix) {
            List<Map<String, Object>> components = new ArrayList<>();
            for (Algorithm.Mixture.Component c : mix.components()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("type", new ScenarioWriter.Num(c.distribution().type()));
                cm.put("weight", ScenarioWriter.num(c.weight()));
                distribution(cm, c.distribution());
                components.add(cm);
            }
            m.put("components", components);
        } else {
            distribution(m, a);
        }
        if (!x.labels().isEmpty()) {
            m.put("labels", labels(x.labels()));
        }
        ScenarioWriter.put(m, "seed", x.seed() == null ? null : ScenarioWriter.unsigned(x.seed()));
        ScenarioWriter.put(m, "help", x.help());
        if (x.clamp() != null) {
            m.put(
                    "clamp",
                    List.of(
                            ScenarioWriter.num(x.clamp().min()),
                            ScenarioWriter.num(x.clamp().max())));
        }
        if (!x.buckets().isEmpty()) {
            m.put("buckets", x.buckets().stream().map(ScenarioWriter::num).toList());
        }
        if (!x.quantiles().isEmpty()) {
            m.put("quantiles", x.quantiles().stream().map(ScenarioWriter::num).toList());
        }
        ScenarioWriter.put(m, "window", ScenarioWriter.strict(x.window()));
        ScenarioWriter.put(
                m,
                "observations_per_tick",
                x.observationsPerTick() == null
                        ? null
                        : new ScenarioWriter.Num(x.observationsPerTick().toString()));
        ScenarioWriter.put(m, "reset_every", ScenarioWriter.strict(x.resetEvery()));
        return m;
    }

    private static void shape(Map<String, Object> m, double min, double max, Duration period) {
        m.put("min", ScenarioWriter.num(min));
        m.put("max", ScenarioWriter.num(max));
        m.put("period", ScenarioWriter.strict(period));
    }

    private static void distribution(Map<String, Object> m, Algorithm a) {
        if (a instanceof Algorithm.LogNormal l) {
            m.put("mu", ScenarioWriter.num(l.mu()));
            m.put("sigma", ScenarioWriter.num(l.sigma()));
        } else if (a instanceof Algorithm.Exponential e) {
            m.put("rate", ScenarioWriter.num(e.rate()));
        }
    }

    private static Map<String, Object> churn(Churn c) {
        Map<String, Object> m = new LinkedHashMap<>();
        ScenarioWriter.put(m, "series_every", ScenarioWriter.strict(c.seriesEvery()));
        ScenarioWriter.put(m, "cycle_label", c.cycleLabel());
        ScenarioWriter.put(m, "metric_every", ScenarioWriter.strict(c.metricEvery()));
        if (!c.labels().isEmpty()) {
            List<Map<String, Object>> labels = new ArrayList<>();
            for (LabelRotation r : c.labels()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("label", r.label());
                rm.put("every", ScenarioWriter.strict(r.every()));
                rm.put("fraction", ScenarioWriter.num(r.fraction()));
                labels.add(rm);
            }
            m.put("labels", labels);
        }
        SeriesCount s = c.seriesCount();
        if (s != null) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("mode", new ScenarioWriter.Num(s.mode()));
            if (s instanceof SeriesCount.Gradual g) {
                sm.put("min", new ScenarioWriter.Num(Long.toString(g.min())));
                sm.put("max", new ScenarioWriter.Num(Long.toString(g.max())));
                sm.put(Algorithm.RandomWalk.STEP, new ScenarioWriter.Num(Long.toString(g.step())));
            } else if (s instanceof SeriesCount.DoubleHalve d) {
                sm.put("start", new ScenarioWriter.Num(Long.toString(d.start())));
            } else if (s instanceof SeriesCount.Spike k) {
                sm.put("base", new ScenarioWriter.Num(Long.toString(k.base())));
                sm.put("multiplier", ScenarioWriter.num(k.multiplier()));
            }
            sm.put("every", ScenarioWriter.strict(s.every()));
            m.put("series_count", sm);
        }
        return m;
    }

    private static Map<String, Object> spike(ScheduledSpike s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", s.metric());
        m.put("multiplier", ScenarioWriter.num(s.multiplier()));
        m.put("at", s.at().isZero() ? new ScenarioWriter.Num("0s") : ScenarioWriter.strict(s.at()));
        m.put("for", ScenarioWriter.strict(s.duration()));
        return m;
    }

    private static Map<String, Object> endpoint(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        ScenarioWriter.put(m, "bind_address", e.bindAddress());
        m.put("port", new ScenarioWriter.Num(Integer.toString(e.port())));
        ScenarioWriter.put(m, "prefix", e.prefix());
        if (e.timestamps()) {
            m.put("timestamps", true);
        }
        return m;
    }
}
