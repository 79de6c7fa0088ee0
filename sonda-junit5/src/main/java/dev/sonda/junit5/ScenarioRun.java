package dev.sonda.junit5;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunFailedException;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.Sink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One started scenario: the engine's {@link Run}, the {@link Recorder} observing it, and the
 * {@link Captured} and {@link SondaRun} views handed to tests. Not API.
 */
final class ScenarioRun implements AutoCloseable {
    private final Run run;
    private final boolean simulated;
    private final Captured captured;
    private final SondaRun control;
    private final AtomicBoolean finished = new AtomicBoolean();

    private ScenarioRun(Run run, Recorder recorder, long startNanos, boolean simulated) {
        this.run = run;
        this.simulated = simulated;
        this.captured = new Captured(recorder, startNanos, run::isDone);
        this.control = new SondaRun(this);
    }

    /**
     * Compiles a plan and, for the simulated clock, checks that it ends by itself.
     *
     * @param plan the plan
     * @param simulated whether it will run on the simulated clock
     * @param seed the default seed of every seed the plan leaves unset, or null for none
     * @return the compiled plan
     * @throws InvalidScenarioException if the plan does not compile
     * @throws IllegalArgumentException on the simulated clock, if an entry has no duration
     */
    static CompiledPlan compile(ScenarioPlan plan, boolean simulated, Long seed) {
        CompileOptions options = CompileOptions.defaults();
        CompiledPlan compiled = Sonda.compile(plan, seed == null ? options : options.withDefaultSeed(seed));
        if (simulated) {
            for (CompiledEntry e : compiled.entries()) {
                if (e.duration() == null) {
                    throw new IllegalArgumentException("entry '" + e.source().sourceName(e.index())
                            + "' has no duration: on the simulated clock a scenario must end by itself; give"
                            + " every entry a duration (or set defaults.duration), or run it on the system clock");
                }
            }
        }
        return compiled;
    }

    /**
     * Starts a compiled plan with capture.
     *
     * @param plan the compiled plan
     * @param simulated simulated clock from {@code start}, else the system clock
     * @param start the simulated clock's start; ignored on the system clock
     * @param keepSinks keep the entries' own sinks; else every sink discards (capture only)
     * @return the started run
     */
    static ScenarioRun start(CompiledPlan plan, boolean simulated, Instant start, boolean keepSinks) {
        return start(plan, simulated, start, keepSinks, List.of());
    }

    /**
     * Starts a compiled plan with capture, with diagnostic lines already known (the loader's
     * warnings).
     *
     * @param plan the compiled plan
     * @param simulated simulated clock from {@code start}, else the system clock
     * @param start the simulated clock's start; ignored on the system clock
     * @param keepSinks keep the entries' own sinks; else every sink discards (capture only)
     * @param diagnostics lines for {@link Captured#diagnostics()} before the run's own
     * @return the started run
     */
    static ScenarioRun start(
            CompiledPlan plan, boolean simulated, Instant start, boolean keepSinks, List<String> diagnostics) {
        AnchoredClock clock = new AnchoredClock(simulated ? Clock.simulated(start) : Clock.system());
        Recorder recorder = new Recorder(clock::anchor);
        diagnostics.forEach(recorder::diagnostic);
        RunOptions options = RunOptions.defaults()
                .withClock(clock)
                .withObserver(recorder)
                .withDiagnostics(line -> {
                    recorder.diagnostic(line);
                    System.err.println(line);
                });
        if (!keepSinks) {
            options = options.withSinkFactory((entry, context) -> new DiscardSink());
        }
        Run run = Sonda.start(plan, options);
        return new ScenarioRun(run, recorder, clock.anchor(), simulated);
    }

    Captured captured() {
        return captured;
    }

    SondaRun control() {
        return control;
    }

    Run run() {
        return run;
    }

    boolean simulated() {
        return simulated;
    }

    /**
     * Ends the run and rethrows its failures: a simulated run is waited for to the end, a
     * system-clock run is stopped. Only the first call does anything.
     *
     * @throws RunFailedException if an entry failed
     * @throws IllegalStateException if interrupted while waiting for a simulated run (the run is
     *     stopped and the interrupt flag restored)
     */
    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (simulated) {
            try {
                run.join();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.stop();
                throw new IllegalStateException("interrupted while the simulated scenario ran; it was stopped", e);
            }
        }
        run.close();
    }

    /** Stops the run without reporting failures, if {@link #finish()} was not called. */
    @Override
    public void close() {
        if (finished.compareAndSet(false, true)) {
            run.stop();
        }
    }

    /** A clock that remembers the first epoch time the run reads, the anchor of its timestamps. */
    private static final class AnchoredClock implements Clock {
        private final Clock delegate;
        private volatile long anchor;
        private volatile boolean anchored;

        AnchoredClock(Clock delegate) {
            this.delegate = delegate;
        }

        long anchor() {
            return anchored ? anchor : delegate.epochNanos();
        }

        @Override
        public long nanoTime() {
            return delegate.nanoTime();
        }

        @Override
        public long epochNanos() {
            long t = delegate.epochNanos();
            if (!anchored) {
                synchronized (this) {
                    if (!anchored) {
                        anchor = t;
                        anchored = true;
                    }
                }
            }
            return t;
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            delegate.sleepUntil(deadline);
        }

        @Override
        public boolean isSimulated() {
            return delegate.isSimulated();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** The sink of a captured entry: accepts and drops every record (the listener keeps them). */
    private static final class DiscardSink implements Sink {
        @Override
        public void sample(Object series, long epochNanos, double value) {}

        @Override
        public void log(dev.sonda.engine.data.LogRecord record) {}

        @Override
        public void span(dev.sonda.engine.data.SpanRecord span) {}

        @Override
        public void event(dev.sonda.engine.data.EventRecord event) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
