package dev.sonda.engine.log;

import dev.sonda.api.generator.LogGeneratorSpec;

/**
 * The plug-in SPI for log generators: turns a {@link LogGeneratorSpec.Generic} of one {@link
 * #type()} into a {@link LogGenerator}.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/dev.sonda.engine.log.LogGeneratorProvider} file listing the provider class,
 * which must be public with a public no-argument constructor) or registered with {@link
 * LogGenerators#register(LogGeneratorProvider)}. One type has one provider; the built-in types
 * {@code template} and {@code csv_replay} cannot be claimed.
 *
 * <p>Threading: {@link #create(LogGeneratorSpec)} is called on the thread that compiles the
 * scenario, once per entry, before the run; it must not block (reading a small local file is
 * acceptable). The generator it returns must be immutable and thread-safe, a pure function of the
 * tick. A provider itself must be stateless or thread-safe.
 */
public interface LogGeneratorProvider {

    /**
     * The YAML {@code type:} value this provider handles.
     *
     * @return the type name, non-empty, constant
     */
    String type();

    /**
     * Builds the generator of one entry.
     *
     * @param spec the spec, a {@link LogGeneratorSpec.Generic} whose type is {@link #type()} and
     *     whose properties are the block's other keys
     * @return the generator, never null
     * @throws dev.sonda.api.InvalidScenarioException if the properties are invalid; problem paths
     *     are relative to the block (such as {@code "pattern"}, or empty for the block itself) and
     *     are prefixed with the block's path by {@link LogGenerators}
     */
    LogGenerator create(LogGeneratorSpec spec);
}
