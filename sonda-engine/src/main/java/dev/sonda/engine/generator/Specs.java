package dev.sonda.engine.generator;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecProvider;
import java.math.BigDecimal;
import java.time.Duration;

/** Helpers the built-in generator providers share. */
final class Specs {
    private Specs() {}

    /**
     * {@code spec} as the provider's record.
     *
     * @throws IllegalArgumentException naming both types when it is another spec
     */
    static <T> T as(SpecProvider<?> provider, Object spec, Class<T> type) {
        if (type.isInstance(spec)) {
            return type.cast(spec);
        }
        String found = spec instanceof GeneratorSpec g ? g.type() : String.valueOf(spec);
        throw new IllegalArgumentException("the " + provider.kind().displayName() + " provider of '" + provider.type()
                + "' cannot build a '" + found + "' spec ("
                + (spec == null ? "null" : spec.getClass().getName()) + ")");
    }

    /**
     * {@code spec} as the provider's record, after its own validation.
     *
     * @throws dev.sonda.api.InvalidScenarioException with the spec's problems, under the context's
     *     path
     */
    static <T extends GeneratorSpec> T checked(
            GeneratorProvider provider, GeneratorSpec spec, Class<T> type, GeneratorContext context) {
        T t = as(provider, spec, type);
        Problems problems = new Problems();
        provider.validate(t, context.path(), problems);
        problems.throwIfAny();
        return t;
    }

    /** A double as {@code --dry-run} shows it. */
    static String text(double v) {
        return FloatText.display(v);
    }

    /** Converts a duration to seconds as the reference's {@code Duration::as_secs_f64} ({@link DurationText#toSeconds}). */
    static double seconds(Duration d) {
        return DurationText.toSeconds(d);
    }

    /** Renders a duration as decimal seconds with a {@code s} suffix, such as {@code 30s}, {@code 0.25s}. */
    static String render(Duration d) {
        BigDecimal secs = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return secs.stripTrailingZeros().toPlainString() + "s";
    }
}
