package dev.sonda.api.generator;

import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric value generator as written in a scenario: the YAML {@code generator:} block.
 *
 * <p>The set is open: the built-in generators are the records nested here (one per YAML {@code
 * type:} value), and a plug-in generator is carried as a {@link Generic} spec whose type and
 * properties a {@code GeneratorProvider} of the engine turns into a generator. Parameters mirror
 * the reference (Sonda 1.20) exactly, including its defaults; the formulas live in the engine and
 * are documented there.
 *
 * <p>The operational aliases ({@link Steady}, {@link Flap}, {@link Saturation}, {@link Leak},
 * {@link Degradation}, {@link SpikeEvent}) stay aliases in the IR, so a file written back keeps
 * the user's vocabulary; the engine desugars them to the core generators at compile time exactly
 * as the reference does.
 */
public interface GeneratorSpec {

    /**
     * The YAML {@code type:} value of this generator, such as {@code "sine"}.
     *
     * @return the type name, never null
     */
    String type();

    /**
     * Adds every problem of this spec that needs no context to {@code problems}.
     *
     * @param path where this spec sits, such as {@code scenarios[0].generator}
     * @param problems collector of problems found
     */
    default void validate(String path, Problems problems) {}

    /**
     * {@code type: constant}: the same value at every tick.
     *
     * @param value the value emitted
     */
    record Constant(double value) implements GeneratorSpec {
        @Override
        public String type() {
            return "constant";
        }
    }

    /**
     * {@code type: sine}: {@code offset + amplitude * sin(2π·tick / (periodSecs·rate))}.
     *
     * @param amplitude peak deviation from {@code offset}
     * @param periodSecs period in seconds (YAML {@code period_secs}); 0 yields NaN, as in the
     *     reference
     * @param offset centre line of the wave
     */
    record Sine(double amplitude, double periodSecs, double offset) implements GeneratorSpec {
        @Override
        public String type() {
            return "sine";
        }
    }

    /**
     * {@code type: sawtooth}: a linear ramp from {@code min} toward {@code max} that resets every
     * period.
     *
     * @param min value at the start of each period
     * @param max value approached (never reached) at the end of each period
     * @param periodSecs period in seconds (YAML {@code period_secs})
     */
    record Sawtooth(double min, double max, double periodSecs) implements GeneratorSpec {
        @Override
        public String type() {
            return "sawtooth";
        }
    }

    /**
     * {@code type: uniform}: deterministic pseudo-random values in {@code [min, max]}, a pure
     * function of (seed, tick).
     *
     * @param min lower bound, inclusive
     * @param max upper bound, inclusive
     * @param seed 64-bit seed, read as unsigned (YAML {@code seed}), or null when not stated: then
     *     the run's default seed ({@code CompileOptions.withDefaultSeed}), else 0
     */
    record Uniform(double min, double max, Long seed) implements GeneratorSpec {

        @Override
        public String type() {
            return "uniform";
        }
    }

    /**
     * {@code type: sequence}: the listed values in order.
     *
     * @param values values to emit, non-empty
     * @param repeat whether to cycle ({@code true}, the default) or hold the last value
     */
    record Sequence(List<Double> values, boolean repeat) implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param values values to emit, non-empty
         * @param repeat whether to cycle ({@code true}, the default) or hold the last value
         */
        public Sequence {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "sequence";
        }

        @Override
        public void validate(String path, Problems problems) {
            if (values.isEmpty()) {
                problems.add(path + ".values", "sequence generator requires at least one value");
            }
        }
    }

    /**
     * {@code type: step}: {@code start + tick·stepSize}, wrapping into {@code [start, max)} when
     * {@code max} is set and above {@code start}.
     *
     * @param start first value (YAML {@code start}, default 0)
     * @param stepSize increment per tick (YAML {@code step_size})
     * @param max wrap bound, or null for an unbounded counter
     */
    record Step(double start, double stepSize, Double max) implements GeneratorSpec {
        @Override
        public String type() {
            return "step";
        }
    }

    /**
     * {@code type: spike}: {@code baseline + magnitude} during the first {@code durationSecs} of
     * every {@code intervalSecs}, {@code baseline} otherwise.
     *
     * @param baseline value outside a spike
     * @param magnitude added during a spike (negative makes dips)
     * @param durationSecs spike length in seconds, at least 0 (YAML {@code duration_secs})
     * @param intervalSecs spike period in seconds, above 0 (YAML {@code interval_secs})
     */
    record Spike(double baseline, double magnitude, double durationSecs, double intervalSecs) implements GeneratorSpec {
        @Override
        public String type() {
            return "spike";
        }

        @Override
        public void validate(String path, Problems problems) {
            if (intervalSecs <= 0) {
                problems.add(path + ".interval_secs", "spike generator requires interval_secs > 0");
            }
            if (durationSecs < 0) {
                problems.add(path + ".duration_secs", "spike generator requires duration_secs >= 0");
            }
        }
    }

    /**
     * {@code type: csv_replay}: replays a column of a CSV file (runtime support comes with the
     * replay work; the IR carries it already).
     *
     * @param file path of the CSV file, relative to the working directory
     * @param columns explicit column specs, or empty to auto-discover from the header
     * @param repeat whether to cycle (default {@code true})
     * @param timescale playback speed factor, finite and above 0 (default 1.0)
     * @param defaultMetricName fallback name for nameless columns, or null
     */
    record CsvReplay(String file, List<CsvColumn> columns, boolean repeat, double timescale, String defaultMetricName)
            implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param file path of the CSV file, relative to the working directory
         * @param columns explicit column specs, or empty to auto-discover from the header
         * @param repeat whether to cycle (default {@code true})
         * @param timescale playback speed factor, finite and above 0 (default 1.0)
         * @param defaultMetricName fallback name for nameless columns, or null
         * @throws NullPointerException if a required component is null
         */
        public CsvReplay {
            Objects.requireNonNull(file, "file");
            columns = List.copyOf(columns);
        }

        @Override
        public String type() {
            return "csv_replay";
        }

        @Override
        public void validate(String path, Problems problems) {
            if (!(Double.isFinite(timescale) && timescale > 0)) {
                problems.add(
                        path + ".timescale",
                        "csv_replay: 'timescale' must be a positive finite number, got "
                                + dev.sonda.api.internal.num.FloatText.display(timescale));
            }
        }
    }

    /**
     * One column of a {@link CsvReplay}.
     *
     * @param index zero-based column index
     * @param name metric name for the column
     * @param labels labels added for this column, may be empty
     */
    record CsvColumn(int index, String name, Map<String, String> labels) {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param index zero-based column index
         * @param name metric name for the column
         * @param labels labels added for this column, may be empty
         * @throws NullPointerException if a required component is null
         */
        public CsvColumn {
            Objects.requireNonNull(name, "name");
            labels = Map.copyOf(labels);
        }
    }

    /**
     * {@code type: steady} (alias): a sine around {@code center} plus noise; desugars to {@code
     * sine{amplitude, period, offset=center}} with jitter {@code noise} seeded by {@code noiseSeed}
     * unless the entry sets {@code jitter} itself.
     *
     * @param center centre line (default 50.0)
     * @param amplitude peak deviation (default 10.0)
     * @param period wave period (default 60 s)
     * @param noise jitter amplitude applied when the entry sets none (default 1.0; 0 disables)
     * @param noiseSeed jitter seed applied when the entry sets none, or null
     */
    record Steady(double center, double amplitude, Duration period, double noise, Long noiseSeed)
            implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param center centre line (default 50.0)
         * @param amplitude peak deviation (default 10.0)
         * @param period wave period (default 60 s)
         * @param noise jitter amplitude applied when the entry sets none (default 1.0; 0 disables)
         * @param noiseSeed jitter seed applied when the entry sets none, or null
         * @throws NullPointerException if a required component is null
         */
        public Steady {
            Objects.requireNonNull(period, "period");
        }

        /** Default {@code center}, as the reference's: 50.0. */
        public static final double DEFAULT_CENTER = 50.0;

        /** Default {@code amplitude}, as the reference's: 10.0. */
        public static final double DEFAULT_AMPLITUDE = 10.0;

        /** Default {@code period}, as the reference's: 60 s. */
        public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

        /** Default {@code noise}, as the reference's: 1.0. */
        public static final double DEFAULT_NOISE = 1.0;

        /**
         * A steady spec with every default, as YAML {@code {type: steady}} alone reads: center 50,
         * amplitude 10, period 60 s, noise 1.0, no noise seed.
         *
         * @return the spec
         */
        public static Steady defaults() {
            return new Steady(DEFAULT_CENTER, DEFAULT_AMPLITUDE, DEFAULT_PERIOD, DEFAULT_NOISE, null);
        }

        /**
         * A copy with {@code center} replaced (YAML {@code center}).
         *
         * @param center centre line
         * @return the new spec
         */
        public Steady withCenter(double center) {
            return new Steady(center, amplitude, period, noise, noiseSeed);
        }

        /**
         * A copy with {@code amplitude} replaced (YAML {@code amplitude}).
         *
         * @param amplitude peak deviation
         * @return the new spec
         */
        public Steady withAmplitude(double amplitude) {
            return new Steady(center, amplitude, period, noise, noiseSeed);
        }

        /**
         * A copy with {@code period} replaced (YAML {@code period}).
         *
         * @param period wave period, not null
         * @return the new spec
         * @throws NullPointerException if {@code period} is null
         */
        public Steady withPeriod(Duration period) {
            return new Steady(center, amplitude, period, noise, noiseSeed);
        }

        /**
         * A copy with {@code noise} replaced (YAML {@code noise}).
         *
         * @param noise jitter amplitude; 0 disables
         * @return the new spec
         */
        public Steady withNoise(double noise) {
            return new Steady(center, amplitude, period, noise, noiseSeed);
        }

        /**
         * A copy with {@code noiseSeed} replaced (YAML {@code noise_seed}).
         *
         * @param noiseSeed 64-bit jitter seed, read as unsigned
         * @return the new spec
         */
        public Steady withNoiseSeed(long noiseSeed) {
            return new Steady(center, amplitude, period, noise, noiseSeed);
        }

        @Override
        public String type() {
            return "steady";
        }
    }

    /**
     * {@code type: flap} (alias): alternates {@code upValue} for {@code upDuration} and {@code
     * downValue} for {@code downDuration}; desugars to a repeating {@link Sequence}.
     *
     * @param upDuration time in the up state (default 10 s)
     * @param downDuration time in the down state (default 5 s)
     * @param upValue value while up, or null for the enum's (or 1.0)
     * @param downValue value while down, or null for the enum's (or 0.0)
     * @param flapEnum named value pair (YAML {@code enum}), or null; exclusive with explicit values
     */
    record Flap(Duration upDuration, Duration downDuration, Double upValue, Double downValue, FlapEnum flapEnum)
            implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param upDuration time in the up state (default 10 s)
         * @param downDuration time in the down state (default 5 s)
         * @param upValue value while up, or null for the enum's (or 1.0)
         * @param downValue value while down, or null for the enum's (or 0.0)
         * @param flapEnum named value pair (YAML {@code enum}), or null; exclusive with explicit values
         * @throws NullPointerException if a required component is null
         */
        public Flap {
            Objects.requireNonNull(upDuration, "upDuration");
            Objects.requireNonNull(downDuration, "downDuration");
        }

        /** Default {@code up_duration}, as the reference's: 10 s. */
        public static final Duration DEFAULT_UP_DURATION = Duration.ofSeconds(10);

        /** Default {@code down_duration}, as the reference's: 5 s. */
        public static final Duration DEFAULT_DOWN_DURATION = Duration.ofSeconds(5);

        /** The value while up when neither {@code up_value} nor {@code enum} is set: 1.0. */
        public static final double DEFAULT_UP_VALUE = 1.0;

        /** The value while down when neither {@code down_value} nor {@code enum} is set: 0.0. */
        public static final double DEFAULT_DOWN_VALUE = 0.0;

        /**
         * A flap spec with every default, as YAML {@code {type: flap}} alone reads: up 10 s, down
         * 5 s, no explicit values and no enum (so 1 up, 0 down).
         *
         * @return the spec
         */
        public static Flap defaults() {
            return new Flap(DEFAULT_UP_DURATION, DEFAULT_DOWN_DURATION, null, null, null);
        }

        /**
         * A copy with {@code upDuration} replaced (YAML {@code up_duration}).
         *
         * @param upDuration time in the up state, not null
         * @return the new spec
         * @throws NullPointerException if {@code upDuration} is null
         */
        public Flap withUpDuration(Duration upDuration) {
            return new Flap(upDuration, downDuration, upValue, downValue, flapEnum);
        }

        /**
         * A copy with {@code downDuration} replaced (YAML {@code down_duration}).
         *
         * @param downDuration time in the down state, not null
         * @return the new spec
         * @throws NullPointerException if {@code downDuration} is null
         */
        public Flap withDownDuration(Duration downDuration) {
            return new Flap(upDuration, downDuration, upValue, downValue, flapEnum);
        }

        /**
         * A copy with {@code upValue} replaced (YAML {@code up_value}).
         *
         * @param upValue value while up; exclusive with an enum
         * @return the new spec
         */
        public Flap withUpValue(double upValue) {
            return new Flap(upDuration, downDuration, upValue, downValue, flapEnum);
        }

        /**
         * A copy with {@code downValue} replaced (YAML {@code down_value}).
         *
         * @param downValue value while down; exclusive with an enum
         * @return the new spec
         */
        public Flap withDownValue(double downValue) {
            return new Flap(upDuration, downDuration, upValue, downValue, flapEnum);
        }

        /**
         * A copy with {@code flapEnum} replaced (YAML {@code enum}).
         *
         * @param flapEnum named value pair, not null; exclusive with explicit values
         * @return the new spec
         * @throws NullPointerException if {@code flapEnum} is null
         */
        public Flap withEnum(FlapEnum flapEnum) {
            return new Flap(upDuration, downDuration, upValue, downValue, Objects.requireNonNull(flapEnum, "flapEnum"));
        }

        @Override
        public String type() {
            return "flap";
        }

        @Override
        public void validate(String path, Problems problems) {
            if (flapEnum != null && (upValue != null || downValue != null)) {
                problems.add(
                        path + ".enum",
                        "flap: 'enum' is mutually exclusive with explicit 'up_value'/'down_value' — pick one");
            }
        }

        /**
         * The value while up: {@code upValue}, else the enum's, else 1.0.
         *
         * @return the up value
         */
        public double resolvedUpValue() {
            return upValue != null ? upValue : flapEnum != null ? flapEnum.upValue() : DEFAULT_UP_VALUE;
        }

        /**
         * The value while down: {@code downValue}, else the enum's, else 0.0.
         *
         * @return the down value
         */
        public double resolvedDownValue() {
            return downValue != null ? downValue : flapEnum != null ? flapEnum.downValue() : DEFAULT_DOWN_VALUE;
        }
    }

    /** Named up/down value pairs of {@link Flap} (YAML {@code enum}). */
    enum FlapEnum {
        /** {@code boolean}: up 1, down 0. */
        BOOLEAN("boolean", 1, 0),
        /** {@code link_state}: up 1, down 0. */
        LINK_STATE("link_state", 1, 0),
        /** {@code oper_state}: up 1, down 2 (IF-MIB ifOperStatus). */
        OPER_STATE("oper_state", 1, 2),
        /** {@code admin_state}: up 1, down 2 (IF-MIB ifAdminStatus). */
        ADMIN_STATE("admin_state", 1, 2),
        /** {@code neighbor_state}: up 6 (established), down 1 (idle), as BGP4-MIB. */
        NEIGHBOR_STATE("neighbor_state", 6, 1);

        private final String yamlName;
        private final double upValue;
        private final double downValue;

        FlapEnum(String yamlName, double upValue, double downValue) {
            this.yamlName = yamlName;
            this.upValue = upValue;
            this.downValue = downValue;
        }

        /**
         * The YAML spelling, such as {@code link_state}.
         *
         * @return the YAML name
         */
        public String yamlName() {
            return yamlName;
        }

        /**
         * The value while up.
         *
         * @return the up value
         */
        public double upValue() {
            return upValue;
        }

        /**
         * The value while down.
         *
         * @return the down value
         */
        public double downValue() {
            return downValue;
        }
    }

    /**
     * {@code type: saturation} (alias): ramps from {@code baseline} to {@code ceiling} over {@code
     * timeToSaturate}, then resets; desugars to {@link Sawtooth}.
     *
     * @param baseline start of each ramp (default 0.0)
     * @param ceiling end of each ramp (default 100.0)
     * @param timeToSaturate ramp length (YAML {@code time_to_saturate}, default 5 min)
     */
    record Saturation(double baseline, double ceiling, Duration timeToSaturate) implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param baseline start of each ramp (default 0.0)
         * @param ceiling end of each ramp (default 100.0)
         * @param timeToSaturate ramp length (YAML {@code time_to_saturate}, default 5 min)
         * @throws NullPointerException if a required component is null
         */
        public Saturation {
            Objects.requireNonNull(timeToSaturate, "timeToSaturate");
        }

        /** Default {@code baseline}, as the reference's: 0.0. */
        public static final double DEFAULT_BASELINE = 0.0;

        /** Default {@code ceiling}, as the reference's: 100.0. */
        public static final double DEFAULT_CEILING = 100.0;

        /** Default {@code time_to_saturate}, as the reference's: 5 min. */
        public static final Duration DEFAULT_TIME_TO_SATURATE = Duration.ofMinutes(5);

        /**
         * A saturation spec with every default, as YAML {@code {type: saturation}} alone reads:
         * baseline 0, ceiling 100, time_to_saturate 5 min.
         *
         * @return the spec
         */
        public static Saturation defaults() {
            return new Saturation(DEFAULT_BASELINE, DEFAULT_CEILING, DEFAULT_TIME_TO_SATURATE);
        }

        /**
         * A copy with {@code baseline} replaced (YAML {@code baseline}).
         *
         * @param baseline start of each ramp
         * @return the new spec
         */
        public Saturation withBaseline(double baseline) {
            return new Saturation(baseline, ceiling, timeToSaturate);
        }

        /**
         * A copy with {@code ceiling} replaced (YAML {@code ceiling}).
         *
         * @param ceiling end of each ramp
         * @return the new spec
         */
        public Saturation withCeiling(double ceiling) {
            return new Saturation(baseline, ceiling, timeToSaturate);
        }

        /**
         * A copy with {@code timeToSaturate} replaced (YAML {@code time_to_saturate}).
         *
         * @param timeToSaturate ramp length, not null
         * @return the new spec
         * @throws NullPointerException if {@code timeToSaturate} is null
         */
        public Saturation withTimeToSaturate(Duration timeToSaturate) {
            return new Saturation(baseline, ceiling, timeToSaturate);
        }

        @Override
        public String type() {
            return "saturation";
        }
    }

    /**
     * {@code type: leak} (alias): one slow ramp from {@code baseline} to {@code ceiling} over {@code
     * timeToCeiling}; desugars to {@link Sawtooth}. The entry's duration must not exceed the ramp.
     *
     * @param baseline start value (default 0.0)
     * @param ceiling value reached at the end of the ramp (default 100.0)
     * @param timeToCeiling ramp length (YAML {@code time_to_ceiling}, default 10 min)
     */
    record Leak(double baseline, double ceiling, Duration timeToCeiling) implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param baseline start value (default 0.0)
         * @param ceiling value reached at the end of the ramp (default 100.0)
         * @param timeToCeiling ramp length (YAML {@code time_to_ceiling}, default 10 min)
         * @throws NullPointerException if a required component is null
         */
        public Leak {
            Objects.requireNonNull(timeToCeiling, "timeToCeiling");
        }

        /** Default {@code baseline}, as the reference's: 0.0. */
        public static final double DEFAULT_BASELINE = 0.0;

        /** Default {@code ceiling}, as the reference's: 100.0. */
        public static final double DEFAULT_CEILING = 100.0;

        /** Default {@code time_to_ceiling}, as the reference's: 10 min. */
        public static final Duration DEFAULT_TIME_TO_CEILING = Duration.ofMinutes(10);

        /**
         * A leak spec with every default, as YAML {@code {type: leak}} alone reads: baseline 0,
         * ceiling 100, time_to_ceiling 10 min.
         *
         * @return the spec
         */
        public static Leak defaults() {
            return new Leak(DEFAULT_BASELINE, DEFAULT_CEILING, DEFAULT_TIME_TO_CEILING);
        }

        /**
         * A copy with {@code baseline} replaced (YAML {@code baseline}).
         *
         * @param baseline start value
         * @return the new spec
         */
        public Leak withBaseline(double baseline) {
            return new Leak(baseline, ceiling, timeToCeiling);
        }

        /**
         * A copy with {@code ceiling} replaced (YAML {@code ceiling}).
         *
         * @param ceiling value at the end of the ramp
         * @return the new spec
         */
        public Leak withCeiling(double ceiling) {
            return new Leak(baseline, ceiling, timeToCeiling);
        }

        /**
         * A copy with {@code timeToCeiling} replaced (YAML {@code time_to_ceiling}).
         *
         * @param timeToCeiling ramp length, not null
         * @return the new spec
         * @throws NullPointerException if {@code timeToCeiling} is null
         */
        public Leak withTimeToCeiling(Duration timeToCeiling) {
            return new Leak(baseline, ceiling, timeToCeiling);
        }

        @Override
        public String type() {
            return "leak";
        }
    }

    /**
     * {@code type: degradation} (alias): a ramp with noise; desugars to {@link Sawtooth} plus jitter
     * {@code noise} seeded by {@code noiseSeed} unless the entry sets {@code jitter} itself.
     *
     * @param baseline start value (default 0.0)
     * @param ceiling end value (default 100.0)
     * @param timeToDegrade ramp length (YAML {@code time_to_degrade}, default 5 min)
     * @param noise jitter amplitude applied when the entry sets none (default 1.0)
     * @param noiseSeed jitter seed applied when the entry sets none, or null
     */
    record Degradation(double baseline, double ceiling, Duration timeToDegrade, double noise, Long noiseSeed)
            implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param baseline start value (default 0.0)
         * @param ceiling end value (default 100.0)
         * @param timeToDegrade ramp length (YAML {@code time_to_degrade}, default 5 min)
         * @param noise jitter amplitude applied when the entry sets none (default 1.0)
         * @param noiseSeed jitter seed applied when the entry sets none, or null
         * @throws NullPointerException if a required component is null
         */
        public Degradation {
            Objects.requireNonNull(timeToDegrade, "timeToDegrade");
        }

        /** Default {@code baseline}, as the reference's: 0.0. */
        public static final double DEFAULT_BASELINE = 0.0;

        /** Default {@code ceiling}, as the reference's: 100.0. */
        public static final double DEFAULT_CEILING = 100.0;

        /** Default {@code time_to_degrade}, as the reference's: 5 min. */
        public static final Duration DEFAULT_TIME_TO_DEGRADE = Duration.ofMinutes(5);

        /** Default {@code noise}, as the reference's: 1.0. */
        public static final double DEFAULT_NOISE = 1.0;

        /**
         * A degradation spec with every default, as YAML {@code {type: degradation}} alone reads:
         * baseline 0, ceiling 100, time_to_degrade 5 min, noise 1.0, no noise seed.
         *
         * @return the spec
         */
        public static Degradation defaults() {
            return new Degradation(DEFAULT_BASELINE, DEFAULT_CEILING, DEFAULT_TIME_TO_DEGRADE, DEFAULT_NOISE, null);
        }

        /**
         * A copy with {@code baseline} replaced (YAML {@code baseline}).
         *
         * @param baseline start value
         * @return the new spec
         */
        public Degradation withBaseline(double baseline) {
            return new Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed);
        }

        /**
         * A copy with {@code ceiling} replaced (YAML {@code ceiling}).
         *
         * @param ceiling end value
         * @return the new spec
         */
        public Degradation withCeiling(double ceiling) {
            return new Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed);
        }

        /**
         * A copy with {@code timeToDegrade} replaced (YAML {@code time_to_degrade}).
         *
         * @param timeToDegrade ramp length, not null
         * @return the new spec
         * @throws NullPointerException if {@code timeToDegrade} is null
         */
        public Degradation withTimeToDegrade(Duration timeToDegrade) {
            return new Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed);
        }

        /**
         * A copy with {@code noise} replaced (YAML {@code noise}).
         *
         * @param noise jitter amplitude; 0 disables
         * @return the new spec
         */
        public Degradation withNoise(double noise) {
            return new Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed);
        }

        /**
         * A copy with {@code noiseSeed} replaced (YAML {@code noise_seed}).
         *
         * @param noiseSeed 64-bit jitter seed, read as unsigned
         * @return the new spec
         */
        public Degradation withNoiseSeed(long noiseSeed) {
            return new Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed);
        }

        @Override
        public String type() {
            return "degradation";
        }
    }

    /**
     * {@code type: spike_event} (alias): periodic spikes; desugars to {@link Spike}.
     *
     * @param baseline value outside a spike (default 0.0)
     * @param spikeHeight added during a spike (YAML {@code spike_height}, default 100.0)
     * @param spikeDuration spike length (YAML {@code spike_duration}, default 10 s)
     * @param spikeInterval spike period (YAML {@code spike_interval}, default 30 s)
     */
    record SpikeEvent(double baseline, double spikeHeight, Duration spikeDuration, Duration spikeInterval)
            implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param baseline value outside a spike (default 0.0)
         * @param spikeHeight added during a spike (YAML {@code spike_height}, default 100.0)
         * @param spikeDuration spike length (YAML {@code spike_duration}, default 10 s)
         * @param spikeInterval spike period (YAML {@code spike_interval}, default 30 s)
         * @throws NullPointerException if a required component is null
         */
        public SpikeEvent {
            Objects.requireNonNull(spikeDuration, "spikeDuration");
            Objects.requireNonNull(spikeInterval, "spikeInterval");
        }

        /** Default {@code baseline}, as the reference's: 0.0. */
        public static final double DEFAULT_BASELINE = 0.0;

        /** Default {@code spike_height}, as the reference's: 100.0. */
        public static final double DEFAULT_SPIKE_HEIGHT = 100.0;

        /** Default {@code spike_duration}, as the reference's: 10 s. */
        public static final Duration DEFAULT_SPIKE_DURATION = Duration.ofSeconds(10);

        /** Default {@code spike_interval}, as the reference's: 30 s. */
        public static final Duration DEFAULT_SPIKE_INTERVAL = Duration.ofSeconds(30);

        /**
         * A spike_event spec with every default, as YAML {@code {type: spike_event}} alone reads:
         * baseline 0, spike_height 100, spike_duration 10 s, spike_interval 30 s.
         *
         * @return the spec
         */
        public static SpikeEvent defaults() {
            return new SpikeEvent(
                    DEFAULT_BASELINE, DEFAULT_SPIKE_HEIGHT, DEFAULT_SPIKE_DURATION, DEFAULT_SPIKE_INTERVAL);
        }

        /**
         * A copy with {@code baseline} replaced (YAML {@code baseline}).
         *
         * @param baseline value outside a spike
         * @return the new spec
         */
        public SpikeEvent withBaseline(double baseline) {
            return new SpikeEvent(baseline, spikeHeight, spikeDuration, spikeInterval);
        }

        /**
         * A copy with {@code spikeHeight} replaced (YAML {@code spike_height}).
         *
         * @param spikeHeight added during a spike
         * @return the new spec
         */
        public SpikeEvent withSpikeHeight(double spikeHeight) {
            return new SpikeEvent(baseline, spikeHeight, spikeDuration, spikeInterval);
        }

        /**
         * A copy with {@code spikeDuration} replaced (YAML {@code spike_duration}).
         *
         * @param spikeDuration spike length, not null
         * @return the new spec
         * @throws NullPointerException if {@code spikeDuration} is null
         */
        public SpikeEvent withSpikeDuration(Duration spikeDuration) {
            return new SpikeEvent(baseline, spikeHeight, spikeDuration, spikeInterval);
        }

        /**
         * A copy with {@code spikeInterval} replaced (YAML {@code spike_interval}).
         *
         * @param spikeInterval spike period, not null
         * @return the new spec
         * @throws NullPointerException if {@code spikeInterval} is null
         */
        public SpikeEvent withSpikeInterval(Duration spikeInterval) {
            return new SpikeEvent(baseline, spikeHeight, spikeDuration, spikeInterval);
        }

        @Override
        public String type() {
            return "spike_event";
        }
    }

    /**
     * A generator the IR does not know: a plug-in's {@code type} and its raw properties, handed to
     * the engine's {@code GeneratorProvider} registered for that type.
     *
     * @param type the YAML {@code type:} value
     * @param properties the other keys of the block, with YAML scalar, list and map values
     */
    record Generic(String type, Map<String, Object> properties) implements GeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param type the YAML {@code type:} value
         * @param properties the other keys of the block, with YAML scalar, list and map values
         * @throws NullPointerException if a required component is null
         */
        public Generic {
            Objects.requireNonNull(type, "type");
            properties = Map.copyOf(properties);
        }
    }
}
