package dev.sonda.bench;

import dev.sonda.api.MetricStage;
import dev.sonda.api.PlanStage;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.EncodingSink;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures Sonda on the system clock, where events are paced in real time (a plain program, not
 * JMH). Prints Markdown tables.
 *
 * <ol>
 *   <li><b>Rate accuracy</b>: one entry (sine, {@code prometheus_text}, three labels) at each
 *       target rate (default 1,000, 100,000 and 1,000,000 events/s) for {@code --seconds} each
 *       (default 10), into a sink that records, per event, its <em>lateness</em>: {@link
 *       System#nanoTime()} when the sink receives event {@code i}, minus its scheduled time {@code
 *       start + round(i·10⁹/rate)} ns, where {@code start} is the run's start on the monotonic
 *       clock (read by wrapping {@link Clock#system()} and keeping the first reading the run takes,
 *       which is its start). Reported: achieved rate {@code n / (last write − start + 1/rate)} and
 *       its error against the target, lateness p50 / p99 / max, and process CPU.
 *   <li><b>Many entries</b>: {@code --entries} entries (default 10,000) at 1 event/s each for
 *       {@code --entries-seconds} (default 30): achieved total rate (same definition), lateness
 *       over all events and over the events after each entry's first (leaving out the first wave,
 *       which also opens every sink and builds every generator and series), process CPU time over wall time (of one core and of the machine), and heap used after a full
 *       GC, before the run and in the middle of it (taken half a second after a due instant, between
 *       two waves of events).
 *   <li><b>Soak</b> (off unless {@code --soak MINUTES} is given): one entry at {@code --soak-rate}
 *       (default 100,000) events/s for that many minutes, sampling heap used after a full GC every
 *       30 s and saying whether it grew; at the end, the run's records, delivered and dropped.
 * </ol>
 *
 * <p>Before measuring, a simulated-clock run of 2,000,000 events warms up the JIT (skip it with
 * {@code --no-warmup}). Other options: {@code --rates 1000,100000}, {@code --no-rates}, {@code
 * --no-entries}.
 */
public final class RealtimeBench {
    private static final double NANOS = 1e9;
    private static final long MIB = 1024 * 1024;

    private RealtimeBench() {}

    /**
     * Runs the measurements selected by {@code args} and prints their tables.
     *
     * @param args options, see the class comment; {@code --help} lists them
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o == null) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "RealtimeBench: %d cores, Java %s (%s), max heap %d MiB%n%n",
                cores,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / MIB);
        if (o.warmup) {
            warmUp();
        }
        if (o.rates.length > 0) {
            List<String> rows = new ArrayList<>();
            for (double rate : o.rates) {
                System.out.printf(Locale.ROOT, "running %s events/s for %d s ...%n", count(rate), o.seconds);
                rows.add(rateRow(rate, o.seconds, cores));
            }
            System.out.println();
            System.out.println("### Rate accuracy (one entry, system clock)");
            System.out.println();
            System.out.println("| target rate | duration | events | achieved rate | error | lateness p50 | p99 | max |"
                    + " CPU (% of one core) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.println();
        }
        if (o.entries > 0) {
            System.out.printf(
                    Locale.ROOT, "running %d entries at 1 event/s for %d s ...%n", o.entries, o.entriesSeconds);
            String row = entriesRow(o.entries, o.entriesSeconds, cores);
            System.out.println();
            System.out.println("### Many entries (system clock)");
            System.out.println();
            System.out.println(
                    "| entries | duration | events | achieved total rate | error | lateness p50 | p99 | max |"
                            + " after the first wave: p99 | max | CPU (% of one core) | CPU (% of machine) |"
                            + " heap after GC: before → mid-run |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.println(row);
            System.out.println();
        }
        if (o.soakMinutes > 0) {
            soak(o.soakRate, o.soakMinutes);
        }
    }

    /** Command-line options. */
    private static final class Options {
        double[] rates = {1_000, 100_000, 1_000_000};
        int seconds = 10;
        int entries = 10_000;
        int entriesSeconds = 30;
        int soakMinutes;
        double soakRate = 100_000;
        boolean warmup = true;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--rates" -> o.rates = parseRates(args[++i]);
                    case "--no-rates" -> o.rates = new double[0];
                    case "--seconds" -> o.seconds = Integer.parseInt(args[++i]);
                    case "--entries" -> o.entries = Integer.parseInt(args[++i]);
                    case "--no-entries" -> o.entries = 0;
                    case "--entries-seconds" -> o.entriesSeconds = Integer.parseInt(args[++i]);
                    case "--soak" -> o.soakMinutes = Integer.parseInt(args[++i]);
                    case "--soak-rate" -> o.soakRate = Double.parseDouble(args[++i]);
                    case "--no-warmup" -> o.warmup = false;
                    case "-h", "--help" -> {
                        System.out.println("usage: RealtimeBench [--rates R1,R2,...] [--no-rates] [--seconds S]"
                                + " [--entries N] [--no-entries] [--entries-seconds S]"
                                + " [--soak MINUTES] [--soak-rate R] [--no-warmup]");
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
                }
            }
            return o;
        }

        private static double[] parseRates(String s) {
            if (s.isBlank()) {
                return new double[0];
            }
            String[] parts = s.split(",");
            double[] r = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                r[i] = Double.parseDouble(parts[i].trim().replace("_", ""));
            }
            return r;
        }
    }

    private static MetricStage entry(String name, double rate, Duration duration) {
        return Scenario.metrics(name)
                .rate(rate)
                .duration(duration)
                .sine(40, 60, 50)
                .label("host", "web-0042")
                .label("region", "eu-west-1")
                .label("env", "production")
                .encoder(EncoderSpec.prometheusText());
    }

    /** A simulated-clock run that compiles the hot path before anything is measured. */
    private static void warmUp() throws InterruptedException {
        System.out.println("warming up (simulated clock, 2,000,000 events) ...");
        CountingSink sink = new CountingSink();
        ScenarioPlan plan = entry("cpu_usage", 1000, Duration.ofSeconds(2000)).buildPlan();
        try (Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(Instant.parse("2026-01-01T00:00:00Z")))
                        .withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx)))) {
            run.join();
        }
    }

    private static String rateRow(double rate, int seconds, int cores) throws InterruptedException {
        CompiledPlan plan = Sonda.compile(
                entry("cpu_usage", rate, Duration.ofSeconds(seconds)).buildPlan());
        StartCapturingClock clock = new StartCapturingClock();
        LatencySink sink = new LatencySink(clock, rate, null);
        Cpu cpu = Cpu.start();
        try (Run run = Sonda.start(
                plan, RunOptions.defaults().withClock(clock).withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx)))) {
            run.join();
        }
        double cpuSeconds = cpu.seconds();
        double wall = (System.nanoTime() - cpu.wallStart) / NANOS;
        LatencyHistogram h = sink.histogram;
        double achieved = achievedRate(h.count(), sink.lastWrite - clock.start(), rate);
        return String.format(
                Locale.ROOT,
                "| %s/s | %d s | %s | %s/s | %+.3f%% | %s | %s | %s | %.0f%% |",
                count(rate),
                seconds,
                count(h.count()),
                count(achieved),
                (achieved / rate - 1) * 100,
                time(h.percentile(50)),
                time(h.percentile(99)),
                time(h.max()),
                cpuSeconds / wall * 100);
    }

    /** Events over the time they cover: {@code n / (span + 1/rate)}, exact when nothing is late. */
    private static double achievedRate(long events, long spanNanos, double ratePerSource) {
        return events / (spanNanos / NANOS + 1 / ratePerSource);
    }

    private static String entriesRow(int entries, int seconds, int cores) throws InterruptedException {
        PlanStage stage = Scenario.plan();
        for (int i = 0; i < entries; i++) {
            stage = stage.add(entry("cpu_usage", 1, Duration.ofSeconds(seconds)).label("instance", "i-" + i));
        }
        CompiledPlan plan = Sonda.compile(stage.build());
        long heapBefore = heapAfterGc();
        StartCapturingClock clock = new StartCapturingClock();
        LatencyHistogram shared = new LatencyHistogram();
        LatencyHistogram later = new LatencyHistogram();
        List<LatencySink> sinks = new ArrayList<>(entries);
        RunOptions options = RunOptions.defaults().withClock(clock).withSinkFactory((e, ctx) -> {
            LatencySink s = new LatencySink(clock, 1, shared, later);
            synchronized (sinks) {
                sinks.add(s);
            }
            return EncodingSink.of(s, ctx);
        });
        long heapMid;
        double cpuSeconds;
        double wall;
        Cpu cpu;
        try (Run run = Sonda.start(plan, options)) {
            cpu = Cpu.start();
            long start = clock.start();
            // Between two waves: half a second after a due instant, in the middle of the run.
            long mid = start + (seconds / 2) * 1_000_000_000L + 500_000_000L;
            sleepUntil(mid);
            heapMid = heapAfterGc();
            run.join();
            cpuSeconds = cpu.seconds();
            wall = (System.nanoTime() - cpu.wallStart) / NANOS;
        }
        long events = 0;
        long lastWrite = clock.start();
        synchronized (sinks) {
            for (LatencySink s : sinks) {
                synchronized (shared) {
                    events += s.events;
                    lastWrite = Math.max(lastWrite, s.lastWrite);
                }
            }
        }
        double target = entries * 1.0;
        double achieved = achievedRate(events, lastWrite - clock.start(), 1);
        double cpuCore = cpuSeconds / wall * 100;
        return String.format(
                Locale.ROOT,
                "| %s | %d s | %s | %s/s | %+.3f%% | %s | %s | %s | %s | %s | %.1f%% | %.1f%% | %d → %d MiB |",
                count(entries),
                seconds,
                count(events),
                count(achieved),
                (achieved / target - 1) * 100,
                time(shared.percentile(50)),
                time(shared.percentile(99)),
                time(shared.max()),
                time(later.percentile(99)),
                time(later.max()),
                cpuCore,
                cpuCore / cores,
                heapBefore / MIB,
                heapMid / MIB);
    }

    private static void soak(double rate, int minutes) throws InterruptedException {
        System.out.printf(Locale.ROOT, "soak: %s events/s for %d min ...%n", count(rate), minutes);
        CompiledPlan plan = Sonda.compile(
                entry("cpu_usage", rate, Duration.ofMinutes(minutes)).buildPlan());
        StartCapturingClock clock = new StartCapturingClock();
        LatencySink sink = new LatencySink(clock, rate, null);
        List<long[]> samples = new ArrayList<>();
        long[] delivery;
        try (Run run = Sonda.start(
                plan, RunOptions.defaults().withClock(clock).withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx)))) {
            long start = clock.start();
            for (int k = 1; k * 30L < minutes * 60L; k++) {
                sleepUntil(start + k * 30_000_000_000L);
                long heap = heapAfterGc();
                samples.add(new long[] {k * 30L, heap, run.stats().events()});
                System.out.printf(Locale.ROOT, "  %4d s: heap after GC %.1f MiB%n", k * 30, heap / (double) MIB);
            }
            RunStats end = run.join();
            delivery = new long[] {end.records(), end.delivered(), end.dropped()};
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "### Soak: %s events/s for %d min%n%n", count(rate), minutes);
        System.out.println("| time | events so far | heap after GC |");
        System.out.println("|---:|---:|---:|");
        for (long[] s : samples) {
            System.out.printf(Locale.ROOT, "| %d s | %s | %.2f MiB |%n", s[0], count(s[2]), s[1] / (double) MIB);
        }
        LatencyHistogram h = sink.histogram;
        double achieved = achievedRate(h.count(), sink.lastWrite - clock.start(), rate);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "events %s, achieved %s/s (%+.3f%%), lateness p50 %s, p99 %s, max %s (full GCs every 30 s"
                        + " included)%n",
                count(h.count()),
                count(achieved),
                (achieved / rate - 1) * 100,
                time(h.percentile(50)),
                time(h.percentile(99)),
                time(h.max()));
        System.out.printf(
                Locale.ROOT,
                "records %s, delivered %s, dropped %s%n",
                count(delivery[0]),
                count(delivery[1]),
                count(delivery[2]));
        if (samples.size() >= 2) {
            long first = samples.get(0)[1];
            long last = samples.get(samples.size() - 1)[1];
            long delta = last - first;
            System.out.printf(
                    Locale.ROOT,
                    "heap after GC from %d s to %d s: %+.2f MiB -> %s%n",
                    samples.get(0)[0],
                    samples.get(samples.size() - 1)[0],
                    delta / (double) MIB,
                    delta > MIB ? "GREW" : "no growth");
        } else {
            System.out.println("heap: fewer than two samples (run at least 90 s for a verdict)");
        }
        System.out.println();
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            Thread.sleep(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
        }
    }

    /** Heap used right after a full, explicit GC. */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Formats a count with thousands separators: {@code 1,000,000}. */
    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Formats nanoseconds with a readable unit. */
    private static String time(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** Process CPU time since a start point. */
    private static final class Cpu {
        final long cpuStart;
        final long wallStart;

        private Cpu(long cpuStart, long wallStart) {
            this.cpuStart = cpuStart;
            this.wallStart = wallStart;
        }

        static Cpu start() {
            return new Cpu(processCpuNanos(), System.nanoTime());
        }

        double seconds() {
            return (processCpuNanos() - cpuStart) / NANOS;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /**
     * {@link Clock#system()}, remembering its first {@link #nanoTime()} reading: the run's start
     * (a run reads it first, when it is created).
     */
    private static final class StartCapturingClock implements Clock {
        private final Clock system = Clock.system();
        private volatile boolean captured;
        private volatile long start;

        @Override
        public long nanoTime() {
            long t = system.nanoTime();
            if (!captured) {
                synchronized (this) {
                    if (!captured) {
                        start = t;
                        captured = true;
                    }
                }
            }
            return t;
        }

        long start() {
            if (!captured) {
                throw new IllegalStateException("the run has not read the clock yet");
            }
            return start;
        }

        @Override
        public long epochNanos() {
            return system.epochNanos();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            system.sleepUntil(deadline);
        }

        @Override
        public boolean isSimulated() {
            return false;
        }
    }

    /**
     * Records the lateness of every event it receives: now minus {@code start + round(i·10⁹/rate)}
     * for the {@code i}-th event of its entry. Records into its own histogram, or into a shared one
     * under its lock.
     */
    private static final class LatencySink implements ByteSink {
        private final StartCapturingClock clock;
        private final double rate;
        private final LatencyHistogram shared;
        private final LatencyHistogram sharedLater;
        final LatencyHistogram histogram;
        long events;
        long lastWrite;
        private long start = Long.MIN_VALUE;

        LatencySink(StartCapturingClock clock, double rate, LatencyHistogram shared) {
            this(clock, rate, shared, null);
        }

        LatencySink(StartCapturingClock clock, double rate, LatencyHistogram shared, LatencyHistogram sharedLater) {
            this.clock = clock;
            this.rate = rate;
            this.shared = shared;
            this.sharedLater = sharedLater;
            this.histogram = shared == null ? new LatencyHistogram() : null;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            long now = System.nanoTime();
            if (start == Long.MIN_VALUE) {
                start = clock.start();
            }
            long lateness = now - (start + Math.round(events * 1e9 / rate));
            if (shared == null) {
                histogram.record(lateness);
                events++;
                lastWrite = now;
            } else {
                synchronized (shared) {
                    shared.record(lateness);
                    if (sharedLater != null && events > 0) {
                        sharedLater.record(lateness);
                    }
                    events++;
                    lastWrite = now;
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
