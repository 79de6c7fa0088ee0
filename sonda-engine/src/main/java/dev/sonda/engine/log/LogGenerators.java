package dev.sonda.engine.log;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.LogGeneratorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds {@link LogGenerator}s from specs: the reference's {@code create_log_generator} (Sonda
 * 1.20 {@code generator/mod.rs}), plus plug-in types.
 *
 * <p>{@link LogGeneratorSpec.Template} → {@link TemplateLogGenerator}, {@link
 * LogGeneratorSpec.CsvReplay} → {@link CsvReplayLogGenerator} (reads the file now), {@link
 * LogGeneratorSpec.Generic} → the {@link LogGeneratorProvider} of its type, found with {@link
 * ServiceLoader} through this library's class loader on first use, or registered with {@link
 * #register(LogGeneratorProvider)}. Called once per entry, before the run; thread-safe.
 */
public final class LogGenerators {
    private static final Set<String> BUILT_IN = Set.of("template", "csv_replay");

    private LogGenerators() {}

    /**
     * Builds one entry's log generator; a template generator indexes as the native 64-bit
     * reference.
     *
     * @param spec the {@code log_generator:} block
     * @param path where the block sits, such as {@code scenarios[0].log_generator}
     * @return the generator
     * @throws InvalidScenarioException the csv_replay loading problems of {@link
     *     CsvReplayLogGenerator#load}; at {@code path.type}: {@code unknown log generator type 'x';
     *     known types: csv_replay, template, ...}; a plug-in's problems, prefixed with {@code path}
     * @throws SondaException if a plug-in returns null, or plug-ins cannot be loaded
     * @throws NullPointerException if an argument is null
     */
    public static LogGenerator create(LogGeneratorSpec spec, String path) {
        return create(spec, path, TemplateLogGenerator.Indexing.NATIVE);
    }

    /**
     * Builds one entry's log generator, choosing the template generator's {@code usize} width:
     * {@link TemplateLogGenerator.Indexing#NATIVE} reproduces the release binaries, {@link
     * TemplateLogGenerator.Indexing#WASM32} the docs playground and the conformance suite.
     *
     * @param spec the {@code log_generator:} block
     * @param path where the block sits, such as {@code scenarios[0].log_generator}
     * @param indexing the template generator's index width; ignored by other types
     * @return the generator
     * @throws InvalidScenarioException as {@link #create(LogGeneratorSpec, String)}
     * @throws SondaException as {@link #create(LogGeneratorSpec, String)}
     * @throws NullPointerException if an argument is null
     */
    public static LogGenerator create(LogGeneratorSpec spec, String path, TemplateLogGenerator.Indexing indexing) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(indexing, "indexing");
        if (spec instanceof LogGeneratorSpec.Template t) {
            return new TemplateLogGenerator(t, indexing);
        }
        if (spec instanceof LogGeneratorSpec.CsvReplay c) {
            return CsvReplayLogGenerator.load(c, path);
        }
        LogGeneratorProvider provider = Registry.PROVIDERS.get(spec.type());
        if (provider == null) {
            throw new InvalidScenarioException(List.of(new Problem(
                    path + ".type",
                    "unknown log generator type '" + spec.type() + "'; known types: " + String.join(", ", types()))));
        }
        LogGenerator generator;
        try {
            generator = provider.create(spec);
        } catch (InvalidScenarioException e) {
            List<Problem> prefixed = new ArrayList<>(e.problems().size());
            for (Problem p : e.problems()) {
                prefixed.add(new Problem(p.path().isEmpty() ? path : path + "." + p.path(), p.message()));
            }
            throw new InvalidScenarioException(prefixed);
        }
        if (generator == null) {
            throw new SondaException(
                    "log generator provider " + provider.getClass().getName() + " returned null for " + path);
        }
        return generator;
    }

    /**
     * Adds a plug-in provider to the process-wide registry.
     *
     * @param provider the provider; its type must be new and not built in
     * @throws SondaException if the type is empty, built in ({@code template}, {@code csv_replay})
     *     or already provided (the message names both classes)
     * @throws NullPointerException if {@code provider} or its type is null
     */
    public static void register(LogGeneratorProvider provider) {
        add(Registry.PROVIDERS, provider);
    }

    /**
     * Every known type: the built-ins and the registered plug-ins.
     *
     * @return a sorted snapshot, such as {@code [csv_replay, template]}
     */
    public static SortedSet<String> types() {
        SortedSet<String> all = new TreeSet<>(BUILT_IN);
        all.addAll(Registry.PROVIDERS.keySet());
        return all;
    }

    private static void add(ConcurrentMap<String, LogGeneratorProvider> into, LogGeneratorProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String type = Objects.requireNonNull(
                provider.type(), () -> provider.getClass().getName() + ".type()");
        if (type.isEmpty()) {
            throw new SondaException(
                    "log generator provider " + provider.getClass().getName() + " declares an empty type");
        }
        if (BUILT_IN.contains(type)) {
            throw new SondaException("log generator provider "
                    + provider.getClass().getName() + " declares type '" + type + "', which is built in");
        }
        LogGeneratorProvider existing = into.putIfAbsent(type, provider);
        if (existing != null) {
            throw new SondaException("log generator type '" + type + "' is provided by both "
                    + existing.getClass().getName() + " and "
                    + provider.getClass().getName()
                    + "; remove one of them from the class path");
        }
    }

    /** The plug-in providers, loaded on first use. */
    private static final class Registry {
        static final ConcurrentMap<String, LogGeneratorProvider> PROVIDERS = load();

        private static ConcurrentMap<String, LogGeneratorProvider> load() {
            ConcurrentMap<String, LogGeneratorProvider> map = new ConcurrentHashMap<>();
            try {
                for (LogGeneratorProvider p :
                        ServiceLoader.load(LogGeneratorProvider.class, LogGenerators.class.getClassLoader())) {
                    add(map, p);
                }
            } catch (ServiceConfigurationError e) {
                throw new SondaException("cannot load a log generator provider: " + e.getMessage(), e);
            }
            return map;
        }
    }
}
