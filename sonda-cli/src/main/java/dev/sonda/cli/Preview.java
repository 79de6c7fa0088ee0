package dev.sonda.cli;

import dev.sonda.api.AfterClause;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.WhileClause;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunFailedException;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.sink.Sink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A picture of a scenario before it runs: the plan is run on the simulated clock (nothing is
 * written to its sinks) and every series is drawn over time, one small chart per series, on one
 * shared time axis that starts with the run. Each chart marks its entry's edges: the start of an
 * entry that waits ({@code after:} or {@code phase_offset}, ▲), its end (■), its {@code gaps:}
 * windows, and the stretches a {@code while:} gate held it silent (both shaded). Log records,
 * spans and infrastructure events are drawn as their count per second of the run.
 *
 * <pre>{@code
 * ScenarioPlan plan = ScenarioLoader.load(Path.of("examples/link-failover.yaml"));
 * Files.writeString(Path.of("link-failover.svg"), Preview.svg(plan));
 * System.out.print(Preview.text(plan));
 * }</pre>
 *
 * <p>The window is the whole run: until the last entry ends, or a given horizon. Entries that run
 * until stopped are previewed for the horizon given, else until the last entry with a duration
 * ends, and at least one minute. Immutable once made; {@link #svg()} and {@link #text()} may be
 * called from any thread.
 */
public final class Preview {
    /** Where the simulated run starts; the pictures show time relative to it. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A run without a duration is previewed for at least this long. */
    static final Duration MIN_OPEN_HORIZON = Duration.ofMinutes(1);

    /** The most samples kept per series; later ones are dropped (the picture stops there). */
    static final int MAX_SAMPLES = 4_000_000;

    private final Duration horizon;
    private final List<Trace> traces;
    private final List<List<Mark>> marks;

    private Preview(Duration horizon, List<Trace> traces, List<List<Mark>> marks) {
        this.horizon = horizon;
        this.traces = traces;
        this.marks = marks;
    }

    /**
     * The SVG picture of a plan compiled with the default providers, over its whole run.
     *
     * @param plan the plan
     * @return a standalone SVG 1.1 document
     * @throws InvalidScenarioException if the plan does not compile
     * @throws RunFailedException if the simulated run fails
     */
    public static String svg(ScenarioPlan plan) {
        return of(plan).svg();
    }

    /**
     * The terminal picture of a plan compiled with the default providers, 80 columns wide.
     *
     * @param plan the plan
     * @return the charts, lines ending with {@code \n}
     * @throws InvalidScenarioException if the plan does not compile
     * @throws RunFailedException if the simulated run fails
     */
    public static String text(ScenarioPlan plan) {
        return of(plan).text();
    }

    /**
     * Runs a plan compiled with the default providers on the simulated clock and records every
     * series, over its whole run.
     *
     * @param plan the plan
     * @return the preview
     * @throws InvalidScenarioException if the plan does not compile
     * @throws RunFailedException if the simulated run fails
     */
    public static Preview of(ScenarioPlan plan) {
        return of(Sonda.compile(plan), null);
    }

    /**
     * Runs a compiled plan on the simulated clock, with every sink replaced by one that discards,
     * and records every series until {@code horizon}.
     *
     * @param plan the compiled plan
     * @param horizon how much of the run to show, from its start; null for the whole run
     * @return the preview
     * @throws RunFailedException if the simulated run fails
     * @throws IllegalArgumentException if {@code horizon} is not positive
     */
    public static Preview of(CompiledPlan plan, Duration horizon) {
        Objects.requireNonNull(plan, "plan");
        if (horizon != null && (horizon.isZero() || horizon.isNegative())) {
            throw new IllegalArgumentException("the preview horizon must be positive, got " + horizon);
        }
        Duration window = horizon != null ? horizon : wholeRun(plan);
        Recorder recorder = new Recorder(plan, START, window.toNanos());
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((entry, context) -> new Discard())
                .withDiagnostics(line -> {})
                .withObserver(recorder);
        Run run = Sonda.start(plan, options);
        recorder.run = run;
        try {
            run.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
        }
        List<Trace> traces = recorder.traces();
        List<List<Mark>> marks = new ArrayList<>();
        for (CompiledEntry e : plan.entries()) {
            marks.add(marks(e, recorder, window.toNanos()));
        }
        return new Preview(window, traces, marks);
    }

    /** Until the last entry ends; for entries that never end, at least {@link #MIN_OPEN_HORIZON}. */
    static Duration wholeRun(CompiledPlan plan) {
        Duration end = Duration.ZERO;
        boolean open = false;
        for (CompiledEntry e : plan.entries()) {
            if (e.duration() == null) {
                open = true;
            } else {
                Duration d = e.phaseOffset().plus(e.duration());
                end = d.compareTo(end) > 0 ? d : end;
            }
        }
        if (open && end.compareTo(MIN_OPEN_HORIZON) < 0) {
            return MIN_OPEN_HORIZON;
        }
        return end.isZero() ? MIN_OPEN_HORIZON : end;
    }

    /**
     * How much of the run the pictures show.
     *
     * @return the window, from the run's start
     */
    public Duration horizon() {
        return horizon;
    }

    /**
     * The picture as a standalone SVG 1.1 document: one panel per series, stacked, sharing the time
     * axis; each panel's y axis runs from the series' minimum (bottom edge) to its maximum (top
     * edge), both labelled.
     *
     * @return the SVG text
     */
    public String svg() {
        return SvgChart.render(this);
    }

    /**
     * The picture for a terminal, 80 columns wide: one braille chart per series.
     *
     * @return the charts, lines ending with {@code \n}
     */
    public String text() {
        return text(80);
    }

    /**
     * The picture for a terminal: one braille chart per series (Unicode U+2800 block), with its
     * minimum and maximum, the time axis and the entry's marks below it.
     *
     * @param columns the width in characters, at least 40
     * @return the charts, lines ending with {@code \n}
     * @throws IllegalArgumentException if {@code columns} is below 40
     */
    public String text(int columns) {
        if (columns < 40) {
            throw new IllegalArgumentException("a preview needs at least 40 columns, got " + columns);
        }
        return TextChart.render(this, columns);
    }

    List<Trace> traces() {
        return traces;
    }

    /** The marks of the entry at {@code index} (in compiled order). */
    List<Mark> marks(int index) {
        return marks.get(index);
    }

    long horizonNanos() {
        return horizon.toNanos();
    }

    /** A time relative to the run's start as the axis shows it: {@code 0s}, {@code 12.5s}, {@code 2m30s}, {@code 1h5m}. */
    static String time(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        if (nanos < 60_000_000_000L) {
            return FloatText.display(Math.round(nanos / 1e8) / 10.0) + "s";
        }
        long s = Math.round(nanos / 1e9);
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        if (h > 0) {
            return h + "h" + (m > 0 ? m + "m" : "");
        }
        return m + "m" + (sec > 0 ? sec + "s" : "");
    }

    /** A value as the axis labels show it: at most 6 significant digits. */
    static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return FloatText.display(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v)));
    }

    // ---- recording -------------------------------------------------------------------------------

    /** One series over time: samples in time order, relative to the run's start. */
    static final class Trace {
        final String title;
        final int entry;
        final boolean logs;
        /** The time between two samples at the entry's rate: samples further apart than 1.5 ticks are not joined. */
        final long tickNanos;

        long[] t = new long[64];
        double[] v = new double[64];
        int n;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean truncated;

        Trace(String title, int entry, boolean logs, long tickNanos) {
            this.title = title;
            this.entry = entry;
            this.logs = logs;
            this.tickNanos = Math.max(1, tickNanos);
        }

        /** Whether samples {@code i - 1} and {@code i} are joined by a line (no silence between them). */
        boolean joined(int i) {
            return i > 0 && t[i] - t[i - 1] <= tickNanos + tickNanos / 2;
        }

        void add(long time, double value) {
            if (n == MAX_SAMPLES) {
                truncated = true;
                return;
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            t[n] = time;
            v[n] = value;
            n++;
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
    }

    /** What a chart marks on its time axis, relative to the run's start, in nanoseconds. */
    record Mark(Kind kind, long from, long to, String label) {
        enum Kind {
            /** The entry starts late: {@code after:} or {@code phase_offset}. */
            START,
            /** The entry's duration ends. */
            END,
            /** A {@code gaps:} window. */
            GAP,
            /** A {@code while:} gate kept the entry silent. */
            CLOSED
        }
    }

    /**
     * Records samples per series, and each entry's log records, spans and infrastructure events per
     * second, until the horizon.
     */
    private static final class Recorder implements RunObserver {
        private final CompiledPlan plan;
        private final long startEpochNanos;
        private final long horizonNanos;
        private final Map<Series, Trace> bySeries = new IdentityHashMap<>();
        private final List<Trace> order = new ArrayList<>();
        /** Per entry and kind ("log events", "spans", "events"): records per whole second of the run. */
        private final Map<String, Counted> counted = new java.util.LinkedHashMap<>();

        private final long[] firstEpoch;
        private final long[][] emissions;
        private final int[] emitted;
        volatile Run run;

        Recorder(CompiledPlan plan, Instant start, long horizonNanos) {
            this.plan = plan;
            this.startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
            this.horizonNanos = horizonNanos;
            int n = plan.entries().size();
            this.firstEpoch = new long[n];
            Arrays.fill(firstEpoch, Long.MIN_VALUE);
            this.emissions = new long[n][];
            this.emitted = new int[n];
        }

        /** The sample's time relative to the run: entries with their own {@code start_time} are re-anchored. */
        private long relative(CompiledEntry e, long epochNanos) {
            int i = e.index();
            if (firstEpoch[i] == Long.MIN_VALUE) {
                firstEpoch[i] = epochNanos;
            }
            if (e.startTime() == null) {
                return epochNanos - startEpochNanos;
            }
            return epochNanos - firstEpoch[i] + e.phaseOffset().toNanos();
        }

        private boolean beyond(long rel) {
            if (rel >= horizonNanos) {
                Run r = run;
                if (r != null) {
                    r.stop();
                }
                return true;
            }
            return false;
        }

        @Override
        public synchronized void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {
            long rel = relative(entry, epochNanos);
            if (beyond(rel)) {
                return;
            }
            Trace trace = bySeries.get(series);
            if (trace == null) {
                trace = new Trace(series.name() + braces(series), entry.index(), false, (long) (1e9 / entry.rate()));
                bySeries.put(series, trace);
                order.add(trace);
            }
            trace.add(rel, value);
            emission(entry.index(), rel);
        }

        @Override
        public synchronized void onLog(CompiledEntry entry, LogRecord record) {
            count(entry, "log events", record.epochNanos());
        }

        @Override
        public synchronized void onSpan(CompiledEntry entry, SpanRecord span) {
            count(entry, "spans", span.startEpochNanos());
        }

        @Override
        public synchronized void onEvent(CompiledEntry entry, EventRecord event) {
            count(entry, "events", event.epochNanos());
        }

        /** One record of {@code what} at {@code epochNanos}, counted in its second of the run. */
        private void count(CompiledEntry entry, String what, long epochNanos) {
            long rel = relative(entry, epochNanos);
            if (beyond(rel) || rel < 0) {
                return;
            }
            Counted c = counted.computeIfAbsent(entry.index() + "/" + what, k -> {
                Trace t = new Trace(entry.name() + " (" + what + " per second)", entry.index(), true, 1_000_000_000L);
                order.add(t);
                return new Counted(t);
            });
            c.add(rel / 1_000_000_000L);
            emission(entry.index(), rel);
        }

        /** Remembers when an entry emitted (once per tick time), for the silent stretches of {@code while:}. */
        private void emission(int entry, long rel) {
            long[] a = emissions[entry];
            int n = emitted[entry];
            if (a == null) {
                a = new long[64];
                emissions[entry] = a;
            }
            if (n > 0 && a[n - 1] == rel) {
                return;
            }
            if (n == a.length) {
                if (n >= MAX_SAMPLES) {
                    return;
                }
                a = Arrays.copyOf(a, n * 2);
                emissions[entry] = a;
            }
            a[n] = rel;
            emitted[entry] = n + 1;
        }

        synchronized List<Trace> traces() {
            for (Counted c : counted.values()) {
                c.flush();
            }
            List<Trace> out = new ArrayList<>(order);
            out.sort(java.util.Comparator.comparingInt(t -> t.entry));
            return out;
        }

        long[] emissions(int entry) {
            long[] a = emissions[entry];
            return a == null ? new long[0] : Arrays.copyOf(a, emitted[entry]);
        }

        CompiledPlan plan() {
            return plan;
        }
    }

    /** Records per whole second of the run, drawn as a trace at each second that had any. */
    private static final class Counted {
        private final Trace trace;
        private int[] perSecond = new int[16];
        private boolean flushed;

        Counted(Trace trace) {
            this.trace = trace;
        }

        void add(long second) {
            if (second >= perSecond.length) {
                perSecond = Arrays.copyOf(perSecond, (int) Math.max(second + 1, perSecond.length * 2L));
            }
            perSecond[(int) second]++;
        }

        void flush() {
            if (flushed) {
                return;
            }
            flushed = true;
            for (int s = 0; s < perSecond.length; s++) {
                if (perSecond[s] > 0) {
                    trace.add(s * 1_000_000_000L, perSecond[s]);
                }
            }
        }
    }

    private static String braces(Series s) {
        if (s.labels().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < s.labels().size(); i++) {
            b.append(i > 0 ? "," : "")
                    .append(s.labels().key(i))
                    .append("=\"")
                    .append(s.labels().value(i))
                    .append('"');
        }
        return b.append('}').toString();
    }

    /** The marks of one entry: its late start, its end, its gap windows and its gated silences. */
    private static List<Mark> marks(CompiledEntry e, Recorder recorder, long horizon) {
        List<Mark> out = new ArrayList<>();
        long start = e.phaseOffset().toNanos();
        if (start > 0 && start <= horizon) {
            AfterClause a = e.source().after();
            String why = a != null
                    ? "after: " + a.ref() + " " + a.op().symbol() + " " + FloatText.display(a.value())
                    : "phase_offset";
            out.add(new Mark(Mark.Kind.START, start, start, why + " at " + time(start)));
        }
        long end = e.duration() == null ? Long.MAX_VALUE : start + e.duration().toNanos();
        if (end <= horizon) {
            out.add(new Mark(Mark.Kind.END, end, end, "end at " + time(end)));
        }
        if (e.gaps() != null) {
            long every = e.gaps().every().toNanos();
            long gap = e.gaps().forDuration().toNanos();
            for (long c = start; c < Math.min(end, horizon) && every > 0; c += every) {
                long from = c + every - gap;
                if (from < Math.min(end, horizon)) {
                    out.add(new Mark(Mark.Kind.GAP, from, Math.min(c + every, Math.min(end, horizon)), "gap"));
                }
            }
        }
        WhileClause w = e.whileClause();
        if (w != null) {
            long tick = (long) (1e9 / e.rate());
            long[] times = recorder.emissions(e.index());
            long last = Math.min(end, horizon);
            String label = "while: " + w.ref() + " " + w.op().symbol() + " " + FloatText.display(w.value()) + " closed";
            // silent from one tick after the last emission (or from the start) to the next emission
            long silentFrom = start;
            for (long t : times) {
                if (t - silentFrom > tick / 2) {
                    out.add(new Mark(Mark.Kind.CLOSED, silentFrom, t, label));
                }
                silentFrom = t + tick;
            }
            if (last - silentFrom > tick / 2) {
                out.add(new Mark(Mark.Kind.CLOSED, silentFrom, last, label));
            }
        }
        return out;
    }

    /** What a chart's legend says about its entry's marks, one line. */
    static String legend(List<Mark> marks) {
        List<String> parts = new ArrayList<>();
        for (Mark m : marks) {
            switch (m.kind()) {
                case START -> parts.add("▲ " + m.label());
                case END -> parts.add("■ " + m.label());
                default -> {}
            }
        }
        long gaps = marks.stream().filter(m -> m.kind() == Mark.Kind.GAP).count();
        if (gaps > 0) {
            parts.add("░ gaps (" + gaps + ")");
        }
        List<Mark> closed =
                marks.stream().filter(m -> m.kind() == Mark.Kind.CLOSED).toList();
        if (!closed.isEmpty()) {
            parts.add("▒ " + closed.get(0).label() + " ("
                    + closed.stream()
                            .map(m -> time(m.from()) + "–" + time(m.to()))
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        return String.join("   ", parts);
    }

    /** A sink that accepts everything and writes nothing: the preview only observes. */
    private static final class Discard implements Sink {
        @Override
        public void sample(Object series, long epochNanos, double value) {}

        @Override
        public void log(LogRecord record) {}

        @Override
        public void span(SpanRecord span) {}

        @Override
        public void event(EventRecord event) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
