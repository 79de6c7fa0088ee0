package dev.sonda.engine;

import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.log.TemplateLogGenerator;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a plan is compiled: the providers it is compiled with, how {@code pack:} references
 * resolve, overrides applied to every entry, how template logs index their pools, and the
 * directory relative file paths ({@code csv_replay}) resolve against. Immutable; the {@code with}
 * methods return copies.
 *
 * @param registry the generator, encoder and sink providers; default {@link
 *     SpecRegistry#defaults()}
 * @param packs resolves {@code pack:} references; default {@link PackResolver#NONE}
 * @param overrides settings over every entry's own; default {@link EntryOverrides#NONE}
 * @param templateIndexing how template log generators index their pools: {@link
 *     TemplateLogGenerator.Indexing#NATIVE} (the reference's 64-bit builds, the default) or {@link
 *     TemplateLogGenerator.Indexing#WASM32} (its 32-bit build, which made the golden vectors; the
 *     CLI selects it when {@code SONDA_USIZE_BITS=32})
 * @param baseDirectory the directory relative file paths resolve against; default the working
 *     directory
 * @param defaultSeed the seed of every seeded part of an entry that states no seed of its own
 *     ({@code uniform} and {@code template} {@code seed}, histogram and summary {@code seed}, the
 *     {@code random} cardinality spike {@code seed}, the jitter of {@code jitter}, {@code steady} and
 *     {@code degradation} when neither {@code jitter_seed} nor {@code noise_seed} is set), 64 bits
 *     read as unsigned; null (the default) leaves them 0, as the reference does
 */
public record CompileOptions(
        SpecRegistry registry,
        PackResolver packs,
        EntryOverrides overrides,
        TemplateLogGenerator.Indexing templateIndexing,
        Path baseDirectory,
        Long defaultSeed) {

    /**
     * Creates options.
     *
     * @param registry the providers
     * @param packs resolves pack references
     * @param overrides settings over every entry's own
     * @param templateIndexing how template logs index their pools
     * @param baseDirectory the directory relative paths resolve against
     * @param defaultSeed the seed of every seeded part that states none, or null
     * @throws NullPointerException if a component other than {@code defaultSeed} is null
     */
    public CompileOptions {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(packs, "packs");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(templateIndexing, "templateIndexing");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /**
     * Creates options without a default seed.
     *
     * @param registry the providers
     * @param packs resolves pack references
     * @param overrides settings over every entry's own
     * @param templateIndexing how template logs index their pools
     * @param baseDirectory the directory relative paths resolve against
     * @throws NullPointerException if a component is null
     */
    public CompileOptions(
            SpecRegistry registry,
            PackResolver packs,
            EntryOverrides overrides,
            TemplateLogGenerator.Indexing templateIndexing,
            Path baseDirectory) {
        this(registry, packs, overrides, templateIndexing, baseDirectory, null);
    }

    /**
     * The defaults: {@link SpecRegistry#defaults()}, no packs, no overrides, native indexing, the
     * working directory, no default seed.
     *
     * @return default options
     */
    public static CompileOptions defaults() {
        return new CompileOptions(
                SpecRegistry.defaults(),
                PackResolver.NONE,
                EntryOverrides.NONE,
                TemplateLogGenerator.Indexing.NATIVE,
                Path.of(""),
                null);
    }

    /**
     * These options with other providers.
     *
     * @param registry the providers
     * @return the new options
     */
    public CompileOptions withRegistry(SpecRegistry registry) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, defaultSeed);
    }

    /**
     * These options with a pack resolver.
     *
     * @param packs resolves pack references
     * @return the new options
     */
    public CompileOptions withPacks(PackResolver packs) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, defaultSeed);
    }

    /**
     * These options with overrides.
     *
     * @param overrides settings over every entry's own
     * @return the new options
     */
    public CompileOptions withOverrides(EntryOverrides overrides) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, defaultSeed);
    }

    /**
     * These options with another template pool indexing.
     *
     * @param templateIndexing the indexing
     * @return the new options
     */
    public CompileOptions withTemplateIndexing(TemplateLogGenerator.Indexing templateIndexing) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, defaultSeed);
    }

    /**
     * These options with another base directory.
     *
     * @param baseDirectory the directory relative paths resolve against
     * @return the new options
     */
    public CompileOptions withBaseDirectory(Path baseDirectory) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, defaultSeed);
    }

    /**
     * These options with a default seed: every seeded part of an entry that states no seed of its
     * own runs with {@code seed} (see {@link #defaultSeed()}); a seed the scenario states always
     * wins. What {@code @SondaScenario(seed = 42)} and the {@code sonda.seed} test parameter set.
     *
     * @param seed 64-bit seed, read as unsigned
     * @return the new options
     */
    public CompileOptions withDefaultSeed(long seed) {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, seed);
    }

    /**
     * These options without a default seed: unstated seeds are 0, as in the reference.
     *
     * @return the new options
     */
    public CompileOptions withoutDefaultSeed() {
        return new CompileOptions(registry, packs, overrides, templateIndexing, baseDirectory, null);
    }
}
