package dev.sonda.api;

import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
     * {@code generator: {type: uniform, min, max}} with seed 0.
     *
     * @param min lower bound, inclusive
     * @param max upper bound, inclusive
     * @return the new stage
     */
    public MetricStage uniform(double min, double max) {
        return uniform(min, max, 0);
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
     * {@code generator: {type: step, start, step_size, max}}.
     *
     * @param start first value
     * @param stepSize increment per tick
     * @param max wrap bound, or null for none
     * @return the new stage
     */
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
     * {@code generator: {type: steady, center, amplitude, period}} with the default noise (1.0).
     *
     * @param center centre line
     * @param amplitude peak deviation
     * @param period wave period
     * @return the new stage
     */
    public MetricStage steady(double center, double amplitude, Duration period) {
        return generator(new GeneratorSpec.Steady(center, amplitude, period, 1.0, null));
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
     */
    public MetricStage steady(double center, double amplitude, Duration period, double noise, Long noiseSeed) {
        return generator(new GeneratorSpec.Steady(center, amplitude, period, noise, noiseSeed));
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
