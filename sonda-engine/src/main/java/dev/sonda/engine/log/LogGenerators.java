package dev.sonda.engine.log;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.util.Objects;

/**
 * Builds {@link LogGenerator}s from specs through the {@link LogGeneratorProvider} of their type:
 * the reference's {@code create_log_generator} (Sonda 1.20 {@code generator/mod.rs}) for the
 * built-ins ({@code template}, {@code csv_replay}) and plug-ins alike. A spec is first resolved and
 * validated by the registry ({@link SpecRegistry#resolve}). The overloads without a registry use
 * {@link SpecRegistry#defaults()}. Called once per entry, before the run; thread-safe.
 */
public final class LogGenerators {
    private LogGenerators() {}

    /**
     * Builds one entry's log generator through the default registry; a template generator indexes
     * as the native 64-bit reference.
     *
     * @param spec the {@code log_generator:} block
     * @param path where the block sits, such as {@code scenarios[0].log_generator}
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(SpecRegistry, LogGeneratorSpec,
     *     LogGeneratorContext)}
     * @throws SondaException as {@link #create(SpecRegistry, LogGeneratorSpec, LogGeneratorContext)}
     * @throws NullPointerException if an argument is null
     */
    public static LogGenerator create(LogGeneratorSpec spec, String path) {
        return create(SpecRegistry.defaults(), spec, LogGeneratorContext.of(path));
    }

    /**
     * Builds one entry's log generator through the default registry, choosing the template
     * generator's index width.
     *
     * @param spec the {@code log_generator:} block
     * @param path where the block sits, such as {@code scenarios[0].log_generator}
     * @param indexing the template generator's index width; ignored by other types
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(SpecRegistry, LogGeneratorSpec,
     *     LogGeneratorContext)}
     * @throws SondaException as {@link #create(SpecRegistry, LogGeneratorSpec, LogGeneratorContext)}
     * @throws NullPointerException if an argument is null
     */
    public static LogGenerator create(LogGeneratorSpec spec, String path, TemplateLogGenerator.Indexing indexing) {
        return create(SpecRegistry.defaults(), spec, new LogGeneratorContext(path, indexing, null));
    }

    /**
     * Builds one entry's log generator through {@code registry}.
     *
     * @param registry the providers
     * @param spec the {@code log_generator:} block, built in or {@link LogGeneratorSpec.Generic}
     * @param context the block's path, the template index width and the data directory
     * @return the generator
     * @throws InvalidScenarioException with every problem found: at {@code path.type} for a type no
     *     provider serves ({@code unknown log generator type 'x'; known: csv_replay, replay, template}), the
     *     spec's problems, and the provider's (csv_replay's file problems of {@link
     *     CsvReplayLogGenerator#load})
     * @throws SondaException if the type's provider is not a {@link LogGeneratorProvider} or returns
     *     null
     * @throws NullPointerException if an argument is null
     */
    public static LogGenerator create(SpecRegistry registry, LogGeneratorSpec spec, LogGeneratorContext context) {
        Objects.requireNonNull(context, "context");
        LogGeneratorSpec resolved = resolve(registry, spec, context.path());
        LogGeneratorProvider provider = provider(registry, resolved.type());
        LogGenerator generator = provider.create(resolved, context);
        if (generator == null) {
            throw new SondaException(
                    "log generator provider " + provider.getClass().getName() + " returned null for " + context.path());
        }
        return generator;
    }

    /**
     * Resolves and validates {@code spec} through {@code registry}.
     *
     * @param registry the providers
     * @param spec the {@code log_generator:} block, built in or {@link LogGeneratorSpec.Generic}
     * @param path where the block sits
     * @return the provider's record
     * @throws InvalidScenarioException with every problem found
     * @throws NullPointerException if an argument is null
     */
    public static LogGeneratorSpec resolve(SpecRegistry registry, LogGeneratorSpec spec, String path) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(path, "path");
        Problems problems = new Problems();
        LogGeneratorSpec resolved = (LogGeneratorSpec) registry.resolve(SpecKind.LOG_GENERATOR, spec, path, problems);
        problems.throwIfAny();
        return resolved;
    }

    /**
     * The provider that builds {@code type}.
     *
     * @param registry the providers
     * @param type a log generator {@code type:} name
     * @return the provider
     * @throws SondaException if no provider serves the type, or its provider cannot build log
     *     generators
     */
    public static LogGeneratorProvider provider(SpecRegistry registry, String type) {
        return registry.find(SpecKind.LOG_GENERATOR, type, LogGeneratorProvider.class)
                .orElseThrow(() -> new SondaException(registry.find(SpecKind.LOG_GENERATOR, type)
                        .map(p -> "the log generator provider " + p.getClass().getName() + " of type '" + type
                                + "' does not implement " + LogGeneratorProvider.class.getName())
                        .orElseGet(() -> registry.unknownType(SpecKind.LOG_GENERATOR, type))));
    }
}
