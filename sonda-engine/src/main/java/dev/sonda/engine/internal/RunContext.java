package dev.sonda.engine.internal;

import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.SampleListener;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import java.util.function.Consumer;

/** Not API. What every entry of a run shares with the run. */
public interface RunContext {

    /**
     * The run's clock.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * On a simulated clock, moves time forward to {@code nanos} (monotonic clock time) as the
     * driver reaches each event, so sinks that read the clock (batch ages, flush stamps) see the
     * event's time; on the system clock nothing.
     *
     * @param nanos the time of the event about to be emitted
     */
    void advanceTo(long nanos);

    /**
     * Epoch nanoseconds the run's time 0 stands for.
     *
     * @return the anchor
     */
    long anchorEpochNanos();

    /**
     * Where warning lines go.
     *
     * @return the receiver
     */
    Consumer<String> diagnostics();

    /**
     * The sample listener, or null.
     *
     * @return the listener
     */
    SampleListener listener();

    /**
     * The typed observer, or null.
     *
     * @return the observer
     */
    dev.sonda.engine.RunObserver observer();

    /**
     * Whether a stop was requested.
     *
     * @return true after {@code stop()}
     */
    boolean stopRequested();

    /**
     * Whether the running entry should return to the scheduler now (a simulated run reorders its
     * queue after a gate flip). Always false on the system clock.
     *
     * @return true to yield
     */
    boolean shouldYield();

    /**
     * Opens an entry's sink.
     *
     * @param entry the entry
     * @param context the sink context
     * @return the sink
     */
    Sink openSink(CompiledEntry entry, SinkContext context);

    /**
     * Opens a second sink of an entry (a traces entry's log lines or RED metrics); a run whose
     * sinks are replaced ({@code RunOptions.withSinkFactory}) replaces this one too.
     *
     * @param entry the entry
     * @param companion the sink's spec and provider
     * @param context the sink context, with the encoders of what goes there
     * @return the sink
     */
    Sink openSink(CompiledEntry entry, CompiledEntry.Companion companion, SinkContext context);

    /**
     * Records an entry's failure.
     *
     * @param entry the entry
     * @param failure what went wrong
     */
    void fail(CompiledEntry entry, Throwable failure);

    /**
     * An entry ended (its duration, a stop or a failure), after its sink was closed. Called once
     * per entry, on the thread that ended it.
     *
     * @param entry the entry
     */
    void ended(CompiledEntry entry);
}
