package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in provider of {@code type: flap}, an operational alias (Sonda 1.20 {@code
 * config/aliases.rs}): a value alternating between up and down. Keys: {@code up_duration} (default
 * {@code 10s}), {@code down_duration} (default {@code 5s}), {@code up_value} and {@code down_value}
 * (default 1 and 0), or {@code enum} (one of {@code boolean}, {@code link_state}, {@code
 * oper_state}, {@code admin_state}, {@code neighbor_state}) for a named pair; {@code enum} excludes
 * the explicit values.
 *
 * <p>It runs as a repeating {@code sequence}: {@code max(round(up_duration·rate), 1)} copies of the
 * up value, then {@code max(round(down_duration·rate), 1)} of the down value, {@code round} being
 * half away from zero followed by a truncating, saturating conversion.
 */
public final class FlapProvider implements GeneratorProvider {
    private static final Map<String, GeneratorSpec.FlapEnum> ENUMS = new LinkedHashMap<>();

    static {
        for (GeneratorSpec.FlapEnum e : GeneratorSpec.FlapEnum.values()) {
            ENUMS.put(e.yamlName(), e);
        }
    }

    /** Java's practical array limit; the reference would abort on a larger allocation. */
    private static final long MAX_SEQUENCE_LENGTH = Integer.MAX_VALUE - 8;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public FlapProvider() {}

    @Override
    public String type() {
        return "flap";
    }

    @Override
    public Class<GeneratorSpec.Flap> specClass() {
        return GeneratorSpec.Flap.class;
    }

    @Override
    public String summary() {
        return "a value alternating between up and down, such as a flapping link";
    }

    @Override
    public GeneratorSpec read(SpecBlock block) {
        return new GeneratorSpec.Flap(
                block.duration("up_duration", DurationText::parse, Duration.ofSeconds(10)),
                block.duration("down_duration", DurationText::parse, Duration.ofSeconds(5)),
                block.number("up_value"),
                block.number("down_value"),
                block.choice("enum", ENUMS));
    }

    @Override
    public void write(GeneratorSpec spec, SpecWriter out) {
        GeneratorSpec.Flap f = Specs.as(this, spec, GeneratorSpec.Flap.class);
        out.put("up_duration", f.upDuration())
                .put("down_duration", f.downDuration())
                .put("up_value", f.upValue())
                .put("down_value", f.downValue())
                .put("enum", f.flapEnum() == null ? null : f.flapEnum().yamlName());
    }

    /**
     * Builds the repeating sequence at the entry's rate, with the entry's jitter.
     *
     * @param spec a {@link GeneratorSpec.Flap}
     * @param context the entry's rate, jitter and the block's path
     * @return the generator
     * @throws InvalidScenarioException under the block's path: at {@code enum}, "flap: 'enum' is
     *     mutually exclusive with explicit 'up_value'/'down_value' — pick one"; at the block, "flap:
     *     up_duration and down_duration must produce at least one tick total", or when the two
     *     phases need more ticks than a Java array holds
     * @throws IllegalArgumentException if {@code spec} is not a {@link GeneratorSpec.Flap}
     */
    @Override
    public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
        GeneratorSpec.Flap f = Specs.checked(this, spec, GeneratorSpec.Flap.class, context);
        double rate = context.rate();
        long upTicks = RustMath.toU64Saturating(RustMath.roundHalfAwayFromZero(Specs.seconds(f.upDuration()) * rate));
        long downTicks =
                RustMath.toU64Saturating(RustMath.roundHalfAwayFromZero(Specs.seconds(f.downDuration()) * rate));
        if (upTicks == 0 && downTicks == 0) {
            throw problem(context.path(), "flap: up_duration and down_duration must produce at least one tick total");
        }
        long up = upTicks == 0 ? 1 : upTicks; // each phase clamped to >= 1 tick
        long down = downTicks == 0 ? 1 : downTicks;
        if (up < 0 || down < 0 || up + down > MAX_SEQUENCE_LENGTH) { // negative = above 2^63 unsigned
            throw problem(
                    context.path(),
                    "flap: up_duration and down_duration produce more than " + MAX_SEQUENCE_LENGTH
                            + " ticks at this rate; shorten them or lower the rate");
        }
        double[] values = new double[(int) (up + down)];
        java.util.Arrays.fill(values, 0, (int) up, f.resolvedUpValue());
        java.util.Arrays.fill(values, (int) up, values.length, f.resolvedDownValue());
        return context.withJitter(new SequenceGenerator(values, true));
    }

    private static InvalidScenarioException problem(String path, String message) {
        return new InvalidScenarioException(List.of(new Problem(path, message)));
    }

    @Override
    public String display(GeneratorSpec spec) {
        GeneratorSpec.Flap f = Specs.as(this, spec, GeneratorSpec.Flap.class);
        return "flap (up_duration: " + DurationText.format(f.upDuration()) + ", down_duration: "
                + DurationText.format(f.downDuration()) + ", up_value: " + Specs.text(f.resolvedUpValue())
                + ", down_value: " + Specs.text(f.resolvedDownValue()) + ")";
    }
}
