package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link GeneratorProvider} may know of the scenario entry whose generator it builds.
 *
 * <p>Jitter follows the reference's {@code wrap_with_jitter} and {@code apply_jitter_if_unset}
 * (Sonda 1.20 {@code schedule/runner.rs}, {@code config/aliases.rs}): a provider builds its core
 * generator and returns {@link #withJitter(ValueGenerator)}, or, for an alias with built-in noise
 * (steady, degradation), {@link #withJitter(ValueGenerator, double, Long)}.
 *
 * @param rate the entry's rate in events per second (finite and above 0 in a valid plan)
 * @param duration the entry's {@code duration}, or null when it runs until stopped
 * @param jitter the entry's {@code jitter}, or null when unset (0.0 is set, and disables noise)
 * @param jitterSeed the entry's {@code jitter_seed} (read as unsigned), or null when unset
 * @param path where the generator block sits, such as {@code scenarios[0].generator}; problems are
 *     reported at it or below it
 * @param defaultSeed the run's default seed ({@code CompileOptions.withDefaultSeed}), applied to
 *     every seed the scenario does not state (read as unsigned), or null for none: an unstated seed
 *     is then 0, as in the reference
 */
public record GeneratorContext(
        double rate, Duration duration, Double jitter, Long jitterSeed, String path, Long defaultSeed) {

    /**
     * Creates the context.
     *
     * @param rate events per second
     * @param duration the entry's duration, or null
     * @param jitter the entry's jitter, or null
     * @param jitterSeed the entry's jitter seed, or null
     * @param path where the generator block sits
     * @param defaultSeed the run's default seed, or null
     * @throws NullPointerException if {@code path} is null
     */
    public GeneratorContext {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Creates a context without a default seed.
     *
     * @param rate events per second
     * @param duration the entry's duration, or null
     * @param jitter the entry's jitter, or null
     * @param jitterSeed the entry's jitter seed, or null
     * @param path where the generator block sits
     * @throws NullPointerException if {@code path} is null
     */
    public GeneratorContext(double rate, Duration duration, Double jitter, Long jitterSeed, String path) {
        this(rate, duration, jitter, jitterSeed, path, null);
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
     * A context with only a rate: no duration, no jitter, path {@code generator}.
     *
     * @param rate events per second
     * @return the context
     */
    public static GeneratorContext of(double rate) {
        return new GeneratorContext(rate, null, null, null, "generator", null);
    }

    /**
     * The path of one key of the generator block, such as {@code scenarios[0].generator.values}.
     *
     * @param key the key
     * @return the path
     */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Wraps {@code core} with the entry's jitter: unchanged when the jitter is unset or 0.0, else a
     * {@link JitterGenerator} with the entry's seed, else the run's default seed, else 0.
     *
     * @param core the generator before noise
     * @return the generator to run
     * @throws InvalidScenarioException at the {@code jitter} key beside the block ({@code
     *     scenarios[0].jitter}): {@code jitter must not be NaN}, {@code jitter must be finite} or
     *     {@code jitter must be non-negative}
     */
    public ValueGenerator withJitter(ValueGenerator core) {
        return wrap(core, jitter, jitterSeed);
    }

    /**
     * Wraps {@code core} with the entry's jitter, or, when the entry sets none, with an alias's
     * built-in noise ({@code apply_jitter_if_unset}): the entry's {@code jitter} wins even when it is
     * 0.0; independently, the entry's {@code jitter_seed} wins over {@code defaultSeed}.
     *
     * @param core the generator before noise
     * @param defaultJitter the alias's {@code noise}, used when the entry's jitter is unset
     * @param defaultSeed the alias's {@code noise_seed}, used when the entry's seed is unset; null
     *     for none (then the run's default seed, else 0)
     * @return the generator to run
     * @throws InvalidScenarioException as {@link #withJitter(ValueGenerator)}, for the effective
     *     jitter
     */
    public ValueGenerator withJitter(ValueGenerator core, double defaultJitter, Long defaultSeed) {
        return wrap(
                core,
                jitter != null ? jitter : Double.valueOf(defaultJitter),
                jitterSeed != null ? jitterSeed : defaultSeed);
    }

    private ValueGenerator wrap(ValueGenerator core, Double j, Long seed) {
        Objects.requireNonNull(core, "core");
        if (j == null || j == 0.0) {
            return core;
        }
        String message = Double.isNaN(j)
                ? "jitter must not be NaN"
                : Double.isInfinite(j) ? "jitter must be finite" : j < 0 ? "jitter must be non-negative" : null;
        if (message != null) {
            throw new InvalidScenarioException(List.of(new Problem(sibling("jitter"), message)));
        }
        return new JitterGenerator(core, j, seed(seed));
    }

    /** Replaces the last segment of the path: {@code scenarios[0].generator → scenarios[0].jitter}. */
    private String sibling(String key) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? key : path.substring(0, dot + 1) + key;
    }
}
