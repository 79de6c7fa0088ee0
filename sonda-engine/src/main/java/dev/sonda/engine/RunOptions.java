package dev.sonda.engine;

import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.Sinks;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How a run executes: its clock, where diagnostics go, how sinks are opened, an optional sample
 * listener, and the size of the worker pool. Immutable; the {@code with} methods return copies.
 *
 * @param clock the clock; default {@link Clock#system()}
 * @param diagnostics receives warning lines (rate-limited sink errors, retries); default standard
 *     error
 * @param sinkFactory opens an entry's sink; default {@link Sinks#create} on the entry's sink spec
 * @param listener observes every delivered sample, or null
 * @param workers worker threads for a system-clock run, at least 1; default {@code min(4,
 *     available processors)}
 */
public record RunOptions(
        Clock clock,
        Consumer<String> diagnostics,
        BiFunction<CompiledEntry, SinkContext, Sink> sinkFactory,
        SampleListener listener,
        int workers) {

    /**
     * Creates options.
     *
     * @param clock the clock
     * @param diagnostics receives warning lines
     * @param sinkFactory opens an entry's sink
     * @param listener observes delivered samples, or null
     * @param workers worker threads, at least 1
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if {@code workers} is below 1
     */
    public RunOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(sinkFactory, "sinkFactory");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /**
     * The defaults: system clock, diagnostics to standard error, sinks from the specs, no listener.
     *
     * @return default options
     */
    public static RunOptions defaults() {
        return new RunOptions(
                Clock.system(),
                System.err::println,
                (entry, ctx) -> Sinks.create(entry.sink(), ctx),
                null,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * These options with another clock.
     *
     * @param clock the clock, such as {@code Clock.simulated(Instant.parse("2026-01-01T00:00:00Z"))}
     * @return the new options
     */
    public RunOptions withClock(Clock clock) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers);
    }

    /**
     * These options with another diagnostics receiver.
     *
     * @param diagnostics receives warning lines
     * @return the new options
     */
    public RunOptions withDiagnostics(Consumer<String> diagnostics) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers);
    }

    /**
     * These options with another sink factory (for example in-memory capture in tests).
     *
     * @param sinkFactory opens an entry's sink
     * @return the new options
     */
    public RunOptions withSinkFactory(BiFunction<CompiledEntry, SinkContext, Sink> sinkFactory) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers);
    }

    /**
     * These options with a sample listener.
     *
     * @param listener observes delivered samples, or null
     * @return the new options
     */
    public RunOptions withListener(SampleListener listener) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers);
    }

    /**
     * These options with another worker count.
     *
     * @param workers at least 1
     * @return the new options
     */
    public RunOptions withWorkers(int workers) {
        return new RunOptions(clock, diagnostics, sinkFactory, listener, workers);
    }
}
