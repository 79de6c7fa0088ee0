package dev.sonda.api.workload;

import dev.sonda.api.MetricType;
import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a workload metric's values evolve, tick by tick, for each of its series (YAML {@code
 * algorithm:} and the keys beside it). A closed set; each algorithm serves some metric types
 * ({@link #types()}).
 *
 * <p>Randomness is per series and per tick, keyed by the metric's seed, the metric's name, the
 * series' place in its label space and the tick, so values are the same whatever the number of
 * threads, shards or scrapes. {@code t} below is the tick's time in seconds since the Unix epoch
 * (so diurnal and periodic shapes follow the time of day, as in Mockingbird); a tick is one event of
 * the entry's {@code rate}.
 */
public sealed interface Algorithm {

    /**
     * The YAML name ({@code algorithm: poisson}).
     *
     * @return the name
     */
    String type();

    /**
     * The metric types this algorithm can drive.
     *
     * @return the types
     */
    Set<MetricType> types();

    /**
     * Adds every problem of the parameters.
     *
     * @param path where the metric sits, such as {@code workload.metrics[0]}; parameters are keys
     *     of the metric
     * @param problems the collector
     */
    void validate(String path, Problems problems);

    /**
     * Counter {@code poisson}: each tick adds a Poisson draw with mean {@code λ = base_rate · M(t)},
     * {@code M(t) = 1 + diurnal_amp · sin(2π · ((t mod 86400) / 86400 + diurnal_phase))}. With
     * phase 0 the rate peaks at 06:00 UTC and is lowest at 18:00 UTC.
     *
     * @param baseRate mean increment per tick (YAML {@code base_rate}), at least 0
     * @param diurnalAmp relative amplitude of the daily cycle (YAML {@code diurnal_amp}), from -1 to
     *     1; 0 for none
     * @param diurnalPhase shift of the daily cycle in days (YAML {@code diurnal_phase}; 0.25 is six
     *     hours)
     */
    record Poisson(double baseRate, double diurnalAmp, double diurnalPhase) implements Algorithm {
        /** The YAML name, {@code poisson}. */
        public static final String TYPE = "poisson";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.COUNTER);
        }

        @Override
        public void validate(String path, Problems problems) {
            nonNegative(baseRate, path + ".base_rate", "base_rate", problems);
            if (!(Math.abs(diurnalAmp) <= 1)) {
                problems.add(
                        path + ".diurnal_amp",
                        "diurnal_amp must be from -1 to 1 (a rate cannot go below 0), got "
                                + FloatText.display(diurnalAmp));
            }
            finite(diurnalPhase, path + ".diurnal_phase", "diurnal_phase", problems);
        }
    }

    /**
     * {@code constant}: a counter adds {@code value} every tick (YAML {@code increment}); a gauge
     * holds {@code value} (YAML {@code value}).
     *
     * @param value the increment per tick or the gauge's value, finite (an increment at least 0)
     */
    record Constant(double value) implements Algorithm {
        /** The YAML name, {@code constant}. */
        public static final String TYPE = "constant";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.COUNTER, MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            finite(value, path, "constant value", problems);
        }
    }

    /**
     * Gauge {@code random_walk}: starts at {@code start} and adds a normal draw of standard
     * deviation {@code step} every tick; the metric's {@code clamp}, when set, bounds the walk
     * itself.
     *
     * @param start the first value before the first step (YAML {@code start})
     * @param step the standard deviation of a step (YAML {@code step}), at least 0
     */
    record RandomWalk(double start, double step) implements Algorithm {
        /** The YAML name, {@code random_walk}. */
        public static final String TYPE = "random_walk";

        /** The YAML key of the step's standard deviation. */
        public static final String STEP = "step";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            finite(start, path + ".start", "start", problems);
            nonNegative(step, path + ".step", "step", problems);
        }
    }

    /**
     * Gauge {@code sine}: {@code (max + min) / 2 + (max - min) / 2 · sin(2π · (t mod P) / P)}, the
     * same for every series; P is {@code period}.
     *
     * @param min the trough
     * @param max the crest, above {@code min}
     * @param period the period P (YAML {@code period}), positive
     */
    record Sine(double min, double max, Duration period) implements Algorithm {
        /** The YAML name, {@code sine}. */
        public static final String TYPE = "sine";

        /**
         * Creates the record.
         *
         * @param min the trough
         * @param max the crest
         * @param period the period
         * @throws NullPointerException if {@code period} is null
         */
        public Sine {
            Objects.requireNonNull(period, "period");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            range(min, max, path, problems);
            Checks.positive(period, path, "period", problems);
        }
    }

    /**
     * Gauge {@code sawtooth}: {@code min + (max - min) · (t mod P) / P}, rising from {@code min}
     * toward {@code max} and dropping back every period, the same for every series.
     *
     * @param min the value at the start of each period
     * @param max the value approached at its end, above {@code min}
     * @param period the period P (YAML {@code period}), positive
     */
    record Sawtooth(double min, double max, Duration period) implements Algorithm {
        /** The YAML name, {@code sawtooth}. */
        public static final String TYPE = "sawtooth";

        /**
         * Creates the record.
         *
         * @param min the low end
         * @param max the high end
         * @param period the period
         * @throws NullPointerException if {@code period} is null
         */
        public Sawtooth {
            Objects.requireNonNull(period, "period");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            range(min, max, path, problems);
            Checks.positive(period, path, "period", problems);
        }
    }

    /**
     * Gauge {@code bernoulli}: 1 with probability {@code p}, else 0, drawn per series per tick.
     *
     * @param p the probability of 1 (YAML {@code p}), from 0 to 1
     */
    record Bernoulli(double p) implements Algorithm {
        /** The YAML name, {@code bernoulli}. */
        public static final String TYPE = "bernoulli";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            if (!(p >= 0 && p <= 1)) {
                problems.add(path + ".p", "p must be from 0 to 1, got " + FloatText.display(p));
            }
        }
    }

    /**
     * Gauge {@code generator}: any value generator of the scenario format (YAML {@code generator:
     * {type: ...}}, such as {@code flap}, {@code leak} or {@code spike_event}), evaluated on the
     * workload's tick and rate, the same value for every series.
     *
     * @param generator the generator
     */
    record FromGenerator(GeneratorSpec generator) implements Algorithm {
        /** The YAML name, {@code generator}. */
        public static final String TYPE = "generator";

        /**
         * Creates the record.
         *
         * @param generator the generator
         * @throws NullPointerException if {@code generator} is null
         */
        public FromGenerator {
            Objects.requireNonNull(generator, "generator");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.GAUGE);
        }

        @Override
        public void validate(String path, Problems problems) {
            generator.validate(path + ".generator", problems);
        }
    }

    /**
     * Histogram and summary {@code lognormal}: observations {@code exp(mu + sigma · z)}, z standard
     * normal.
     *
     * @param mu the mean of the logarithm (YAML {@code mu})
     * @param sigma the standard deviation of the logarithm (YAML {@code sigma}), positive
     */
    record LogNormal(double mu, double sigma) implements Algorithm {
        /** The YAML name, {@code lognormal}. */
        public static final String TYPE = "lognormal";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.HISTOGRAM, MetricType.SUMMARY);
        }

        @Override
        public void validate(String path, Problems problems) {
            finite(mu, path + ".mu", "mu", problems);
            positiveFinite(sigma, path + ".sigma", "sigma", problems);
        }
    }

    /**
     * Histogram and summary {@code exponential}: observations of mean {@code 1 / rate}.
     *
     * @param rate the rate λ (YAML {@code rate}), positive
     */
    record Exponential(double rate) implements Algorithm {
        /** The YAML name, {@code exponential}. */
        public static final String TYPE = "exponential";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.HISTOGRAM, MetricType.SUMMARY);
        }

        @Override
        public void validate(String path, Problems problems) {
            positiveFinite(rate, path + ".rate", "rate", problems);
        }
    }

    /**
     * Histogram and summary {@code mixture}: each observation picks a component with probability
     * weight / (sum of weights), then draws from it (bimodal latencies: a fast path and a slow
     * one).
     *
     * @param components the components, at least one
     */
    record Mixture(List<Component> components) implements Algorithm {
        /** The YAML name, {@code mixture}. */
        public static final String TYPE = "mixture";

        /**
         * Creates the record, copying the list.
         *
         * @param components the components
         */
        public Mixture {
            components = List.copyOf(components);
        }

        /**
         * One component of a mixture (an item of YAML {@code components:}).
         *
         * @param weight the relative weight, positive
         * @param distribution a {@link LogNormal} or an {@link Exponential}
         */
        public record Component(double weight, Algorithm distribution) {
            /**
             * Creates the record.
             *
             * @param weight the weight
             * @param distribution the distribution
             * @throws NullPointerException if {@code distribution} is null
             */
            public Component {
                Objects.requireNonNull(distribution, "distribution");
            }
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Set<MetricType> types() {
            return Set.of(MetricType.HISTOGRAM, MetricType.SUMMARY);
        }

        @Override
        public void validate(String path, Problems problems) {
            if (components.isEmpty()) {
                problems.add(path + ".components", "a mixture needs at least one component");
            }
            for (int i = 0; i < components.size(); i++) {
                Component c = components.get(i);
                String at = path + ".components[" + i + "]";
                positiveFinite(c.weight(), at + ".weight", "weight", problems);
                if (c.distribution() instanceof LogNormal || c.distribution() instanceof Exponential) {
                    c.distribution().validate(at, problems);
                } else {
                    problems.add(
                            at + ".type",
                            "a mixture component is lognormal or exponential, got '"
                                    + c.distribution().type() + "'");
                }
            }
        }
    }

    private static void finite(double v, String path, String what, Problems problems) {
        if (!Double.isFinite(v)) {
            problems.add(path, what + " must be a finite number, got " + FloatText.display(v));
        }
    }

    private static void nonNegative(double v, String path, String what, Problems problems) {
        if (!(v >= 0 && Double.isFinite(v))) {
            problems.add(path, what + " must be finite and at least 0, got " + FloatText.display(v));
        }
    }

    private static void positiveFinite(double v, String path, String what, Problems problems) {
        if (!(v > 0 && Double.isFinite(v))) {
            problems.add(path, what + " must be positive and finite, got " + FloatText.display(v));
        }
    }

    private static void range(double min, double max, String path, Problems problems) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            problems.add(
                    path + ".max",
                    "min must be below max, both finite; got min " + FloatText.display(min) + ", max "
                            + FloatText.display(max));
        }
    }
}
