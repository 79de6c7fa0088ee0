package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link ValueGenerator}s from specs: the reference's {@code create_generator} plus {@code
 * wrap_with_jitter} (Sonda 1.20 {@code generator/mod.rs}, {@code schedule/runner.rs}).
 *
 * <p>The order is the reference's: desugar the operational aliases ({@link Desugaring}), build the
 * core generator with the {@link GeneratorProvider} registered for its type in {@link
 * GeneratorRegistry#global()}, then wrap it with a {@link JitterGenerator} when the effective
 * jitter is set and not 0.0. Called once per scenario entry, before the run; thread-safe.
 */
public final class Generators {
    private Generators() {}

    /**
     * Builds the generator a spec describes on its own, with no entry-level jitter and no entry
     * duration; equivalent to {@code create(spec, rate, null, null, null, "generator")}. An alias
     * that implies noise (steady, degradation) gets its {@code noise} as jitter.
     *
     * @param spec the generator spec, core, alias or plug-in ({@link GeneratorSpec.Generic})
     * @param rate the entry's rate in events per second, finite and above 0
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(GeneratorSpec, double, Double, Long,
     *     Duration, String)}, with problem paths under {@code generator}
     */
    public static ValueGenerator create(GeneratorSpec spec, double rate) {
        return create(spec, rate, null, null, null, "generator");
    }

    /**
     * Builds one scenario entry's generator: desugars, builds the core generator and wraps it with
     * jitter when the effective jitter (after {@link Desugaring#desugar}) is non-null and not 0.0,
     * with the effective seed or 0.
     *
     * @param spec the entry's generator spec, core, alias or plug-in ({@link GeneratorSpec.Generic})
     * @param rate the entry's rate in events per second, finite and above 0
     * @param jitter the entry's {@code jitter}, or null when unset
     * @param jitterSeed the entry's {@code jitter_seed}, or null when unset
     * @param entryDuration the entry's {@code duration}, or null when unbounded (read by {@code
     *     leak})
     * @param path where the generator block sits, such as {@code scenarios[0].generator}
     * @return the generator
     * @throws InvalidScenarioException with the reference's messages: the alias errors of {@link
     *     Desugaring#desugar}; at {@code path.values} "sequence generator requires at least one
     *     value"; at {@code path.interval_secs} "spike generator requires interval_secs &gt; 0" and at
     *     {@code path.duration_secs} "spike generator requires duration_secs &gt;= 0"; at the sibling
     *     {@code jitter} key ({@code scenarios[0].jitter}) "jitter must not be NaN", "jitter must be
     *     finite" or "jitter must be non-negative" for the effective jitter; at {@code path.type} for
     *     a type without provider; at {@code path} for {@code csv_replay}, which this version does
     *     not run yet; and any problem a plug-in provider reports, prefixed with {@code path}
     * @throws SondaException if a provider breaks its contract (returns null)
     */
    public static ValueGenerator create(
            GeneratorSpec spec, double rate, Double jitter, Long jitterSeed, Duration entryDuration, String path) {
        Desugaring.Desugared desugared = Desugaring.desugar(spec, rate, jitter, jitterSeed, entryDuration, path);
        ValueGenerator core = createCore(desugared.core(), rate, path);
        Double j = desugared.jitter();
        if (j == null || j == 0.0) {
            return core;
        }
        String message = Double.isNaN(j)
                ? "jitter must not be NaN"
                : Double.isInfinite(j) ? "jitter must be finite" : j < 0 ? "jitter must be non-negative" : null;
        if (message != null) {
            throw new InvalidScenarioException(List.of(new Problem(sibling(path, "jitter"), message)));
        }
        Long seed = desugared.jitterSeed();
        return new JitterGenerator(core, j, seed == null ? 0L : seed);
    }

    /**
     * Builds a core or plug-in generator (no alias, no jitter).
     *
     * @param core the spec, not an alias
     * @param rate events per second
     * @param path where the generator block sits
     * @return the generator
     */
    private static ValueGenerator createCore(GeneratorSpec core, double rate, String path) {
        Problems problems = new Problems();
        core.validate(path, problems);
        problems.throwIfAny();
        GeneratorProvider provider = GeneratorRegistry.global().find(core.type());
        if (provider == null) {
            if (core instanceof GeneratorSpec.CsvReplay) {
                problems.add(
                        path,
                        "csv_replay generators are not supported yet in this version of Sonda for the JVM;"
                                + " use another generator type");
            } else {
                problems.add(
                        path + ".type",
                        "unknown generator type '" + core.type() + "'; known types: "
                                + String.join(", ", GeneratorRegistry.global().types()));
            }
            problems.throwIfAny();
        }
        ValueGenerator generator;
        try {
            generator = provider.create(core, rate);
        } catch (InvalidScenarioException e) {
            List<Problem> prefixed = new ArrayList<>(e.problems().size());
            for (Problem p : e.problems()) {
                prefixed.add(new Problem(p.path().isEmpty() ? path : path + "." + p.path(), p.message()));
            }
            throw new InvalidScenarioException(prefixed);
        }
        if (generator == null) {
            throw new SondaException(
                    "generator provider " + provider.getClass().getName() + " returned null for " + path);
        }
        return generator;
    }

    /** Replaces the last segment of {@code path}: {@code scenarios[0].generator → scenarios[0].jitter}. */
    private static String sibling(String path, String key) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? key : path.substring(0, dot + 1) + key;
    }

    /** The error a built-in provider throws for a spec of another type. */
    static IllegalArgumentException wrongSpec(GeneratorProvider provider, GeneratorSpec spec) {
        return new IllegalArgumentException("generator provider for '" + provider.type() + "' cannot build a '"
                + (spec == null ? "null" : spec.type()) + "' spec ("
                + (spec == null ? "null" : spec.getClass().getName()) + ")");
    }
}
