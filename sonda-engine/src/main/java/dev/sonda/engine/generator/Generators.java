package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds {@link ValueGenerator}s from specs through the {@link GeneratorProvider} of their type: the
 * reference's {@code create_generator} plus {@code wrap_with_jitter} (Sonda 1.20 {@code
 * generator/mod.rs}, {@code schedule/runner.rs}).
 *
 * <p>A spec is first resolved and validated by the registry ({@link SpecRegistry#resolve}: a {@link
 * GeneratorSpec.Generic} of a known type is read into its provider's record, an unknown type is a
 * problem at {@code path.type}), then built by its provider, which wraps it with the entry's jitter.
 * The overloads without a registry use {@link SpecRegistry#defaults()}. Thread-safe.
 */
public final class Generators {
    private Generators() {}

    /**
     * Builds the generator a spec describes on its own, with no entry-level jitter and no entry
     * duration, through the default registry; equivalent to {@code create(spec, rate, null, null,
     * null, "generator")}. An alias that implies noise (steady, degradation) gets its {@code noise}
     * as jitter.
     *
     * @param spec the generator spec, built in or a plug-in's ({@link GeneratorSpec.Generic} too)
     * @param rate the entry's rate in events per second, finite and above 0
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(SpecRegistry, GeneratorSpec, double,
     *     Double, Long, Duration, String)}, with problem paths under {@code generator}
     */
    public static ValueGenerator create(GeneratorSpec spec, double rate) {
        return create(SpecRegistry.defaults(), spec, rate, null, null, null, "generator");
    }

    /**
     * Builds one scenario entry's generator through the default registry.
     *
     * @param spec the entry's generator spec
     * @param rate the entry's rate in events per second, finite and above 0
     * @param jitter the entry's {@code jitter}, or null when unset
     * @param jitterSeed the entry's {@code jitter_seed}, or null when unset
     * @param entryDuration the entry's {@code duration}, or null when unbounded (read by {@code
     *     leak})
     * @param path where the generator block sits, such as {@code scenarios[0].generator}
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(SpecRegistry, GeneratorSpec, double,
     *     Double, Long, Duration, String)}
     */
    public static ValueGenerator create(
            GeneratorSpec spec, double rate, Double jitter, Long jitterSeed, Duration entryDuration, String path) {
        return create(SpecRegistry.defaults(), spec, rate, jitter, jitterSeed, entryDuration, path);
    }

    /**
     * Builds one scenario entry's generator through {@code registry}: resolves and validates the
     * spec, then lets its provider build it with the entry's context.
     *
     * @param registry the providers
     * @param spec the entry's generator spec, built in or a plug-in's ({@link GeneratorSpec.Generic}
     *     too)
     * @param rate the entry's rate in events per second, finite and above 0
     * @param jitter the entry's {@code jitter}, or null when unset
     * @param jitterSeed the entry's {@code jitter_seed}, or null when unset
     * @param entryDuration the entry's {@code duration}, or null when unbounded
     * @param path where the generator block sits, such as {@code scenarios[0].generator}
     * @return the generator
     * @throws InvalidScenarioException with every problem found: at {@code path.type} for a type no
     *     provider serves ({@code unknown generator type 'sinee'; did you mean 'sine'? known: ...}),
     *     the spec's own problems (such as {@code sequence generator requires at least one value} at
     *     {@code path.values}), and the provider's (the alias rules, an invalid effective jitter at
     *     the sibling {@code jitter} key)
     * @throws IllegalStateException for {@code csv_replay}, which the compiler expands into one
     *     entry per column instead
     * @throws SondaException if the type's provider is not a {@link GeneratorProvider} or returns
     *     null
     */
    public static ValueGenerator create(
            SpecRegistry registry,
            GeneratorSpec spec,
            double rate,
            Double jitter,
            Long jitterSeed,
            Duration entryDuration,
            String path) {
        Objects.requireNonNull(path, "path");
        return create(registry, spec, new GeneratorContext(rate, entryDuration, jitter, jitterSeed, path, null));
    }

    /**
     * Builds one scenario entry's generator through {@code registry} with a full context (the
     * compiler's path: it carries the run's default seed).
     *
     * @param registry the providers
     * @param spec the entry's generator spec
     * @param context the entry's rate, duration, jitter, path and default seed
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(SpecRegistry, GeneratorSpec, double,
     *     Double, Long, Duration, String)}
     * @throws IllegalStateException for {@code csv_replay}
     * @throws SondaException if the type's provider is not a {@link GeneratorProvider} or returns
     *     null
     */
    public static ValueGenerator create(SpecRegistry registry, GeneratorSpec spec, GeneratorContext context) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        String path = context.path();
        Problems problems = new Problems();
        GeneratorSpec resolved = (GeneratorSpec) registry.resolve(SpecKind.GENERATOR, spec, path, problems);
        problems.throwIfAny();
        GeneratorProvider provider = provider(registry, resolved.type());
        ValueGenerator generator = provider.create(resolved, context);
        if (generator == null) {
            throw new SondaException(
                    "generator provider " + provider.getClass().getName() + " returned null for " + path);
        }
        return generator;
    }

    /**
     * The provider that builds {@code type}.
     *
     * @param registry the providers
     * @param type a generator {@code type:} name
     * @return the provider
     * @throws SondaException if no provider serves the type, or its provider cannot build generators
     */
    public static GeneratorProvider provider(SpecRegistry registry, String type) {
        return registry.find(SpecKind.GENERATOR, type, GeneratorProvider.class)
                .orElseThrow(() -> new SondaException(registry.find(SpecKind.GENERATOR, type)
                        .map(p -> "the generator provider " + p.getClass().getName() + " of type '" + type
                                + "' does not implement " + GeneratorProvider.class.getName())
                        .orElseGet(() -> registry.unknownType(SpecKind.GENERATOR, type))));
    }
}
