package dev.sonda.engine.generator;

import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecProvider;

/**
 * A metric generator type end to end: its {@code type:} name, its spec record, reading, writing and
 * validating its {@code generator:} block ({@link SpecProvider}), and building the {@link
 * ValueGenerator} that runs.
 *
 * <p>Register it with one line in {@code META-INF/services/dev.sonda.api.spi.SpecProvider}, exactly
 * as the built-ins are (the core generators and the operational aliases alike), or add it to a
 * {@link dev.sonda.api.spi.SpecRegistry} built for a run.
 *
 * <p>Threading: {@link #create} is called on the thread that compiles the scenario, once per entry,
 * before the run starts; it must not block (no network; reading a small local file is acceptable).
 * The generator it returns is then called from the entry's runner thread and must be a pure
 * function of the tick: immutable, thread-safe, side-effect free and allocation-free in {@link
 * ValueGenerator#value(long)}. A provider is stateless or thread-safe.
 */
public interface GeneratorProvider extends SpecProvider<GeneratorSpec> {

    @Override
    default SpecKind kind() {
        return SpecKind.GENERATOR;
    }

    /**
     * Adds the spec's own problems ({@link GeneratorSpec#validate}), such as an empty sequence.
     *
     * @param spec a spec of {@link #specClass()}
     * @param path where the block sits, such as {@code scenarios[0].generator}
     * @param problems collector of problems
     */
    @Override
    default void validate(GeneratorSpec spec, String path, Problems problems) {
        spec.validate(path, problems);
    }

    /**
     * Builds the finished generator of one entry, jitter included: the core generator wrapped with
     * {@link GeneratorContext#withJitter(ValueGenerator)} (or the alias variant).
     *
     * @param spec the spec, of {@link #specClass()}
     * @param context the entry's rate, duration, jitter and the block's path
     * @return the generator, never null
     * @throws dev.sonda.api.InvalidScenarioException if the spec cannot run in this entry (its own
     *     problems, or ones that need the context, such as a leak shorter than the entry), each at
     *     a path under {@link GeneratorContext#path()}
     */
    ValueGenerator create(GeneratorSpec spec, GeneratorContext context);

    /**
     * How {@code --dry-run} shows the generator, such as {@code constant (value: 1)}. Default: the
     * type.
     *
     * @param spec a spec of {@link #specClass()}
     * @return the display text
     */
    default String display(GeneratorSpec spec) {
        return type();
    }
}
