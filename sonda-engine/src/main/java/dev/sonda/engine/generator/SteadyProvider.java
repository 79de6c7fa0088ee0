package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;

/**
 * The built-in provider of {@code type: steady}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): a sine around {@code center} plus noise. Keys: {@code center} (default 50),
 * {@code amplitude} (default 10), {@code period} (a duration, default {@code 60s}), {@code noise}
 * (default 1; 0 disables it) and {@code noise_seed} (optional).
 *
 * <p>It runs as {@code sine{amplitude, period_secs = period, offset = center}}, with the entry's
 * {@code jitter} or else {@code noise} as jitter, seeded by the entry's {@code jitter_seed} or else
 * {@code noise_seed} ({@link GeneratorContext#withJitter(ValueGenerator, double, Long)}).
 */
public final class SteadyProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SteadyProvider() {}

    @Override
    public String type() {
        return "steady";
    }

    @Override
    public Class<GeneratorSpec.Steady> specClass() {
        return GeneratorSpec.Steady.class;
    }

    @Override
    public String summary() {
        return "a healthy signal: a sine around center plus noise";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.Steady(
                block.number("center", 50.0),
                block.number("amplitude", 10.0),
                block.duration("period", DurationText::parse, Duration.ofSeconds(60)),
                block.number("noise", 1.0),
                block.unsigned64("noise_seed"));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.Steady s = Specs.as(this, spec, GeneratorSpec.Steady.class);
        out.put("center", s.center())
                .put("amplitude", s.amplitude())
                .put("period", s.period())
                .put("noise", s.noise());
        if (s.noiseSeed() != null) {
            out.putUnsigned("noise_seed", s.noiseSeed());
        }
    }

    /**
     * Builds the sine with its noise.
     *
     * @param spec a {@link GeneratorSpec.Steady}
     * @param context the entry's rate and jitter
     * @return the generator
     * @throws dev.sonda.api.InvalidScenarioException at the entry's {@code jitter} when the effective
     *     jitter is NaN, infinite or negative
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Steady}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.Steady s = Specs.as(this, spec, GeneratorSpec.Steady.class);
        ValueGenerator sine = new SineGenerator(s.amplitude(), Specs.seconds(s.period()), s.center(), context.rate());
        return context.withJitter(sine, s.noise(), s.noiseSeed());
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.Steady s = Specs.as(this, spec, GeneratorSpec.Steady.class);
        return "steady (center: " + Specs.text(s.center()) + ", amplitude: " + Specs.text(s.amplitude()) + ")";
    }
}
