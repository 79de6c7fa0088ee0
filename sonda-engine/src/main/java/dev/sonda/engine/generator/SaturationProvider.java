package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;

/**
 * The built-in provider of {@code type: saturation}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): a resource filling up and resetting, again and again. Keys: {@code baseline} (default 0), {@code ceiling} (default
 * 100) and {@code time_to_saturate} (a duration, default {@code 5m}).
 *
 * <p>It runs as {@code sawtooth{min = baseline, max = ceiling, period_secs = time_to_saturate}}.
 */
public final class SaturationProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SaturationProvider() {}

    @Override
    public String type() {
        return "saturation";
    }

    @Override
    public Class<GeneratorSpec.Saturation> specClass() {
        return GeneratorSpec.Saturation.class;
    }

    @Override
    public String summary() {
        return "a resource filling up and resetting, again and again";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.Saturation(
                block.number("baseline", 0.0),
                block.number("ceiling", 100.0),
                block.duration("time_to_saturate", DurationText::parse, Duration.ofMinutes(5)));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.Saturation s = Specs.as(this, spec, GeneratorSpec.Saturation.class);
        out.put("baseline", s.baseline()).put("ceiling", s.ceiling()).put("time_to_saturate", s.timeToSaturate());
    }

    /**
     * Builds the sawtooth at the entry's rate.
     *
     * @param spec a {@link GeneratorSpec.Saturation}
     * @param context the entry's rate, duration and jitter
     * @return the generator
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Saturation}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.Saturation s = Specs.as(this, spec, GeneratorSpec.Saturation.class);
        double period = Specs.seconds(s.timeToSaturate());
        ValueGenerator saw = new SawtoothGenerator(s.baseline(), s.ceiling(), period, context.rate());
        return context.withJitter(saw);
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.Saturation s = Specs.as(this, spec, GeneratorSpec.Saturation.class);
        return "saturation (baseline: " + Specs.text(s.baseline()) + ", ceiling: " + Specs.text(s.ceiling())
                + ", time_to_saturate: " + DurationText.format(s.timeToSaturate()) + ")";
    }
}
