package dev.sonda.cli;

import dev.sonda.cli.AlertExpectations.Expectation;
import dev.sonda.cli.AlertVerdicts.Late;
import dev.sonda.cli.AlertVerdicts.Missed;
import dev.sonda.cli.AlertVerdicts.Observation;
import dev.sonda.cli.AlertVerdicts.Outcome;
import dev.sonda.cli.AlertVerdicts.Pass;
import dev.sonda.cli.AlertVerdicts.Probe;
import dev.sonda.cli.AlertVerdicts.State;
import dev.sonda.cli.AlertVerdicts.Undecided;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code sonda test}'s verification around a run (Sonda 1.21 {@code test_cmd.rs}, §3.6): preflight,
 * the server clock, a firing poller that outlives the scenario until every deadline is covered, the
 * firing verdicts (Prometheus from a range query over the run when it covers what live polling saw,
 * Alertmanager from live polls sharpened by {@code startsAt}), resolution checks, the provenance
 * warning (§3.7) and the report.
 *
 * <p>Threading: {@link #poller()} runs on its own thread while the command's thread runs the
 * scenario; observations are kept in synchronized lists. Time comes from the {@link Timer} given,
 * so tests run it on a fake clock.
 */
final class AlertVerification {
    /** Where time comes from, and how to wait. */
    interface Timer {
        /** Monotonic nanoseconds. */
        long nanoTime();

        /** Wall clock, milliseconds since the epoch. */
        long wallMillis();

        /**
         * Waits {@code d}, or until {@link #wake()}.
         *
         * @return true when woken (stop), false after the full wait
         * @throws InterruptedException if interrupted
         */
        boolean sleep(Duration d) throws InterruptedException;

        /** Ends every current and future {@link #sleep}. */
        void wake();

        /** The system clocks, sleeping on a latch that {@link #wake()} releases. */
        static Timer system() {
            CountDownLatch stop = new CountDownLatch(1);
            return new Timer() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public long wallMillis() {
                    return System.currentTimeMillis();
                }

                @Override
                public boolean sleep(Duration d) throws InterruptedException {
                    return stop.await(d.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void wake() {
                    stop.countDown();
                }
            };
        }
    }

    private final AlertSource source;
    private final List<Expectation> expectations;
    private final Duration interval;
    private final Duration step;
    private final PrintStream err;
    private final Timer timer;
    private final List<List<Observation>> live = new ArrayList<>();
    private final List<Double> startsAt = new ArrayList<>();
    private final Set<Map<String, String>> firingLabels = Collections.synchronizedSet(new LinkedHashSet<>());
    private final boolean[] suppressed;
    private final List<String> warnings = new ArrayList<>();
    private double offset;
    private long startNanos;
    private double startWall;
    private long endNanos;
    private double endWall;
    private volatile boolean pollerDone;

    AlertVerification(
            AlertSource source,
            List<Expectation> expectations,
            Duration interval,
            Duration step,
            PrintStream err,
            Timer timer) {
        this.source = source;
        this.expectations = expectations;
        this.interval = interval;
        this.step = step;
        this.err = err;
        this.timer = timer;
        for (int i = 0; i < expectations.size(); i++) {
            live.add(Collections.synchronizedList(new ArrayList<>()));
            startsAt.add(null);
        }
        this.suppressed = new boolean[expectations.size()];
    }

    /**
     * Probes every expectation before the scenario starts: the first up to 3 times, 2 s apart, the
     * others once.
     *
     * @throws CliException (exit 1) {@code prometheus preflight against URL failed: cause}
     * @throws InterruptedException if interrupted
     */
    void preflight() throws InterruptedException {
        for (int i = 0; i < expectations.size(); i++) {
            int attempts = i == 0 ? 3 : 1;
            for (int a = 1; ; a++) {
                try {
                    source.probe(expectations.get(i));
                    break;
                } catch (AlertSource.QueryException e) {
                    if (a >= attempts) {
                        throw new CliException(
                                source.name().toLowerCase(java.util.Locale.ROOT) + " preflight against " + source.url()
                                        + " failed: " + e.getMessage(),
                                1);
                    }
                    timer.sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    /** Measures the source's clock (a {@code WARN} line and zero offset when it cannot). */
    void measureClock() {
        offset = source.measureOffset(err);
    }

    /** Records the scenario's start (wall and monotonic). */
    void started() {
        startNanos = timer.nanoTime();
        startWall = timer.wallMillis() / 1000.0;
    }

    /** Records the scenario's end. */
    void ended() {
        endNanos = timer.nanoTime();
        endWall = timer.wallMillis() / 1000.0;
    }

    /** How long the scenario ran. */
    Duration elapsed() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /**
     * The firing poller: polls every still-pending expectation each round, {@code --interval}
     * apart; an expectation leaves once it was seen firing or its {@code firing_within} has passed.
     * Ends when none is pending or on {@link #stop()}.
     */
    Runnable poller() {
        return () -> {
            try {
                List<Integer> pending = new ArrayList<>();
                for (int i = 0; i < expectations.size(); i++) {
                    pending.add(i);
                }
                while (!pending.isEmpty()) {
                    for (java.util.Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
                        int i = it.next();
                        Observation o = poll(i, startNanos);
                        live.get(i).add(o);
                        if (o.state() == State.FIRING
                                || o.at().compareTo(expectations.get(i).firing()) >= 0) {
                            it.remove();
                        }
                    }
                    if (pending.isEmpty() || timer.sleep(interval)) {
                        break;
                    }
                }
                pollerDone = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Ends the poller's current wait and its loop. */
    void stop() {
        timer.wake();
    }

    /** One probe of expectation {@code i}, timed when it returned, from {@code anchorNanos}. */
    private Observation poll(int i, long anchorNanos) {
        try {
            Probe p = source.probe(expectations.get(i));
            Duration at = Duration.ofNanos(timer.nanoTime() - anchorNanos);
            firingLabels.addAll(p.firing());
            if (p.suppressed()) {
                suppressed[i] = true;
            }
            if (p.earliestStartsAt() != null && startsAt.get(i) == null) {
                startsAt.set(i, p.earliestStartsAt());
            }
            return Observation.of(at, p.state());
        } catch (AlertSource.QueryException e) {
            return Observation.failed(Duration.ofNanos(timer.nanoTime() - anchorNanos), e.getMessage());
        }
    }

    /**
     * The verdicts after the run: firing for every expectation, then resolution where asked and
     * firing passed (or was late); prints the warnings and the report.
     *
     * @param plan the compiled plan, whose labels the provenance check knows
     * @return how many expectations failed
     * @throws InterruptedException if interrupted while waiting for data
     */
    int verdicts(CompiledPlan plan) throws InterruptedException {
        boolean prometheus = source instanceof PrometheusAlerts;
        if (prometheus) {
            timer.sleep(min(step, Duration.ofSeconds(5)));
        }
        List<Outcome> firing = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            List<Observation> timeline = prometheus ? firingTimeline(i) : liveFiring(i);
            firing.add(AlertVerdicts.evaluate(timeline, e.firing(), AlertVerdicts::firing));
        }
        List<Outcome> resolution = resolution(firing, prometheus);
        for (int i = 0; i < expectations.size(); i++) {
            if (suppressed[i]) {
                warnings.add(expectations.get(i).alert() + " matched an alert Alertmanager has suppressed (silenced or"
                        + " inhibited) — it still counts as firing, but no notification was delivered for it");
            }
        }
        warnings.addAll(provenance(plan, firingLabels, prometheus ? "ALERTS series" : "Alertmanager alert"));
        warnings.forEach(w -> err.println("  WARN " + w));
        err.println();
        int failed = 0;
        for (int i = 0; i < expectations.size(); i++) {
            boolean ok = report(expectations.get(i), firing.get(i), resolution.get(i));
            failed += ok ? 0 : 1;
        }
        err.println();
        if (!prometheus) {
            err.println("  note: Alertmanager keeps no queryable history, so these times come from live polling every "
                    + AlertVerdicts.human(interval) + ", sharpened by each alert's own startsAt stamp (~1s clock"
                    + " resolution) — not from stored samples");
        }
        return failed;
    }

    /** The live firing timeline of Alertmanager, its first firing moved to {@code startsAt}. */
    private List<Observation> liveFiring(int i) {
        List<Observation> timeline = List.copyOf(live.get(i));
        Double stamp = startsAt.get(i);
        return AlertVerdicts.refineFiring(timeline, stamp == null ? null : stamp - offset - startWall);
    }

    /**
     * Prometheus' firing timeline: a range query over the run, accepted when it covers what live
     * polling saw (if live saw firing, the range must too), else the live timeline with a warning.
     */
    private List<Observation> firingTimeline(int i) throws InterruptedException {
        Expectation e = expectations.get(i);
        List<Observation> liveTimeline = List.copyOf(live.get(i));
        boolean liveFiring = liveTimeline.stream().anyMatch(o -> o.state() == State.FIRING);
        Duration settled = liveTimeline.isEmpty()
                ? e.firing().plus(step)
                : liveTimeline.get(liveTimeline.size() - 1).at();
        double anchor = startWall + offset;
        String reason = rangeOrReason(
                i,
                anchor,
                anchor + seconds(settled) + seconds(step),
                t -> !liveFiring || t.stream().anyMatch(o -> o.state() == State.FIRING));
        if (reason == null) {
            return ranges.get(i);
        }
        warnings.add("firing verdict for " + e.alert() + " uses the live poll timeline (" + reason + ")");
        return liveTimeline;
    }

    private final Map<Integer, List<Observation>> ranges = new HashMap<>();

    /**
     * Up to 3 range queries, 1 s apart, over {@code [anchor, min(desiredEnd, server now)]}; keeps the
     * first that {@code covers} accepts in {@link #ranges}.
     *
     * @return null when accepted, else why not
     */
    private String rangeOrReason(int i, double anchor, double desiredEnd, Predicate<List<Observation>> covers)
            throws InterruptedException {
        PrometheusAlerts prometheus = (PrometheusAlerts) source;
        String reason = "range data lags what live polling observed";
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                timer.sleep(Duration.ofSeconds(1));
            }
            double end = Math.min(desiredEnd, timer.wallMillis() / 1000.0 + offset);
            if (end <= anchor) {
                break;
            }
            try {
                PrometheusAlerts.Timeline t = prometheus.range(expectations.get(i), anchor, end, step, anchor);
                if (covers.test(t.observations())) {
                    firingLabels.addAll(t.firing());
                    ranges.put(i, t.observations());
                    return null;
                }
                reason = "range data lags what live polling observed";
            } catch (AlertSource.QueryException ex) {
                reason = "range query failed: " + ex.getMessage();
            }
        }
        return reason;
    }

    /**
     * Resolution checks for expectations with {@code resolves_within} whose firing passed or was
     * late: live polls from the scenario's end, then (Prometheus) the range from the end when it
     * covers them.
     */
    private List<Outcome> resolution(List<Outcome> firing, boolean prometheus) throws InterruptedException {
        List<Outcome> out = new ArrayList<>(Collections.nCopies(expectations.size(), (Outcome) null));
        List<Integer> pending = new ArrayList<>();
        List<List<Observation>> polls = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            polls.add(new ArrayList<>());
            Outcome f = firing.get(i);
            if (expectations.get(i).resolves() != null && (f instanceof Pass || f instanceof Late)) {
                pending.add(i);
            }
        }
        List<Integer> checked = List.copyOf(pending);
        while (!pending.isEmpty()) {
            for (java.util.Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
                int i = it.next();
                Observation o = poll(i, endNanos);
                polls.get(i).add(o);
                if ((o.ok() && o.state() != State.FIRING)
                        || o.at().compareTo(expectations.get(i).resolves()) >= 0) {
                    it.remove();
                }
            }
            if (!pending.isEmpty() && timer.sleep(interval)) {
                break;
            }
        }
        for (int i : checked) {
            Expectation e = expectations.get(i);
            List<Observation> timeline = polls.get(i);
            if (prometheus) {
                boolean liveResolved = timeline.stream().anyMatch(o -> o.ok() && o.state() != State.FIRING);
                Duration settled = timeline.isEmpty()
                        ? e.resolves()
                        : timeline.get(timeline.size() - 1).at();
                double anchor = endWall + offset;
                String reason = rangeOrReason(
                        i,
                        anchor,
                        anchor + seconds(settled) + seconds(step),
                        t -> !liveResolved
                                || (!t.isEmpty() && t.get(t.size() - 1).state() != State.FIRING));
                if (reason == null) {
                    timeline = ranges.get(i);
                } else {
                    warnings.add(
                            "resolution verdict for " + e.alert() + " uses the live poll timeline (" + reason + ")");
                }
            }
            out.set(i, AlertVerdicts.evaluate(timeline, e.resolves(), AlertVerdicts::resolved));
        }
        return out;
    }

    /** Prints an expectation's report lines; returns whether it passed. */
    private boolean report(Expectation e, Outcome firing, Outcome resolution) {
        String a = e.alert();
        String fw = e.firingWithin();
        boolean ok = false;
        if (firing instanceof Pass p) {
            err.println("  PASS " + a + " firing after " + AlertVerdicts.human(p.at()) + " (within " + fw + ")");
            ok = true;
        } else if (firing instanceof Late l) {
            err.println("  FAIL " + a + " fired after " + AlertVerdicts.human(l.at()) + " — later than firing_within "
                    + fw);
        } else if (firing instanceof Missed m) {
            err.println("  FAIL " + a + " did not fire within " + fw + lastError(m.lastError()));
        } else if (firing instanceof Undecided u) {
            err.println("  FAIL " + a + ": no verdict — " + why(u, "firing") + ", so firing within " + fw
                    + " is unproven" + lastError(u.lastError()));
        }
        if (resolution == null) {
            return ok;
        }
        String rw = e.resolvesWithin();
        if (resolution instanceof Pass p) {
            err.println("  PASS " + a + " resolved after " + AlertVerdicts.human(p.at()) + " (within " + rw
                    + " of scenario end)");
            return ok;
        }
        if (resolution instanceof Late l) {
            err.println("  FAIL " + a + " resolved after " + AlertVerdicts.human(l.at())
                    + " — later than resolves_within " + rw);
        } else if (resolution instanceof Missed m) {
            err.println("  FAIL " + a + " still firing " + rw + " after scenario end" + lastError(m.lastError()));
        } else if (resolution instanceof Undecided u) {
            err.println("  FAIL " + a + ": no resolution verdict — " + why(u, "resolution") + ", so resolving within "
                    + rw + " is unproven" + lastError(u.lastError()));
        }
        return false;
    }

    private String why(Undecided u, String what) {
        if (what.equals("firing") && !pollerDone) {
            return "the poller thread stopped unexpectedly";
        }
        if (u.observedAt() != null) {
            return what + " was first observed at " + AlertVerdicts.human(u.observedAt())
                    + " with no successful query inside the window";
        }
        return "polling ended before the deadline";
    }

    private static String lastError(String e) {
        return e == null ? "" : " (last query error: " + e + ")";
    }

    /**
     * The provenance check (§3.7): for each matched firing series, every label the scenario emits
     * whose value there is not one the scenario emits, once per key and value.
     */
    static List<String> provenance(CompiledPlan plan, Set<Map<String, String>> matched, String what) {
        Map<String, Set<String>> emitted = new HashMap<>();
        for (CompiledEntry e : plan.entries()) {
            e.labels().forEach((k, v) -> emitted.computeIfAbsent(k, x -> new LinkedHashSet<>())
                    .add(v));
        }
        Set<String> flagged = new LinkedHashSet<>();
        synchronized (matched) {
            for (Map<String, String> series : matched) {
                for (Map.Entry<String, String> l : series.entrySet()) {
                    Set<String> values = emitted.get(l.getKey());
                    if (values != null && !values.contains(l.getValue())) {
                        flagged.add("matched an " + what + " with " + l.getKey() + "=\"" + l.getValue()
                                + "\", which this scenario never emits — something outside this scenario may have"
                                + " triggered the alert; scope `expect.labels` to something unique to this scenario");
                    }
                }
            }
        }
        return List.copyOf(flagged);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
