/**
 * The extension model: one {@link dev.sonda.api.spi.SpecProvider} per generator, log generator,
 * encoder and sink type owns its YAML {@code type:} name, its spec record, reading and writing its
 * block and validating it; {@link dev.sonda.api.spi.SpecRegistry} holds them.
 *
 * <p>This package is the spec half of a provider and needs nothing but {@code sonda-api}, so the
 * YAML reader ({@code sonda-yaml}) can use it without the engine. The engine's provider interfaces
 * ({@code GeneratorProvider}, {@code EncoderProvider}, {@code LogGeneratorProvider}, {@code
 * SinkProvider}) extend {@link dev.sonda.api.spi.SpecProvider} with construction. Built-in types
 * register exactly like plug-ins: one line per provider class in {@code
 * META-INF/services/dev.sonda.api.spi.SpecProvider}.
 */
package dev.sonda.api.spi;
