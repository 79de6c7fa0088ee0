package dev.sonda.api;

import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DSL stage of a {@code signal_type: metrics} entry. Start one with {@link
 * Scenario#metrics(String)}; every built-in generator has a shortcut named as its YAML {@code
 * type}, and {@link #generator(GeneratorSpec)} takes any spec, plug-ins included. Immutable.
 */
public final class MetricStage extends EntryStage<MetricStage> {

    MetricStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    MetricStage copy(Map<Field, Object> state) {
        return new MetricStage(state);
    }

    @Override
    Signal signal() {
        GeneratorSpec g = (GeneratorSpec) get(Field.BODY);
        return g == null ? null : new Signal.Metrics(g);
    }

    @Override
    SignalType signalType() {
        return SignalType.METRICS;
    }

    /**
     * Sets the value generator (YAML {@code generator:}), built-in or plug-in.
     *
     * @param generator the generator spec
     * @return the new stage
     */
    public MetricStage generator(GeneratorSpec generator) {
        return with(Field.BODY, generator);
    }

    /**
     * Replays the numeric columns of a CSV file, one series per column, at the cadence the file
     * was recorded at (YAML {@code generator: {type: csv_replay, file: ..., repeat: ...}}). With no
     * explicit columns, column 0 is the time and the header names each series (Grafana's "Series
     * joined by time" export: {@code up{job="x"}} or {@code {__name__="up", job="x"}}). The
     * derived rate (timescale / median interval) replaces the entry's rate.
     *
     * @param file the CSV file, relative to the working directory
     * @param repeat whether to start over after the last row (else hold the last value)
     * @return this stage
     */
    public MetricStage csvReplay(String file, boolean repeat) {
        return generator(new GeneratorSpec.CsvReplay(file, java.util.List.of(), repeat, 1.0, null));
    }

    /**
     * {@code generator: {type: constant, value}}.
     *
     * @param value the value at every tick
     * @return the new stage
     */
    public MetricStage constant(double value) {
        return generator(new GeneratorSpec.Constant(value));
    }

    /**
     * {@code generator: {type: sine, amplitude, period_secs, offset}}: {@code offset + amplitude ·
     * sin(2π·t/period)}.
     *
     * @param amplitude peak deviation from {@code offset}
     * @param periodSecs period in seconds
     * @param offset centre line
     * @return the new stage
     */
    public MetricStage sine(double amplitude, double periodSecs, double offset) {
        return generator(new GeneratorSpec.Sine(amplitude, periodSecs, offset));
    }

    /**
     * {@code generator: {type: sine, amplitude, period_secs, offset}} with the period as a {@link
     * Duration}: {@code period_secs} is {@code seconds + nanos / 1e9}, so {@code
     * sine(40, Duration.ofMinutes(10), 50)} builds the same spec as {@code sine(40, 600, 50)}.
     *
     * @param amplitude peak deviation from {@code offset}
     * @param period wave period; zero yields NaN values, as in the reference
     * @param offset centre line
     * @return the new stage
     * @throws NullPointerException if {@code period} is null
     */
    public MetricStage sine(double amplitude, Duration period, double offset) {
        return sine(amplitude, seconds(period, "period"), offset);
    }

    /**
     * {@code generator: {type: sawtooth, min, max, period_secs}}.
     *
     * @param min start of each ramp
     * @param max approached at the end of each ramp
     * @param periodSecs ramp length in seconds
     * @return the new stage
     */
    public MetricStage sawtooth(double min, double max, double periodSecs) {
        return generator(new GeneratorSpec.Sawtooth(min, max, periodSecs));
    }

    /**
     * {@code generator: {type: sawtooth, min, max, period_secs}} with the period as a {@link
     * Duration} ({@code period_secs} = {@code seconds + nanos / 1e9}).
     *
     * @param min start of each ramp
     * @param max approached at the end of each ramp
     * @param period ramp length
     * @return the new stage
     * @throws NullPointerException if {@code period} is null
     */
    public MetricStage sawtooth(double min, double max, Duration period) {
        return sawtooth(min, max, seconds(period, "period"));
    }

    /**
     * {@code generator: {type: uniform, min, max, seed}}.
     *
     * @param min lower bound, inclusive
     * @param max upper bound, inclusive
     * @param seed 64-bit seed
     * @return the new stage
     */
    public MetricStage uniform(double min, double max, long seed) {
        return generator(new GeneratorSpec.Uniform(min, max, seed));
    }

    /**
     * {@code generator: {type: uniform, min, max}} without a seed of its own: the run's default seed
     * applies ({@code @SondaScenario(seed = ...)}, {@code CompileOptions.withDefaultSeed}), else 0.
     *
     * @param min lower bound, inclusive
     * @param max upper bound, inclusive
     * @return the new stage
     */
    public MetricStage uniform(double min, double max) {
        return generator(new GeneratorSpec.Uniform(min, max, null));
    }

    /**
     * {@code generator: {type: sequence, values, repeat: true}}: cycles through {@code values}.
     *
     * @param values values in order, at least one
     * @return the new stage
     */
    public MetricStage sequence(double... values) {
        return sequence(Arrays.stream(values).boxed().toList(), true);
    }

    /**
     * {@code generator: {type: sequence, values, repeat}}.
     *
     * @param values values in order, at least one
     * @param repeat cycle ({@code true}) or hold the last value
     * @return the new stage
     */
    public MetricStage sequence(List<Double> values, boolean repeat) {
        return generator(new GeneratorSpec.Sequence(values, repeat));
    }

    /**
     * {@code generator: {type: step, step_size}}: a counter from 0.
     *
     * @param stepSize increment per tick
     * @return the new stage
     */
    public MetricStage step(double stepSize) {
        return generator(new GeneratorSpec.Step(0.0, stepSize, null));
    }

    /**
     * {@code generator: {type: step, start, step_size}}: an unbounded counter from {@code start}.
     *
     * @param start first value
     * @param stepSize increment per tick
     * @return the new stage
     */
    public MetricStage step(double start, double stepSize) {
        return generator(new GeneratorSpec.Step(start, stepSize, null));
    }

    /**
     * {@code generator: {type: step, start, step_size, max}}: a counter wrapping into {@code
     * [start, max)} (when {@code max} is above {@code start}).
     *
     * @param start first value
     * @param stepSize increment per tick
     * @param max wrap bound
     * @return the new stage
     */
    public MetricStage step(double start, double stepSize, double max) {
        return generator(new GeneratorSpec.Step(start, stepSize, max));
    }

    /**
     * {@code generator: {type: step, start, step_size, max}}.
     *
     * @param start first value
     * @param stepSize increment per tick
     * @param max wrap bound, or null for none
     * @return the new stage
     * @deprecated a null {@code max} meaning "no bound" reads as a value; use {@link
     *     #step(double, double)} for an unbounded counter and {@link #step(double, double, double)}
     *     for a bound. Behaves as before.
     */
    @Deprecated
    public MetricStage step(double start, double stepSize, Double max) {
        return generator(new GeneratorSpec.Step(start, stepSize, max));
    }

    /**
     * {@code generator: {type: spike, baseline, magnitude, duration_secs, interval_secs}}.
     *
     * @param baseline value outside spikes
     * @param magnitude added during a spike
     * @param durationSecs spike length in seconds
     * @param intervalSecs spike period in seconds
     * @return the new stage
     */
    public MetricStage spike(double baseline, double magnitude, double durationSecs, double intervalSecs) {
        return generator(new GeneratorSpec.Spike(baseline, magnitude, durationSecs, intervalSecs));
    }

    /**
     * {@code generator: {type: spike, baseline, magnitude, duration_secs, interval_secs}} with the
     * times as {@link Duration}s ({@code seconds + nanos / 1e9} each).
     *
     * @param baseline value outside spikes
     * @param magnitude added during a spike (negative makes dips)
     * @param duration spike length, zero or more (a build reports a negative one)
     * @param interval spike period, above zero (a build reports zero or below)
     * @return the new stage
     * @throws NullPointerException if {@code duration} or {@code interval} is null
     */
    public MetricStage spike(double baseline, double magnitude, Duration duration, Duration interval) {
        return spike(baseline, magnitude, seconds(duration, "duration"), seconds(interval, "interval"));
    }

    /**
     * {@code generator: {type: steady}} with every default: center 50, amplitude 10, period 60 s,
     * noise 1.0 ({@link GeneratorSpec.Steady#defaults()}). For some keys only, pass {@code
     * GeneratorSpec.Steady.defaults().withCenter(70)} to {@link #generator(GeneratorSpec)}.
     *
     * @return the new stage
     */
    public MetricStage steady() {
        return generator(GeneratorSpec.Steady.defaults());
    }

    /**
     * {@code generator: {type: steady, center, amplitude, period}} with the default noise (1.0).
     *
     * @param center centre line
     * @param amplitude peak deviation
     * @param period wave period
     * @return the new stage
     * @throws NullPointerException if {@code period} is null
     */
    public MetricStage steady(double center, double amplitude, Duration period) {
        return steady(center, amplitude, period, GeneratorSpec.Steady.DEFAULT_NOISE);
    }

    /**
     * {@code generator: {type: steady, center, amplitude, period, noise}}, no noise seed.
     *
     * @param center centre line
     * @param amplitude peak deviation
     * @param period wave period
     * @param noise jitter amplitude when the entry sets none; 0 for none
     * @return the new stage
     * @throws NullPointerException if {@code period} is null
     */
    public MetricStage steady(double center, double amplitude, Duration period, double noise) {
        return generator(new GeneratorSpec.Steady(center, amplitude, period, noise, null));
    }

    /**
     * {@code generator: {type: steady, center, amplitude, period, noise, noise_seed}}.
     *
     * @param center centre line
     * @param amplitude peak deviation
     * @param period wave period
     * @param noise jitter amplitude when the entry sets none; 0 for none
     * @param noiseSeed 64-bit jitter seed, read as unsigned, used when the entry sets no {@code
     *     jitter_seed}
     * @return the new stage
     * @throws NullPointerException if {@code period} is null
     */
    public MetricStage steady(double center, double amplitude, Duration period, double noise, long noiseSeed) {
        return generator(new GeneratorSpec.Steady(center, amplitude, period, noise, noiseSeed));
    }

    /**
     * {@code generator: {type: steady, center, amplitude, period, noise, noise_seed}}.
     *
     * @param center centre line
     * @param amplitude peak deviation
     * @param period wave period
     * @param noise jitter amplitude when the entry sets none; 0 for none
     * @param noiseSeed jitter seed, or null
     * @return the new stage
     * @deprecated a null {@code noiseSeed} meaning "no seed" reads as a value; use {@link
     *     #steady(double, double, Duration, double)} without a seed and {@link #steady(double,
     *     double, Duration, double, long)} with one. Behaves as before.
     */
    @Deprecated
    public MetricStage steady(double center, double amplitude, Duration period, double noise, Long noiseSeed) {
        return generator(new GeneratorSpec.Steady(center, amplitude, period, noise, noiseSeed));
    }

    /**
     * {@code generator: {type: flap}} with every default: up 10 s, down 5 s, values 1 (up) and 0
     * (down) ({@link GeneratorSpec.Flap#defaults()}).
     *
     * @return the new stage
     */
    public MetricStage flap() {
        return generator(GeneratorSpec.Flap.defaults());
    }

    /**
     * {@code generator: {type: flap, up_duration, down_duration}} with values 1 (up) and 0 (down).
     *
     * @param up time up
     * @param down time down
     * @return the new stage
     */
    public MetricStage flap(Duration up, Duration down) {
        return generator(new GeneratorSpec.Flap(up, down, null, null, null));
    }

    /**
     * {@code generator: {type: flap, up_duration, down_duration, up_value, down_value}}.
     *
     * @param up time up
     * @param down time down
     * @param upValue value while up
     * @param downValue value while down
     * @return the new stage
     */
    public MetricStage flap(Duration up, Duration down, double upValue, double downValue) {
        return generator(new GeneratorSpec.Flap(up, down, upValue, downValue, null));
    }

    /**
     * {@code generator: {type: flap, up_duration, down_duration, enum}}.
     *
     * @param up time up
     * @param down time down
     * @param values named value pair, such as {@code OPER_STATE} (1 up, 2 down)
     * @return the new stage
     */
    public MetricStage flap(Duration up, Duration down, GeneratorSpec.FlapEnum values) {
        return generator(new GeneratorSpec.Flap(up, down, null, null, values));
    }

    /**
     * {@code generator: {type: saturation}} with every default: baseline 0, ceiling 100,
     * time_to_saturate 5 min ({@link GeneratorSpec.Saturation#defaults()}).
     *
     * @return the new stage
     */
    public MetricStage saturation() {
        return generator(GeneratorSpec.Saturation.defaults());
    }

    /**
     * {@code generator: {type: saturation, baseline, ceiling, time_to_saturate}}.
     *
     * @param baseline start of each ramp
     * @param ceiling end of each ramp
     * @param timeToSaturate ramp length
     * @return the new stage
     */
    public MetricStage saturation(double baseline, double ceiling, Duration timeToSaturate) {
        return generator(new GeneratorSpec.Saturation(baseline, ceiling, timeToSaturate));
    }

    /**
     * {@code generator: {type: leak}} with every default: baseline 0, ceiling 100, time_to_ceiling
     * 10 min ({@link GeneratorSpec.Leak#defaults()}). The entry's duration must not exceed the
     * ramp.
     *
     * @return the new stage
     */
    public MetricStage leak() {
        return generator(GeneratorSpec.Leak.defaults());
    }

    /**
     * {@code generator: {type: leak, baseline, ceiling, time_to_ceiling}}.
     *
     * @param baseline start value
     * @param ceiling value at the end of the ramp
     * @param timeToCeiling ramp length, at least the entry's duration
     * @return the new stage
     */
    public MetricStage leak(double baseline, double ceiling, Duration timeToCeiling) {
        return generator(new GeneratorSpec.Leak(baseline, ceiling, timeToCeiling));
    }

    /**
     * {@code generator: {type: degradation}} with every default: baseline 0, ceiling 100,
     * time_to_degrade 5 min, noise 1.0 ({@link GeneratorSpec.Degradation#defaults()}).
     *
     * @return the new stage
     */
    public MetricStage degradation() {
        return generator(GeneratorSpec.Degradation.defaults());
    }

    /**
     * {@code generator: {type: degradation, baseline, ceiling, time_to_degrade}} with the default
     * noise (1.0).
     *
     * @param baseline start value
     * @param ceiling end value
     * @param timeToDegrade ramp length
     * @return the new stage
     * @throws NullPointerException if {@code timeToDegrade} is null
     */
    public MetricStage degradation(double baseline, double ceiling, Duration timeToDegrade) {
        return degradation(baseline, ceiling, timeToDegrade, GeneratorSpec.Degradation.DEFAULT_NOISE);
    }

    /**
     * {@code generator: {type: degradation, baseline, ceiling, time_to_degrade, noise, noise_seed}}.
     *
     * @param baseline start value
     * @param ceiling end value
     * @param timeToDegrade ramp length
     * @param noise jitter amplitude when the entry sets none; 0 for none
     * @param noiseSeed 64-bit jitter seed, read as unsigned, used when the entry sets no {@code
     *     jitter_seed}
     * @return the new stage
     * @throws NullPointerException if {@code timeToDegrade} is null
     */
    public MetricStage degradation(
            double baseline, double ceiling, Duration timeToDegrade, double noise, long noiseSeed) {
        return generator(new GeneratorSpec.Degradation(baseline, ceiling, timeToDegrade, noise, noiseSeed));
    }

    /**
     * {@code generator: {type: degradation, baseline, ceiling, time_to_degrade, noise}}.
     *
     * @param baseline start value
     * @param ceiling end value
     * @param timeToDegrade ramp length
     * @param noise jitter amplitude when the entry sets none
     * @return the new stage
     */
    public MetricStage degradation(double baseline, double ceiling, Duration timeToDegrade, double noise) {
        return generator(new GeneratorSpec.Degradation(baseline, ceiling, timeToDegrade, noise, null));
    }

    /**
     * {@code generator: {type: spike_event}} with every default: baseline 0, spike_height 100,
     * spike_duration 10 s, spike_interval 30 s ({@link GeneratorSpec.SpikeEvent#defaults()}).
     *
     * @return the new stage
     */
    public MetricStage spikeEvent() {
        return generator(GeneratorSpec.SpikeEvent.defaults());
    }

    /**
     * {@code generator: {type: spike_event, baseline, spike_height, spike_duration,
     * spike_interval}}.
     *
     * @param baseline value outside spikes
     * @param spikeHeight added during a spike
     * @param spikeDuration spike length
     * @param spikeInterval spike period
     * @return the new stage
     */
    public MetricStage spikeEvent(double baseline, double spikeHeight, Duration spikeDuration, Duration spikeInterval) {
        return generator(new GeneratorSpec.SpikeEvent(baseline, spikeHeight, spikeDuration, spikeInterval));
    }

    private static double seconds(Duration d, String name) {
        return DurationText.toSeconds(Objects.requireNonNull(d, name));
    }

    /**
     * Adds uniform noise in {@code [-amplitude, +amplitude]} to every value (YAML {@code jitter}).
     *
     * @param amplitude finite, at least 0; 0 disables
     * @return the new stage
     */
    public MetricStage jitter(double amplitude) {
        return with(Field.JITTER, amplitude);
    }

    /**
     * Adds seeded uniform noise (YAML {@code jitter} and {@code jitter_seed}).
     *
     * @param amplitude finite, at least 0
     * @param seed 64-bit seed
     * @return the new stage
     */
    public MetricStage jitter(double amplitude, long seed) {
        return with(Field.JITTER, amplitude).with(Field.JITTER_SEED, seed);
    }

    /**
     * Sets the {@code # TYPE} scrape endpoints announce (YAML {@code metric_type}).
     *
     * @param type the metric type
     * @return the new stage
     */
    public MetricStage metricType(MetricType type) {
        return with(Field.METRIC_TYPE, type);
    }

    /**
     * Sets the {@code # HELP} text scrape endpoints announce (YAML {@code help}).
     *
     * @param help the text
     * @return the new stage
     */
    public MetricStage help(String help) {
        return with(Field.HELP, help);
    }
}
