package dev.sonda.engine.generator;

import dev.sonda.api.generator.GeneratorSpec;

/**
 * The plug-in SPI for metric value generators: turns the spec of one generator {@link #type()}
 * into a {@link ValueGenerator}.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/dev.sonda.engine.generator.GeneratorProvider} file listing the provider class,
 * which must be public with a public no-argument constructor) or registered with {@link
 * GeneratorRegistry#register(GeneratorProvider)}. The built-in core generators (constant, sine,
 * sawtooth, uniform, sequence, step, spike) are registered exactly this way. One type has one
 * provider; the operational aliases ({@code steady}, {@code flap}, {@code saturation}, {@code leak},
 * {@code degradation}, {@code spike_event}) are reserved, because the engine lowers them to core
 * generators before looking a provider up.
 *
 * <p>Threading: {@link #create(GeneratorSpec, double)} is called on the thread that compiles the
 * scenario, once per scenario entry, before the run starts; it must not block (no network, no
 * waiting on locks; reading a small local file is acceptable). The generator it returns is then
 * called from the entry's runner thread and must be a pure function of the tick: immutable,
 * thread-safe, side-effect free and allocation-free in {@link ValueGenerator#value(long)}.
 * A provider itself must be stateless or thread-safe.
 */
public interface GeneratorProvider {

    /**
     * The YAML {@code type:} value this provider handles, such as {@code "sine"}.
     *
     * @return the type name, non-empty, constant for the provider's lifetime
     */
    String type();

    /**
     * Builds the generator for one scenario entry.
     *
     * @param spec the generator spec; its {@link GeneratorSpec#type()} equals {@link #type()}. For a
     *     plug-in type it is a {@link GeneratorSpec.Generic} carrying the block's raw properties; for
     *     a built-in type it is the matching record, such as {@link GeneratorSpec.Sine}
     * @param rate the entry's rate in events per second, finite and above 0
     * @return the generator, never null
     * @throws dev.sonda.api.InvalidScenarioException if the spec's properties are invalid; problem
     *     paths are relative to the generator block (such as {@code "values"}, or empty for the
     *     block itself) and are prefixed with the block's path by {@link Generators}
     * @throws IllegalArgumentException if {@code spec} is not of this provider's type
     */
    ValueGenerator create(GeneratorSpec spec, double rate);
}
