package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;

/**
 * The built-in provider of {@code type: spike_event}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): periodic spikes. Keys: {@code baseline} (default 0), {@code spike_height}
 * (default 100), {@code spike_duration} (default {@code 10s}) and {@code spike_interval} (default
 * {@code 30s}).
 *
 * <p>It runs as {@code spike{baseline, magnitude = spike_height, duration_secs = spike_duration,
 * interval_secs = spike_interval}}.
 */
public final class SpikeEventProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SpikeEventProvider() {}

    @Override
    public String type() {
        return "spike_event";
    }

    @Override
    public Class<GeneratorSpec.SpikeEvent> specClass() {
        return GeneratorSpec.SpikeEvent.class;
    }

    @Override
    public String summary() {
        return "periodic spikes above a baseline";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.SpikeEvent(
                block.number("baseline", 0.0),
                block.number("spike_height", 100.0),
                block.duration("spike_duration", DurationText::parse, Duration.ofSeconds(10)),
                block.duration("spike_interval", DurationText::parse, Duration.ofSeconds(30)));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.SpikeEvent s = Specs.as(this, spec, GeneratorSpec.SpikeEvent.class);
        out.put("baseline", s.baseline())
                .put("spike_height", s.spikeHeight())
                .put("spike_duration", s.spikeDuration())
                .put("spike_interval", s.spikeInterval());
    }

    /**
     * Adds a problem at {@code spike_interval} when it is not positive, and at {@code
     * spike_duration} when it is negative (possible only in a spec built in Java).
     *
     * @param spec a {@link GeneratorSpec.SpikeEvent}
     * @param path where the block sits
     * @param problems collector of problems
     */
    @Override
    public void validate(GeneratorSpec spec, String path, Problems problems) {
        GeneratorSpec.SpikeEvent s = Specs.as(this, spec, GeneratorSpec.SpikeEvent.class);
        if (s.spikeInterval().isNegative() || s.spikeInterval().isZero()) {
            problems.add(path + ".spike_interval", "spike_event: spike_interval must be greater than zero");
        }
        if (s.spikeDuration().isNegative()) {
            problems.add(path + ".spike_duration", "spike_event: spike_duration must not be negative");
        }
    }

    /**
     * Builds the spike generator at the entry's rate, with the entry's jitter.
     *
     * @param spec a {@link GeneratorSpec.SpikeEvent}
     * @param context the entry's rate and jitter
     * @return the generator
     * @throws dev.sonda.api.InvalidScenarioException with the problems of {@link #validate}
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.SpikeEvent}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.SpikeEvent s = Specs.checked(this, spec, GeneratorSpec.SpikeEvent.class, context);
        return context.withJitter(new SpikeGenerator(
                s.baseline(),
                s.spikeHeight(),
                Specs.seconds(s.spikeDuration()),
                Specs.seconds(s.spikeInterval()),
                context.rate()));
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.SpikeEvent s = Specs.as(this, spec, GeneratorSpec.SpikeEvent.class);
        return "spike_event (baseline: " + Specs.text(s.baseline()) + ", spike_height: " + Specs.text(s.spikeHeight())
                + ")";
    }
}
