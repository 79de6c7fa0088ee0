package dev.sonda.engine;

import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How a run executes: its clock, where diagnostics go, which providers it knows, how sinks are
 * opened, an optional sample listener, and the size of the worker pool. Immutable; the {@code
 * with} methods return copies.
 *
 * @param clock the clock; default {@link Clock#system()}
 * @param diagnostics receives warning lines (rate-limited sink errors, retries); default standard
 *     error
 * @param sinkFactory opens an entry's sink instead of its provider, or null (the default) to open
 *     each entry's sink with the provider its spec resolved to
 * @param listener observes every delivered sample, or null
 * @param workers worker threads for a system-clock run, at least 1; default {@code min(4,
 *     available processors)}
 * @param registry the generator, encoder and sink providers plans are compiled with; default
 *     {@link SpecRegistry#defaults()}
 * @param observer sees every delivered sample and log record, typed, or null
 * @param gateRegistry connects {@code while:} gates across runs (cross-body {@code
 *     while.scenario_name}), or null (the default): a run then gates only on its own entries
 */
public record RunOptions(
        Clock clock,
        Consumer<String> diagnostics,
        BiFunction<CompiledEntry, SinkContext, Sink> sinkFactory,
        SampleListener listener,
        int workers,
        SpecRegistry registry,
        RunObserver observer,
        GateRegistry gateRegistry) {

    /**
     * Creates options.
     *
     * @param clock the clock
     * @param diagnostics receives warning lines
     * @param sinkFactory opens an entry's sink, or null for the providers
     * @param listener observes delivered samples, or null
     * @param workers worker threads, at least 1
     * @param registry the providers
     * @param observer sees delivered data, or null
     * @param gateRegistry the cross-run gate registry, or null
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if {@code workers} is below 1
     */
    public RunOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(registry, "registry");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /**
     * The defaults: system clock, diagnostics to standard error, sinks from their providers in
     * {@link SpecRegistry#defaults()}, no listener.
     *
     * @return default options
     */
    public static RunOptions defaults() {
        return new RunOptions(
                Clock.system(),
                System.err::println,
                null,
                null,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                SpecRegistry.defaults(),
                null,
                null);
    }

    /**
     * These options with another clock.
     *
     * @param clock the clock, such as {@code Clock.simulated(Instant.parse("2026-01-01T00:00:00Z"))}
     * @return the new options
     */
    public RunOptions withClock(Clock clock) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with another diagnostics receiver.
     *
     * @param diagnostics receives warning lines
     * @return the new options
     */
    public RunOptions withDiagnostics(Consumer<String> diagnostics) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with another sink factory (for example in-memory capture in tests), used for
     * every entry instead of its provider.
     *
     * @param sinkFactory opens an entry's sink, or null for the providers
     * @return the new options
     */
    public RunOptions withSinkFactory(BiFunction<CompiledEntry, SinkContext, Sink> sinkFactory) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with a sample listener.
     *
     * @param listener observes delivered samples, or null
     * @return the new options
     */
    public RunOptions withListener(SampleListener listener) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with another worker count.
     *
     * @param workers at least 1
     * @return the new options
     */
    public RunOptions withWorkers(int workers) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with other providers, such as {@code
     * SpecRegistry.defaults().toBuilder().add(new MySinkProvider()).build()}.
     *
     * @param registry the providers
     * @return the new options
     */
    public RunOptions withRegistry(SpecRegistry registry) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with an observer of every delivered sample and log record.
     *
     * @param observer the observer, or null
     * @return the new options
     */
    public RunOptions withObserver(RunObserver observer) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }

    /**
     * These options with a registry that connects {@code while:} gates across runs: every run
     * given the same registry registers the gate buses of its named plan there and subscribes its
     * cross-body {@code while:} entries (see {@link GateRegistry}).
     *
     * @param gateRegistry the registry, or null for none
     * @return the new options
     */
    public RunOptions withGateRegistry(GateRegistry gateRegistry) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers, registry, observer, gateRegistry);
    }
}
