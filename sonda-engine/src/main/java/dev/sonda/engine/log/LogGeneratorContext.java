package dev.sonda.engine.log;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link LogGeneratorProvider} may know of the scenario entry whose generator it builds.
 *
 * @param path where the {@code log_generator:} block sits, such as {@code
 *     scenarios[0].log_generator}; problems are reported at it or below it
 * @param indexing the template generator's index width: {@link
 *     TemplateLogGenerator.Indexing#NATIVE} reproduces the reference's release binaries, {@link
 *     TemplateLogGenerator.Indexing#WASM32} its docs playground and conformance suite
 * @param baseDir the directory a relative data file (csv_replay's {@code file}) resolves against,
 *     or null for the working directory
 * @param defaultSeed the run's default seed ({@code CompileOptions.withDefaultSeed}), applied to
 *     every seed the scenario does not state (read as unsigned), or null for none: an unstated seed
 *     is then 0, as in the reference
 */
public record LogGeneratorContext(String path, TemplateLogGenerator.Indexing indexing, Path baseDir, Long defaultSeed) {

    /**
     * Creates the context.
     *
     * @param path where the block sits
     * @param indexing the template index width
     * @param baseDir the data file directory, or null
     * @param defaultSeed the run's default seed, or null
     * @throws NullPointerException if {@code path} or {@code indexing} is null
     */
    public LogGeneratorContext {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(indexing, "indexing");
    }

    /**
     * Creates a context without a default seed.
     *
     * @param path where the block sits
     * @param indexing the template index width
     * @param baseDir the data file directory, or null
     * @throws NullPointerException if {@code path} or {@code indexing} is null
     */
    public LogGeneratorContext(String path, TemplateLogGenerator.Indexing indexing, Path baseDir) {
        this(path, indexing, baseDir, null);
    }

    /**
     * The seed a generator runs with: the one the scenario states, else the run's default seed,
     * else 0.
     *
     * @param stated the spec's own seed, or null when the scenario does not state one
     * @return the seed's bits (read as unsigned)
     */
    public long seed(Long stated) {
        return stated != null ? stated : defaultSeed != null ? defaultSeed : 0L;
    }

    /**
     * A context at {@code path} with native indexing and files relative to the working directory.
     *
     * @param path where the block sits
     * @return the context
     */
    public static LogGeneratorContext of(String path) {
        return new LogGeneratorContext(path, TemplateLogGenerator.Indexing.NATIVE, null);
    }

    /**
     * The path of one key of the block, such as {@code scenarios[0].log_generator.file}.
     *
     * @param key the key
     * @return the path
     */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
