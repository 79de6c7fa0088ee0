package dev.sonda.cli;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunStats;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Status lines on standard error, as the reference prints them ({@code sonda/src/status.rs},
 * {@code progress.rs}): the ▶ start banners, live progress (redrawn every 200 ms on a terminal,
 * a {@code [progress]} line every 5 s otherwise), STOPPED lines, the ■ stop banners and, for
 * several entries, the ━━ run summary. The stop banners and summary lines end with {@code |
 * delivered: N | dropped: N}, records the receivers acknowledged and records lost (an addition to
 * the reference's lines, after their last field).
 */
final class Status {
    private final CompiledPlan plan;
    private final PrintStream err;
    private final boolean quiet;
    private final boolean verbose;
    private final boolean tty;
    private final long[] finishedAt;
    private final boolean[] stoppedLine;
    private long startNanos;
    private int drawn;

    Status(CompiledPlan plan, PrintStream err, boolean quiet, boolean verbose) {
        this.plan = plan;
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
        this.tty = stderrIsTerminal();
        this.finishedAt = new long[plan.entries().size()];
        this.stoppedLine = new boolean[plan.entries().size()];
    }

    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    private String pos(int i) {
        int n = plan.entries().size();
        return n > 1 ? "[" + (i + 1) + "/" + n + "] " : "";
    }

    void beforeStart() {
        startNanos = System.nanoTime();
        if (quiet) {
            return;
        }
        if (verbose) {
            Verbose.print(plan, err);
        }
        for (CompiledEntry e : plan.entries()) {
            StringBuilder b = new StringBuilder()
                    .append(pos(e.index()))
                    .append("▶ ")
                    .append(e.name())
                    .append("  signal_type: ")
                    .append(e.signalType().yamlName())
                    .append(" | rate: ")
                    .append(Texts.bannerRate(e.rate()))
                    .append("/s | encoder: ")
                    .append(Texts.encoder(e.encoder()))
                    .append(" | sink: ")
                    .append(Texts.sink(e.sink()));
            if (e.duration() != null) {
                b.append(" | duration: ").append(dev.sonda.api.DurationText.format(e.duration()));
            }
            if (e.clockGroup() != null) {
                b.append(" | clock_group: ").append(e.clockGroup()).append(e.clockGroupAuto() ? " (auto)" : "");
            }
            err.println(b);
        }
    }

    /** Follows the run until it is done, then prints the stop banners and the summary. */
    void follow(Run run) throws InterruptedException {
        long lastPeriodic = System.nanoTime();
        while (!run.await(Duration.ofMillis(200))) {
            RunStats s = run.stats();
            noteFinished(s);
            if (quiet) {
                continue;
            }
            if (tty) {
                redraw(s);
            } else if (System.nanoTime() - lastPeriodic >= 5_000_000_000L) {
                lastPeriodic = System.nanoTime();
                for (EntryStats e : s.entries()) {
                    if (e.state() != EntryState.FINISHED) {
                        err.println("[progress] " + e.name() + "  events: " + e.events() + " | rate: "
                                + String.format(Locale.ROOT, "%.1f", e.currentRate()) + "/s | bytes: "
                                + Texts.bytes(e.bytes()) + " | elapsed: " + Texts.elapsed(elapsedSecs()) + tags(e));
                    }
                }
            }
        }
        RunStats s = run.stats();
        noteFinished(s);
        if (quiet) {
            return;
        }
        if (tty) {
            erase();
        }
        for (EntryStats e : s.entries()) {
            stopped(e);
        }
        for (EntryStats e : s.entries()) {
            double secs = (finishedAt[e.index()] - startNanos) / 1e9;
            err.println(pos(e.index()) + "■ " + e.name() + "  completed in "
                    + String.format(Locale.ROOT, "%.1f", secs) + "s | events: " + e.events() + " | bytes: "
                    + Texts.bytes(e.bytes()) + " | errors: " + e.errors() + delivery(e.delivered(), e.dropped()));
        }
        if (s.entries().size() > 1) {
            summary(s);
        }
    }

    private void summary(RunStats s) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        Map<String, Boolean> auto = new LinkedHashMap<>();
        for (EntryStats e : s.entries()) {
            CompiledEntry c = plan.entries().get(e.index());
            String g = c.clockGroup() == null ? "(ungrouped)" : c.clockGroup();
            long[] a = groups.computeIfAbsent(g, k -> new long[6]);
            a[0]++;
            a[1] += e.events();
            a[2] += e.bytes();
            a[3] += e.errors();
            a[4] += e.delivered();
            a[5] += e.dropped();
            auto.put(g, c.clockGroupAuto());
        }
        if (groups.size() >= 2) {
            err.println("━━ run complete (by clock_group)");
            groups.forEach((g, a) -> err.println("  " + g + (auto.get(g) ? " (auto)" : "") + "  scenarios: " + a[0]
                    + " | events: " + a[1] + " | bytes: " + Texts.bytes(a[2]) + " | errors: " + a[3]
                    + delivery(a[4], a[5])));
        }
        err.println("━━ run complete  scenarios: " + s.entries().size() + " | events: " + s.events() + " | bytes: "
                + Texts.bytes(s.bytes()) + " | errors: " + s.errors() + " | elapsed: "
                + String.format(Locale.ROOT, "%.1f", elapsedSecs()) + "s" + delivery(s.delivered(), s.dropped()));
    }

    /**
     * The delivery counts appended to the reference's stop banner and summary lines (an addition
     * to them): records (samples, log records, spans and events) the receivers acknowledged, and records lost.
     */
    private static String delivery(long delivered, long dropped) {
        return " | delivered: " + delivered + " | dropped: " + dropped;
    }

    private void noteFinished(RunStats s) {
        for (EntryStats e : s.entries()) {
            if (e.state() == EntryState.FINISHED && finishedAt[e.index()] == 0) {
                finishedAt[e.index()] = System.nanoTime();
                if (!quiet && !tty) {
                    stopped(e);
                }
            }
        }
    }

    private void stopped(EntryStats e) {
        if (stoppedLine[e.index()]) {
            return;
        }
        stoppedLine[e.index()] = true;
        String sinkErr = e.lastError() == null ? "" : " (sink: " + e.lastError() + ")";
        if (tty) {
            err.println("  STOPPED " + e.name() + sinkErr + "  events: " + Texts.grouped(e.events()) + " | bytes: "
                    + Texts.bytes(e.bytes()) + " | elapsed: " + Texts.elapsed(elapsedSecs()));
        } else {
            err.println("[progress] " + e.name() + "  STOPPED" + sinkErr + " | events: " + e.events() + " | bytes: "
                    + Texts.bytes(e.bytes()) + " | elapsed: " + Texts.elapsed(elapsedSecs()));
        }
    }

    private void redraw(RunStats s) {
        erase();
        List<EntryStats> live = s.entries().stream()
                .filter(e -> e.state() != EntryState.FINISHED)
                .toList();
        for (EntryStats e : s.entries()) {
            if (e.state() == EntryState.FINISHED) {
                stopped(e);
            }
        }
        for (EntryStats e : live) {
            String line = e.state() == EntryState.PAUSED
                    ? "  PAUSED " + e.name() + "  events: " + Texts.grouped(e.events()) + " | rate: 0.0/s | elapsed: "
                            + Texts.elapsed(elapsedSecs())
                    : "  ~ " + e.name() + "  events: " + Texts.grouped(e.events()) + " | rate: "
                            + String.format(Locale.ROOT, "%.1f", e.currentRate()) + "/s | bytes: "
                            + Texts.bytes(e.bytes()) + " | elapsed: " + Texts.elapsed(elapsedSecs()) + tags(e);
            err.print(line + "\r\n");
        }
        drawn = live.size();
        err.flush();
    }

    private void erase() {
        for (int i = 0; i < drawn; i++) {
            err.print("\u001b[A\u001b[2K");
        }
        drawn = 0;
    }

    private static String tags(EntryStats e) {
        return (e.inGap() ? " [gap]" : "") + (e.inBurst() ? " [burst]" : "");
    }

    private double elapsedSecs() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
