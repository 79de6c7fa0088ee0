package dev.sonda.engine.sink;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a sink gets besides its spec when it is created.
 *
 * @param entryName the entry's name, for messages
 * @param labels the entry's static labels (Loki stream labels, OTLP resource attributes)
 * @param nanoTime monotonic time in nanoseconds of the run's clock, for {@code max_buffer_age};
 *     simulated on a simulated clock
 * @param diagnostics receives the reference's unconditional stderr lines (retry notices, discarded
 *     batches), one line per call without a trailing newline
 */
public record SinkContext(
        String entryName, Map<String, String> labels, LongSupplier nanoTime, Consumer<String> diagnostics) {
    /**
     * Creates the context, copying {@code labels}.
     *
     * @param entryName the entry's name, for messages
     * @param labels the entry's static labels
     * @param nanoTime monotonic time in nanoseconds of the run's clock
     * @param diagnostics receives diagnostic lines
     * @throws NullPointerException if an argument is null
     */
    public SinkContext {
        Objects.requireNonNull(entryName, "entryName");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * A context for tests and one-off use: no labels, {@link System#nanoTime()}, diagnostics to
     * standard error.
     *
     * @param entryName the entry's name
     * @return the context
     */
    public static SinkContext simple(String entryName) {
        return new SinkContext(entryName, Map.of(), System::nanoTime, System.err::println);
    }
}
