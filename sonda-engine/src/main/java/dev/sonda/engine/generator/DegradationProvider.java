package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;

/**
 * The built-in provider of {@code type: degradation}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): a slow ramp with noise. Keys: {@code baseline} (default 0), {@code ceiling} (default
 * 100) and {@code time_to_degrade} (a duration, default {@code 5m}); {@code noise} (default 1) and {@code noise_seed} (optional) as in {@code steady}.
 *
 * <p>It runs as {@code sawtooth{min = baseline, max = ceiling, period_secs = time_to_degrade}}.
 */
public final class DegradationProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DegradationProvider() {}

    @Override
    public String type() {
        return "degradation";
    }

    @Override
    public Class<GeneratorSpec.Degradation> specClass() {
        return GeneratorSpec.Degradation.class;
    }

    @Override
    public String summary() {
        return "a slow ramp with noise";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.Degradation(
                block.number("baseline", 0.0),
                block.number("ceiling", 100.0),
                block.duration("time_to_degrade", DurationText::parse, Duration.ofMinutes(5)),
                block.number("noise", 1.0),
                block.unsigned64("noise_seed"));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.Degradation s = Specs.as(this, spec, GeneratorSpec.Degradation.class);
        out.put("baseline", s.baseline()).put("ceiling", s.ceiling()).put("time_to_degrade", s.timeToDegrade());
        out.put("noise", s.noise());
        if (s.noiseSeed() != null) {
            out.putUnsigned("noise_seed", s.noiseSeed());
        }
    }

    /**
     * Builds the sawtooth at the entry's rate.
     *
     * @param spec a {@link GeneratorSpec.Degradation}
     * @param context the entry's rate, duration and jitter
     * @return the generator
     * @throws dev.sonda.api.InvalidScenarioException at the entry's {@code jitter} when the effective
     *     jitter is NaN, infinite or negative
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Degradation}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.Degradation s = Specs.as(this, spec, GeneratorSpec.Degradation.class);
        double period = Specs.seconds(s.timeToDegrade());
        ValueGenerator saw = new SawtoothGenerator(s.baseline(), s.ceiling(), period, context.rate());
        return context.withJitter(saw, s.noise(), s.noiseSeed());
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.Degradation s = Specs.as(this, spec, GeneratorSpec.Degradation.class);
        return "degradation (baseline: " + Specs.text(s.baseline()) + ", ceiling: " + Specs.text(s.ceiling())
                + ", time_to_degrade: " + DurationText.format(s.timeToDegrade()) + ")";
    }
}
