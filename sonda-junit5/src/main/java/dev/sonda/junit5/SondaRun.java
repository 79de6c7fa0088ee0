package dev.sonda.junit5;

import dev.sonda.engine.RunFailure;
import dev.sonda.engine.RunStats;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Control of the scenario run of a test: stop it, wait for it, read its counters, and follow its
 * samples live. A test receives it as a parameter under {@link SondaScenario}; it matters most on
 * the system clock, where the scenario runs in the background while the test works:
 *
 * <pre>
 * &#64;Test
 * &#64;SondaScenario(value = "scenarios/heartbeat.yaml", clock = SondaScenario.Clock.SYSTEM)
 * void exporterSeesTheHeartbeat(SondaRun run) {
 *     run.awaitAsserted(Duration.ofSeconds(5), c -&gt; assertThat(c).series("heartbeat").hasSampleCountAtLeast(3));
 *     run.stop();
 *     assertThat(run.await(Duration.ofSeconds(5))).isTrue();
 * }
 * </pre>
 *
 * <p>On the simulated clock the run is already over when the test starts: {@link #isDone()} is
 * true and {@link #stop()} does nothing. After the test the extension stops a run that is still
 * going, waits until every sink is flushed and closed, and rethrows any failure of the background
 * work. Thread-safe.
 */
public final class SondaRun {
    private static final long SLICE_MILLIS = 50;

    private final ScenarioRun run;

    SondaRun(ScenarioRun run) {
        this.run = run;
    }

    /**
     * The capture of this run, live while it goes on.
     *
     * @return the capture
     */
    public Captured captured() {
        return run.captured();
    }

    /**
     * Whether the run uses the simulated clock.
     *
     * @return true on the simulated clock
     */
    public boolean isSimulated() {
        return run.simulated();
    }

    /**
     * Whether the run is over: every entry reached its duration, or the run was stopped and its
     * sinks flushed.
     *
     * @return true when the run is over
     */
    public boolean isDone() {
        return run.run().isDone();
    }

    /**
     * Asks the run to stop. Entries stop at their next event, then every sink is flushed and
     * closed. Returns at once; use {@link #await(Duration)} to wait.
     */
    public void stop() {
        run.run().stop();
    }

    /**
     * Waits for the run to be over.
     *
     * @param timeout the longest wait
     * @return true if the run is over; false on time-out, or if the thread was interrupted (its
     *     interrupt flag is then set again)
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return run.run().await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The run's counters now: events, bytes and sink errors per entry, and the elapsed clock time.
     *
     * @return a snapshot
     */
    public RunStats stats() {
        return run.run().stats();
    }

    /**
     * The failures of the background work so far (a sink that could not be opened, a sink error
     * under {@code on_sink_error: fail}). The extension rethrows them after the test.
     *
     * @return an immutable list, empty while all is well
     */
    public List<RunFailure> failures() {
        return run.run().failures();
    }

    /**
     * A cursor over the samples of this run in delivery order, starting at the first sample ever
     * captured: each call returns a new, independent cursor.
     *
     * @return the cursor
     */
    public SampleStream samples() {
        return new SampleStream(this);
    }

    /**
     * Retries an assertion on the live capture until it passes, Awaitility style: the assertion
     * runs at once, then again whenever new samples or log records arrive (at least every 50 ms),
     * until it returns normally.
     *
     * <p>An attempt fails by throwing an {@link AssertionError} (as the assertions of {@link
     * SondaAssertions} do) or a {@link NoSuchElementException} (as {@link Captured#series(String,
     * String...)} does for a series not seen yet); any other exception ends the wait at once.
     *
     * @param timeout the longest wait
     * @param assertion the assertion, called with the live capture
     * @return the capture, once the assertion passed
     * @throws AssertionError if the assertion still fails when {@code timeout} is over or when the
     *     run is over (nothing more will arrive), or if the thread is interrupted; its message
     *     says which and gives the last failure, which is also its cause
     * @throws NullPointerException if an argument is null
     */
    public Captured awaitAsserted(Duration timeout, Consumer<? super Captured> assertion) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(assertion, "assertion");
        Captured captured = captured();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean doneBefore = isDone();
            int seen = captured.recorder().count();
            Throwable last;
            try {
                assertion.accept(captured);
                return captured;
            } catch (AssertionError | NoSuchElementException e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            String why = doneBefore
                    ? "the run is over and the assertion still fails"
                    : left <= 0 ? "the assertion still fails after " + Text.duration(timeout) : null;
            if (why == null) {
                try {
                    captured.recorder().awaitMore(seen, Math.max(1, Math.min(SLICE_MILLIS, left / 1_000_000L)));
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    why = "interrupted while waiting for the assertion to pass";
                }
            }
            AssertionError error = new AssertionError(
                    why + " (" + captured.sampleCount() + " samples captured): " + last.getMessage());
            error.initCause(last);
            throw error;
        }
    }
}
