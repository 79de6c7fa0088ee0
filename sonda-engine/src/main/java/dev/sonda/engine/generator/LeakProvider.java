package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;
import java.util.List;

/**
 * The built-in provider of {@code type: leak}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): one slow climb to a ceiling, such as a memory leak. Keys: {@code baseline} (default 0), {@code ceiling} (default
 * 100) and {@code time_to_ceiling} (a duration, default {@code 10m}); the entry must not outlast the ramp.
 *
 * <p>It runs as {@code sawtooth{min = baseline, max = ceiling, period_secs = time_to_ceiling}}.
 */
public final class LeakProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public LeakProvider() {}

    @Override
    public String type() {
        return "leak";
    }

    @Override
    public Class<GeneratorSpec.Leak> specClass() {
        return GeneratorSpec.Leak.class;
    }

    @Override
    public String summary() {
        return "one slow climb to a ceiling, such as a memory leak";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.Leak(
                block.number("baseline", 0.0),
                block.number("ceiling", 100.0),
                block.duration("time_to_ceiling", DurationText::parse, Duration.ofMinutes(10)));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.Leak s = Specs.as(this, spec, GeneratorSpec.Leak.class);
        out.put("baseline", s.baseline()).put("ceiling", s.ceiling()).put("time_to_ceiling", s.timeToCeiling());
    }

    /**
     * Builds the sawtooth at the entry's rate.
     *
     * @param spec a {@link GeneratorSpec.Leak}
     * @param context the entry's rate, duration and jitter
     * @return the generator
     * @throws InvalidScenarioException at {@code time_to_ceiling} under the block's path when the ramp
     *     is shorter than the entry's duration: {@code leak: time_to_ceiling (30s) is shorter than
     *     scenario duration (60s); ...}, both durations in seconds (the reference shows them as
     *     written)
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Leak}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.Leak s = Specs.as(this, spec, GeneratorSpec.Leak.class);
        double period = Specs.seconds(s.timeToCeiling());
        if (context.duration() != null && period < Specs.seconds(context.duration())) {
            throw new InvalidScenarioException(List.of(new Problem(
                    context.path("time_to_ceiling"),
                    "leak: time_to_ceiling (" + Specs.render(s.timeToCeiling())
                            + ") is shorter than scenario duration (" + Specs.render(context.duration())
                            + "); the sawtooth would reset mid-run. Use 'saturation' instead for repeating"
                            + " fill-and-reset cycles, or increase time_to_ceiling to >= duration")));
        }
        ValueGenerator saw = new SawtoothGenerator(s.baseline(), s.ceiling(), period, context.rate());
        return context.withJitter(saw);
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.Leak s = Specs.as(this, spec, GeneratorSpec.Leak.class);
        return "leak (baseline: " + Specs.text(s.baseline()) + ", ceiling: " + Specs.text(s.ceiling())
                + ", time_to_ceiling: " + DurationText.format(s.timeToCeiling()) + ")";
    }
}
