package dev.sonda.junit5;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A cursor over the samples of a run in delivery order, for streaming assertions while a
 * system-clock run goes on; get one from {@link SondaRun#samples()}:
 *
 * <pre>{@code
 * SampleStream stream = run.samples();
 * Sample alert = stream.next(s -> s.name().equals("cpu_usage") && s.value() > 90, Duration.ofSeconds(10));
 * assertThat(alert.offset()).isLessThan(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The stream reads the run's capture, so it never slows the run down and never loses a sample:
 * a slow reader simply falls behind. Every sample is read once per cursor. Not thread-safe: one
 * cursor belongs to one reading thread.
 */
public final class SampleStream {
    private static final long SLICE_MILLIS = 50;

    private final SondaRun run;
    private int position;

    SampleStream(SondaRun run) {
        this.run = run;
    }

    /**
     * How many samples this cursor has moved past.
     *
     * @return the position, from 0
     */
    public int position() {
        return position;
    }

    /**
     * The next sample if it has already arrived, without waiting.
     *
     * @return the sample, or empty if none is waiting
     */
    public Optional<Sample> poll() {
        List<Sample> all = run.captured().samples();
        return position < all.size() ? Optional.of(all.get(position++)) : Optional.empty();
    }

    /**
     * The next sample, waiting for it.
     *
     * @param timeout the longest wait
     * @return the sample
     * @throws AssertionError if no sample arrives within {@code timeout}, or the run is over with
     *     every sample read, or the thread is interrupted; the message lists what was captured
     * @throws NullPointerException if {@code timeout} is null
     */
    public Sample next(Duration timeout) {
        return next(s -> true, timeout, "a sample");
    }

    /**
     * The next sample that satisfies {@code condition}, waiting for it; samples before it are
     * skipped.
     *
     * @param condition which sample to wait for
     * @param timeout the longest wait
     * @return the sample
     * @throws AssertionError if no matching sample arrives within {@code timeout}, or the run is
     *     over with every sample read, or the thread is interrupted; the message lists what was
     *     captured
     * @throws NullPointerException if an argument is null
     */
    public Sample next(Predicate<? super Sample> condition, Duration timeout) {
        return next(condition, timeout, "a sample matching the condition");
    }

    private Sample next(Predicate<? super Sample> condition, Duration timeout, String what) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        Captured captured = run.captured();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean done = run.isDone();
            int seen = captured.recorder().count();
            List<Sample> all = captured.samples();
            while (position < all.size()) {
                Sample s = all.get(position++);
                if (condition.test(s)) {
                    return s;
                }
            }
            long left = deadline - System.nanoTime();
            String why = done ? "the run is over" : left <= 0 ? "none arrived within " + Text.duration(timeout) : null;
            if (why == null) {
                try {
                    captured.recorder().awaitMore(seen, Math.max(1, Math.min(SLICE_MILLIS, left / 1_000_000L)));
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    why = "interrupted while waiting";
                }
            }
            throw new AssertionError("Expecting " + what + " from the run, but " + why + " (read " + position
                    + " samples); " + captured.describe());
        }
    }
}
