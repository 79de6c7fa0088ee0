package dev.sonda.junit5;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.RunFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Everything a scenario run emitted: the samples of every series, the log records of every log
 * entry, and the encoded records exactly as each entry's encoder wrote them. A test receives it as
 * a parameter under {@link SondaScenario}:
 *
 * <pre>
 * &#64;Test
 * &#64;SondaScenario("scenarios/cpu-spike.yaml")
 * void cpuSpikeCrossesNinety(Captured captured) {
 *     Series cpu = captured.series("cpu_usage");
 *     assertThat(cpu).firstCrossing("&gt;", 90).isAtOffset(Duration.ofMinutes(3));
 *     assertThat(captured.lines()).first().asString().startsWith("cpu_usage{");
 * }
 * </pre>
 *
 * <p>On the simulated clock the run is over before the test starts, so a capture is complete and
 * never changes. On the system clock it is live: every call reads what has arrived so far, and
 * each {@link Series} or list it returns is an immutable snapshot of that moment; {@link
 * #isComplete()} tells whether more may come.
 *
 * <p>Capture happens after the sink accepted a record, so with {@code keepSinks = true} a record
 * the real sink rejected is not captured. Samples are kept per series in primitive arrays, and the
 * encoded records (samples and log records alike) back to back in one byte array; strings and
 * {@link Sample} objects are made only when asked for. Everything stays in memory until the
 * capture is dropped: about 28 bytes per sample plus its encoded record (some 50 bytes for a
 * Prometheus line), so an hour at one event per second is under 300 KB, while a day at a thousand
 * per second would need gigabytes; a log record costs its line and its fields. Thread-safe.
 */
public final class Captured {
    private final Recorder recorder;
    private final long startNanos;
    private final BooleanSupplier complete;
    private volatile View cache;

    Captured(Recorder recorder, long startNanos, BooleanSupplier complete) {
        this.recorder = recorder;
        this.startNanos = startNanos;
        this.complete = complete;
    }

    /**
     * Runs {@code plan} on the simulated clock from {@value SondaScenario#DEFAULT_START} (the first
     * tick of an entry without {@code phase_offset}, {@code after:} or {@code start_time} is stamped
     * exactly then), with every sink replaced by capture, and returns what it emitted: the same as a
     * method annotated {@code @SondaScenario(plan = ...)} gets, for code outside a JUnit extension
     * (property tests, benchmarks, a {@code main}).
     *
     * @param plan the plan; every entry must have a duration
     * @return the complete capture
     * @throws InvalidScenarioException if the plan does not compile
     * @throws IllegalArgumentException if an entry has no duration (it would never end)
     * @throws RunFailedException if an entry failed while running
     */
    public static Captured simulate(ScenarioPlan plan) {
        return simulate(plan, Instant.parse(SondaScenario.DEFAULT_START));
    }

    /**
     * Runs {@code plan} on the simulated clock from {@code start}, with every sink replaced by
     * capture, and returns what it emitted.
     *
     * @param plan the plan; every entry must have a duration
     * @param start the instant the run starts at; sample timestamps count from it
     * @return the complete capture
     * @throws InvalidScenarioException if the plan does not compile
     * @throws IllegalArgumentException if an entry has no duration (it would never end)
     * @throws RunFailedException if an entry failed while running
     * @throws NullPointerException if an argument is null
     */
    public static Captured simulate(ScenarioPlan plan, Instant start) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(start, "start");
        ScenarioRun run = ScenarioRun.start(ScenarioRun.compile(plan, true, null), true, start, false);
        run.finish();
        return run.captured();
    }

    /**
     * Runs {@code plan} on the simulated clock from {@code start} with a default seed, with every
     * sink replaced by capture, and returns what it emitted: every seeded part of an entry that
     * states no seed of its own ({@code uniform}, {@code template}, histogram and summary, {@code
     * random} cardinality spikes, jitter) runs with {@code seed}, as under {@code
     * @SondaScenario(seed = ...)}.
     *
     * @param plan the plan; every entry must have a duration
     * @param start the instant the run starts at; sample timestamps count from it
     * @param seed the default seed, 64 bits read as unsigned
     * @return the complete capture
     * @throws InvalidScenarioException if the plan does not compile
     * @throws IllegalArgumentException if an entry has no duration (it would never end)
     * @throws RunFailedException if an entry failed while running
     * @throws NullPointerException if an argument is null
     */
    public static Captured simulate(ScenarioPlan plan, Instant start, long seed) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(start, "start");
        ScenarioRun run = ScenarioRun.start(ScenarioRun.compile(plan, true, seed), true, start, false);
        run.finish();
        return run.captured();
    }

    /**
     * The instant the run started at: the configured start on the simulated clock, the wall-clock
     * time of the start on the system clock. Offsets count from it.
     *
     * @return the start
     */
    public Instant start() {
        return Text.instant(startNanos);
    }

    /**
     * Whether the run is over, so that nothing more will be captured. Always true on the simulated
     * clock.
     *
     * @return true when the capture is final
     */
    public boolean isComplete() {
        return complete.getAsBoolean();
    }

    private View view() {
        View v = cache;
        int n = recorder.count();
        if (v != null && v.snapshot.count() == n) {
            return v;
        }
        Recorder.Snapshot s = recorder.snapshot();
        List<Series> series = new ArrayList<>(s.series().size());
        for (Recorder.SeriesView sv : s.series()) {
            series.add(new Series(this, sv, startNanos));
        }
        v = new View(s, List.copyOf(series), new Logs(this, s.logs(), ""));
        cache = v;
        return v;
    }

    /**
     * Every series captured so far, in the order each first appeared.
     *
     * @return an immutable list, empty if nothing was captured
     */
    public List<Series> series() {
        return view().series;
    }

    /**
     * Every series with this name whose labels include the given pairs.
     *
     * @param name the metric name
     * @param labels label keys and values, alternating: {@code "host", "a", "zone", "eu1"}; a
     *     series may have more labels than these
     * @return the matching series, in the order each first appeared; possibly empty
     * @throws IllegalArgumentException if {@code labels} has an odd length
     * @throws NullPointerException if {@code name} or a label is null
     */
    public List<Series> allSeries(String name, String... labels) {
        Objects.requireNonNull(name, "name");
        checkPairs(labels);
        List<Series> out = new ArrayList<>();
        for (Series s : series()) {
            if (matches(s, name, labels)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The one series with this name whose labels include the given pairs.
     *
     * @param name the metric name
     * @param labels label keys and values, alternating: {@code "host", "a"}; a series may have more
     *     labels than these
     * @return the series
     * @throws NoSuchElementException if no series matches; the message lists what was
     *     captured
     * @throws IllegalArgumentException if several series match (the message lists them, so that
     *     labels can narrow the choice), or if {@code labels} has an odd length
     * @throws NullPointerException if {@code name} or a label is null
     */
    public Series series(String name, String... labels) {
        List<Series> found = allSeries(name, labels);
        if (found.size() == 1) {
            return found.get(0);
        }
        String wanted = wanted(name, labels);
        if (found.isEmpty()) {
            throw new NoSuchElementException("no series " + wanted + " was captured; " + describe());
        }
        throw new IllegalArgumentException(found.size() + " series match " + wanted
                + "; add labels to pick one:\n"
                + found.stream().map(s -> "  - " + s.summary()).collect(Collectors.joining("\n")));
    }

    static String wanted(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return Text.series(name, m);
    }

    static void checkPairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "labels must be key, value pairs, got " + labels.length + " strings: " + Arrays.toString(labels));
        }
        for (String l : labels) {
            Objects.requireNonNull(l, "label");
        }
    }

    static boolean matches(Series s, String name, String... labels) {
        if (!s.name().equals(name)) {
            return false;
        }
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.label(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of samples captured so far, over all series (a histogram tick counts one per
     * bucket, sum and count line); log records are not samples.
     *
     * @return the count
     */
    public int sampleCount() {
        return recorder.sampleCount();
    }

    /**
     * Every sample captured so far, in delivery order across all series; the objects are made as
     * the list is read.
     *
     * @return an immutable list
     */
    public List<Sample> samples() {
        View v = view();
        Recorder.Snapshot s = v.snapshot;
        return new Indexed<>(s.samples(), k -> v.series.get(s.sampleSeries()[k]).sample(s.samplePos()[k]));
    }

    /**
     * Every encoded record captured so far, exactly as the entry's encoder wrote it (for the
     * Prometheus text encoder, one line with its trailing {@code \n}), in delivery order: one per
     * sample and one per log record, metrics and logs interleaved as they were delivered.
     *
     * @return an immutable list of UTF-8 decoded records
     */
    public List<String> records() {
        Recorder.Snapshot s = view().snapshot;
        int[] ends = s.recordEnd();
        byte[] bytes = s.bytes();
        return new Indexed<>(s.records(), k -> {
            int from = k == 0 ? 0 : ends[k - 1];
            return new String(bytes, from, ends[k] - from, StandardCharsets.UTF_8);
        });
    }

    /**
     * Every encoded byte captured so far, samples and log records, decoded as UTF-8: the output a
     * real sink would have received (one sink for all entries).
     *
     * @return the text
     */
    public String text() {
        Recorder.Snapshot s = view().snapshot;
        return new String(s.bytes(), 0, s.byteCount(), StandardCharsets.UTF_8);
    }

    /**
     * {@link #text()} split into lines at {@code \n}, without the terminators (a final line
     * without one is kept).
     *
     * @return an immutable list of lines
     */
    public List<String> lines() {
        String text = text();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            out.add(text.substring(start, i));
            start = i + 1;
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return List.copyOf(out);
    }

    /**
     * Every encoded byte captured so far.
     *
     * @return a new array
     */
    public byte[] bytes() {
        Recorder.Snapshot s = view().snapshot;
        return Arrays.copyOf(s.bytes(), s.byteCount());
    }

    /**
     * The log records of {@code signal_type: logs} entries captured so far, in delivery order:
     * entry, timestamp, offset, severity, message, labels, fields and the encoded line. Metric
     * methods ({@link #series()}, {@link #samples()}) ignore log entries; {@link #records()},
     * {@link #lines()} and {@link #text()} hold both.
     *
     * @return an immutable list, with filters and rates; assert with {@link
     *     SondaAssertions#assertThat(Logs)}
     */
    public Logs logs() {
        return view().logs;
    }

    /**
     * The spans of {@code signal_type: traces} entries captured so far, in delivery order (start
     * order within an entry), with the queries an incident test asks ({@link Spans}).
     *
     * @return the spans
     */
    public Spans spans() {
        return new Spans(recorder.traces.spans());
    }

    /**
     * The infrastructure events of {@code signal_type: events} entries captured so far, in delivery
     * order (time order within an entry).
     *
     * @return an immutable list
     */
    public List<Event> events() {
        return recorder.traces.events();
    }

    /**
     * The run's diagnostic lines so far (sink retries and errors, rate-limited warnings); they are
     * also printed to standard error.
     *
     * @return an immutable list, usually empty
     */
    public List<String> diagnostics() {
        return recorder.diagnostics();
    }

    /**
     * A listing of what was captured, for failure messages: the series, sample and log record
     * counts, the start, one {@link Series#summary()} line per series (at most 25, then a count
     * of the rest) and one {@link Logs#summary()} line per log entry.
     *
     * @return the listing, several lines
     */
    public String describe() {
        View v = view();
        int n = v.series.size();
        int samples = v.snapshot.samples();
        int logs = v.logs.size();
        StringBuilder sb = new StringBuilder("captured ")
                .append(n)
                .append(" series, ")
                .append(samples)
                .append(samples == 1 ? " sample" : " samples")
                .append(" and ")
                .append(logs)
                .append(logs == 1 ? " log record" : " log records")
                .append(" from a run started at ")
                .append(start())
                .append(isComplete() ? "" : " (still running)");
        List<String> logLines = v.logs.summary();
        sb.append(n == 0 && logLines.isEmpty() ? "" : ":");
        int shown = Math.min(n, 25);
        for (int i = 0; i < shown; i++) {
            sb.append("\n  - ").append(v.series.get(i).summary());
        }
        if (shown < n) {
            sb.append("\n  ... and ").append(n - shown).append(" more");
        }
        for (String line : logLines) {
            sb.append("\n  - ").append(line);
        }
        return sb.toString();
    }

    /**
     * The same as {@link #describe()}.
     *
     * @return the listing
     */
    @Override
    public String toString() {
        return describe();
    }

    /** The offset of an instant from this capture's start. */
    Duration offsetOf(Instant t) {
        return Duration.ofNanos(Text.epochNanos(t) - startNanos);
    }

    Recorder recorder() {
        return recorder;
    }

    private record View(Recorder.Snapshot snapshot, List<Series> series, Logs logs) {}

    /** A read-only list whose elements are computed from their index. */
    private static final class Indexed<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final IntFunction<T> element;

        Indexed(int size, IntFunction<T> element) {
            this.size = size;
            this.element = element;
        }

        @Override
        public T get(int index) {
            return element.apply(Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
