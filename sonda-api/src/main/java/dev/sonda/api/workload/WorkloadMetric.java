package dev.sonda.api.workload;

import dev.sonda.api.MetricType;
import dev.sonda.api.Names;
import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One metric of a workload (an item of YAML {@code metrics:}): a name, a type, the profile whose
 * label space it spans (plus labels of its own), and the algorithm of its values. Every series of
 * the space gets a value on every tick.
 *
 * <p>Immutable; the factories and {@code with...}-style methods return copies:
 *
 * <pre>{@code
 * WorkloadMetric.counter("requests_total", "low").poisson(5, 0.2).label("endpoint", "/", "/login")
 * WorkloadMetric.gauge("cpu_usage", "low").randomWalk(0.4, 0.02).clamp(0, 1)
 * WorkloadMetric.histogram("req_latency_seconds", "low").lognormal(-2, 0.9).buckets(0.025, 0.05, 0.1)
 * }</pre>
 *
 * @param name the metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}), unique in the workload
 * @param type counter, gauge, histogram or summary (YAML {@code type})
 * @param profile the name of the profile whose labels it spans (YAML {@code profile})
 * @param labels labels of its own (YAML {@code labels}), merged into the profile's: a new name is
 *     appended after the profile's labels, a name the profile has replaces that label in place
 * @param algorithm how the values evolve
 * @param clamp gauges: bounds of the value (YAML {@code clamp: [min, max]}), or null
 * @param buckets histograms: the finite upper bounds, strictly ascending (YAML {@code buckets});
 *     empty for {@link #DEFAULT_BUCKETS}
 * @param quantiles summaries: the quantiles, each in (0, 1), strictly ascending (YAML {@code
 *     quantiles}); empty for {@link #DEFAULT_QUANTILES}
 * @param window summaries: how far back the quantiles look (YAML {@code window}), or null for
 *     {@link #DEFAULT_WINDOW}
 * @param observationsPerTick histograms and summaries: observations per series per tick (YAML
 *     {@code observations_per_tick}), at least 1, or null for 1
 * @param resetEvery counters: each series restarts from 0 once per this interval, at a time of
 *     its own within it (YAML {@code reset_every}), or null for never
 * @param seed this metric's seed (YAML {@code seed}), unsigned, or null for the workload's
 * @param help the {@code # HELP} text, or null for none
 */
public record WorkloadMetric(
        String name,
        MetricType type,
        String profile,
        List<LabelDim> labels,
        Algorithm algorithm,
        Clamp clamp,
        List<Double> buckets,
        List<Double> quantiles,
        Duration window,
        Integer observationsPerTick,
        Duration resetEvery,
        Long seed,
        String help) {

    /** The default histogram bounds, Prometheus client libraries' defaults. */
    public static final List<Double> DEFAULT_BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    /** The default summary quantiles. */
    public static final List<Double> DEFAULT_QUANTILES = List.of(0.5, 0.9, 0.99);

    /** The default summary window: one minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /**
     * Gauge bounds (YAML {@code clamp: [min, max]}).
     *
     * @param min the lowest value
     * @param max the highest value, at least {@code min}
     */
    public record Clamp(double min, double max) {}

    /**
     * Creates the record, copying the lists.
     *
     * @param name the metric name
     * @param type the metric type
     * @param profile the profile's name
     * @param labels labels of its own
     * @param algorithm the algorithm
     * @param clamp the gauge bounds, or null
     * @param buckets histogram bounds, or empty for the defaults
     * @param quantiles summary quantiles, or empty for the defaults
     * @param window the summary window, or null
     * @param observationsPerTick observations per tick, or null for 1
     * @param resetEvery the counter reset interval, or null
     * @param seed the seed, or null
     * @param help the help text, or null
     * @throws NullPointerException if {@code name}, {@code type}, {@code profile} or {@code
     *     algorithm} is null
     */
    public WorkloadMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(algorithm, "algorithm");
        labels = labels == null ? List.of() : List.copyOf(labels);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
    }

    private static WorkloadMetric of(String name, MetricType type, String profile, Algorithm algorithm) {
        return new WorkloadMetric(
                name, type, profile, List.of(), algorithm, null, List.of(), List.of(), null, null, null, null, null);
    }

    /**
     * A counter, {@code poisson} with base rate 1 until set otherwise.
     *
     * @param name the metric name
     * @param profile the profile's name
     * @return the metric
     */
    public static WorkloadMetric counter(String name, String profile) {
        return of(name, MetricType.COUNTER, profile, new Algorithm.Poisson(1, 0, 0));
    }

    /**
     * A gauge, {@code random_walk} from 0 with step 0.1 until set otherwise.
     *
     * @param name the metric name
     * @param profile the profile's name
     * @return the metric
     */
    public static WorkloadMetric gauge(String name, String profile) {
        return of(name, MetricType.GAUGE, profile, new Algorithm.RandomWalk(0, 0.1));
    }

    /**
     * A histogram, {@code lognormal(0, 1)} with the default buckets until set otherwise.
     *
     * @param name the metric name
     * @param profile the profile's name
     * @return the metric
     */
    public static WorkloadMetric histogram(String name, String profile) {
        return of(name, MetricType.HISTOGRAM, profile, new Algorithm.LogNormal(0, 1));
    }

    /**
     * A summary, {@code lognormal(0, 1)} with the default quantiles and window until set otherwise.
     *
     * @param name the metric name
     * @param profile the profile's name
     * @return the metric
     */
    public static WorkloadMetric summary(String name, String profile) {
        return of(name, MetricType.SUMMARY, profile, new Algorithm.LogNormal(0, 1));
    }

    /**
     * This metric with another algorithm (YAML {@code algorithm:} and its keys).
     *
     * @param algorithm the algorithm
     * @return the new metric
     */
    public WorkloadMetric algorithm(Algorithm algorithm) {
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
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Counter {@code poisson} without a daily cycle (YAML {@code algorithm: poisson}, {@code
     * base_rate}).
     *
     * @param baseRate the mean increment per tick
     * @return the new metric
     */
    public WorkloadMetric poisson(double baseRate) {
        return algorithm(new Algorithm.Poisson(baseRate, 0, 0));
    }

    /**
     * Counter {@code poisson} with a daily cycle peaking at 06:00 UTC (YAML {@code base_rate},
     * {@code diurnal_amp}).
     *
     * @param baseRate the mean increment per tick
     * @param diurnalAmp the relative amplitude, from -1 to 1
     * @return the new metric
     */
    public WorkloadMetric poisson(double baseRate, double diurnalAmp) {
        return algorithm(new Algorithm.Poisson(baseRate, diurnalAmp, 0));
    }

    /**
     * {@code constant}: a counter's increment per tick (YAML {@code increment}) or a gauge's value
     * (YAML {@code value}).
     *
     * @param value the increment or value
     * @return the new metric
     */
    public WorkloadMetric constant(double value) {
        return algorithm(new Algorithm.Constant(value));
    }

    /**
     * Gauge {@code random_walk} (YAML {@code start}, {@code step}).
     *
     * @param start the value before the first step
     * @param step the standard deviation of a step
     * @return the new metric
     */
    public WorkloadMetric randomWalk(double start, double step) {
        return algorithm(new Algorithm.RandomWalk(start, step));
    }

    /**
     * Gauge {@code sine} (YAML {@code min}, {@code max}, {@code period}).
     *
     * @param min the trough
     * @param max the crest
     * @param period the period
     * @return the new metric
     */
    public WorkloadMetric sine(double min, double max, Duration period) {
        return algorithm(new Algorithm.Sine(min, max, period));
    }

    /**
     * Gauge {@code sawtooth} (YAML {@code min}, {@code max}, {@code period}).
     *
     * @param min the low end
     * @param max the high end
     * @param period the period
     * @return the new metric
     */
    public WorkloadMetric sawtooth(double min, double max, Duration period) {
        return algorithm(new Algorithm.Sawtooth(min, max, period));
    }

    /**
     * Gauge {@code bernoulli} (YAML {@code p}).
     *
     * @param p the probability of 1
     * @return the new metric
     */
    public WorkloadMetric bernoulli(double p) {
        return algorithm(new Algorithm.Bernoulli(p));
    }

    /**
     * Gauge {@code generator}: any value generator (YAML {@code generator:}).
     *
     * @param generator the generator
     * @return the new metric
     */
    public WorkloadMetric generator(GeneratorSpec generator) {
        return algorithm(new Algorithm.FromGenerator(generator));
    }

    /**
     * Histogram or summary {@code lognormal} (YAML {@code mu}, {@code sigma}).
     *
     * @param mu the mean of the logarithm
     * @param sigma the standard deviation of the logarithm
     * @return the new metric
     */
    public WorkloadMetric lognormal(double mu, double sigma) {
        return algorithm(new Algorithm.LogNormal(mu, sigma));
    }

    /**
     * Histogram or summary {@code exponential} (YAML {@code rate}).
     *
     * @param rate the rate λ
     * @return the new metric
     */
    public WorkloadMetric exponential(double rate) {
        return algorithm(new Algorithm.Exponential(rate));
    }

    /**
     * Histogram or summary {@code mixture} (YAML {@code components}).
     *
     * @param components the components
     * @return the new metric
     */
    public WorkloadMetric mixture(Algorithm.Mixture.Component... components) {
        return algorithm(new Algorithm.Mixture(List.of(components)));
    }

    /**
     * This metric with one more label of its own (YAML {@code labels: {name: {values: [...]}}}).
     *
     * @param label the label name
     * @param values its values
     * @return the new metric
     */
    public WorkloadMetric label(String label, String... values) {
        return withLabel(LabelDim.values(label, values));
    }

    /**
     * This metric with one more label of its own.
     *
     * @param label the label
     * @return the new metric
     */
    public WorkloadMetric withLabel(LabelDim label) {
        List<LabelDim> next = new ArrayList<>(labels);
        next.add(label);
        return new WorkloadMetric(
                name,
                type,
                profile,
                next,
                algorithm,
                clamp,
                buckets,
                quantiles,
                window,
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Gauge bounds (YAML {@code clamp: [min, max]}).
     *
     * @param min the lowest value
     * @param max the highest value
     * @return the new metric
     */
    public WorkloadMetric clamp(double min, double max) {
        return new WorkloadMetric(
                name,
                type,
                profile,
                labels,
                algorithm,
                new Clamp(min, max),
                buckets,
                quantiles,
                window,
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Histogram bounds (YAML {@code buckets}).
     *
     * @param bounds the finite upper bounds, strictly ascending
     * @return the new metric
     */
    public WorkloadMetric buckets(double... bounds) {
        return new WorkloadMetric(
                name,
                type,
                profile,
                labels,
                algorithm,
                clamp,
                Arrays.stream(bounds).boxed().toList(),
                quantiles,
                window,
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Summary quantiles (YAML {@code quantiles}).
     *
     * @param quantiles each in (0, 1), strictly ascending
     * @return the new metric
     */
    public WorkloadMetric quantiles(double... quantiles) {
        return new WorkloadMetric(
                name,
                type,
                profile,
                labels,
                algorithm,
                clamp,
                buckets,
                Arrays.stream(quantiles).boxed().toList(),
                window,
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Summary window (YAML {@code window}).
     *
     * @param window how far back the quantiles look, at least one tick
     * @return the new metric
     */
    public WorkloadMetric window(Duration window) {
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
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * Observations per series per tick (YAML {@code observations_per_tick}).
     *
     * @param count at least 1
     * @return the new metric
     */
    public WorkloadMetric observationsPerTick(int count) {
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
                count,
                resetEvery,
                seed,
                help);
    }

    /**
     * Counter resets (YAML {@code reset_every}).
     *
     * @param interval each series restarts from 0 once per interval
     * @return the new metric
     */
    public WorkloadMetric resetEvery(Duration interval) {
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
                observationsPerTick,
                interval,
                seed,
                help);
    }

    /**
     * This metric's seed (YAML {@code seed}).
     *
     * @param seed unsigned 64-bit
     * @return the new metric
     */
    public WorkloadMetric seed(long seed) {
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
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * The {@code # HELP} text (YAML {@code help}).
     *
     * @param help the text
     * @return the new metric
     */
    public WorkloadMetric help(String help) {
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
                observationsPerTick,
                resetEvery,
                seed,
                help);
    }

    /**
     * The effective histogram bounds.
     *
     * @return {@link #buckets()}, or {@link #DEFAULT_BUCKETS} when empty
     */
    public List<Double> effectiveBuckets() {
        return buckets.isEmpty() ? DEFAULT_BUCKETS : buckets;
    }

    /**
     * The effective summary quantiles.
     *
     * @return {@link #quantiles()}, or {@link #DEFAULT_QUANTILES} when empty
     */
    public List<Double> effectiveQuantiles() {
        return quantiles.isEmpty() ? DEFAULT_QUANTILES : quantiles;
    }

    /**
     * Adds every problem of this metric that needs no other part of the workload: its name, type,
     * algorithm, labels and the keys of its type.
     *
     * @param path where the metric sits, such as {@code workload.metrics[0]}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (!Names.isMetricName(name)) {
            problems.add(path + ".name", "invalid metric name \"" + name + "\": must match [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        if (type == MetricType.UNTYPED) {
            problems.add(path + ".type", "a workload metric is a counter, gauge, histogram or summary");
        } else if (!algorithm.types().contains(type)) {
            problems.add(
                    path + ".algorithm",
                    "algorithm '" + algorithm.type() + "' does not drive a " + type.yamlName() + "; a "
                            + type.yamlName() + " takes " + algorithmsOf(type));
        }
        algorithm.validate(path, problems);
        if (type == MetricType.COUNTER && algorithm instanceof Algorithm.Constant c && c.value() < 0) {
            problems.add(path + ".increment", "a counter's increment must be at least 0, got " + text(c.value()));
        }
        Set<String> names = new HashSet<>();
        for (LabelDim d : labels) {
            String at = path + ".labels." + d.name();
            d.validate(at, problems);
            if (!names.add(d.name())) {
                problems.add(at, "metric '" + name + "' has the label '" + d.name() + "' twice");
            }
            String reserved = type == MetricType.HISTOGRAM ? "le" : type == MetricType.SUMMARY ? "quantile" : null;
            if (d.name().equals(reserved)) {
                problems.add(at, "the label '" + reserved + "' is reserved on a " + type.yamlName());
            }
        }
        if (clamp != null) {
            if (type != MetricType.GAUGE) {
                problems.add(path + ".clamp", "clamp applies to gauges only");
            } else if (!(Double.isFinite(clamp.min()) && Double.isFinite(clamp.max()) && clamp.min() <= clamp.max())) {
                problems.add(
                        path + ".clamp",
                        "clamp must be [min, max] with finite min <= max, got [" + text(clamp.min()) + ", "
                                + text(clamp.max()) + "]");
            }
        }
        only(!buckets.isEmpty(), MetricType.HISTOGRAM, "buckets", path, problems);
        only(!quantiles.isEmpty() || window != null, MetricType.SUMMARY, "quantiles and window", path, problems);
        if (observationsPerTick != null && type != MetricType.HISTOGRAM && type != MetricType.SUMMARY) {
            problems.add(path, "observations_per_tick applies to a histogram or summary, not a " + type.yamlName());
        }
        only(resetEvery != null, MetricType.COUNTER, "reset_every", path, problems);
        ascending(buckets, path + ".buckets", "buckets", false, problems);
        ascending(quantiles, path + ".quantiles", "quantiles", true, problems);
        Checks.positive(window, path, "window", problems);
        if (observationsPerTick != null && observationsPerTick < 1) {
            problems.add(path + ".observations_per_tick", "observations_per_tick must be at least 1");
        }
        Checks.positive(resetEvery, path, "reset_every", problems);
    }

    private void only(boolean set, MetricType owner, String keys, String path, Problems problems) {
        if (set && type != owner) {
            problems.add(path, keys + " apply to a " + owner.yamlName() + ", not a " + type.yamlName());
        }
    }

    private static void ascending(List<Double> values, String path, String what, boolean unit, Problems problems) {
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            boolean ok = unit ? v > 0 && v < 1 : Double.isFinite(v);
            if (!ok) {
                problems.add(
                        path + "[" + i + "]",
                        what + "[" + i + "] must be " + (unit ? "in (0, 1)" : "finite") + ", got " + text(v));
            }
            if (i > 0 && !(values.get(i - 1) < v)) {
                problems.add(
                        path + "[" + i + "]",
                        what + " must be strictly ascending: " + text(values.get(i - 1)) + " >= " + text(v));
            }
        }
    }

    private static String algorithmsOf(MetricType type) {
        return switch (type) {
            case COUNTER -> "poisson or constant";
            case GAUGE -> "random_walk, sine, sawtooth, bernoulli, constant or generator";
            default -> "lognormal, exponential or mixture";
        };
    }

    private static String text(double v) {
        return FloatText.display(v);
    }
}
