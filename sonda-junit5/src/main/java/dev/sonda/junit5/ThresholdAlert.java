package dev.sonda.junit5;

import dev.sonda.api.Comparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus alerting rule of the form {@code <series> <op> <threshold>}, with {@code for:} and
 * {@code keep_firing_for:}, evaluated over a captured series exactly as Prometheus' rule manager
 * does it. Immutable: every {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * Alerts alerts = ThresholdAlert.when(Comparison.GREATER_THAN, 90)
 *         .forDuration(Duration.ofMinutes(5))
 *         .evaluatedEvery(Duration.ofSeconds(15))
 *         .evaluate(captured.series("cpu_usage"));
 * }</pre>
 *
 * <p><b>The evaluation</b> (Prometheus 2.42 {@code rules/alerting.go}, {@code promql/engine.go}; the
 * terms are the Prometheus documentation's):
 *
 * <ul>
 *   <li><b>Evaluation times</b> {@code T_k = start + k·interval} for {@code k = 0, 1, ...} while
 *       {@code T_k <= start + until}, where {@code start} is the run's start ({@link
 *       Captured#start()}), {@code interval} the {@code evaluation_interval} (default 1m, as in
 *       Prometheus), and {@code until} by default the last sample's offset plus the lookback plus
 *       one interval, so that the alert's resolution by staleness is seen. (A Prometheus server
 *       aligns a group's evaluations to the interval with a per-group offset; {@code promtool test
 *       rules} evaluates at {@code k·interval} from 0, as here.)
 *   <li><b>Instant vector selection</b>: at {@code T} the series' value is its latest sample
 *       with timestamp in {@code [T - lookback, T]} (the lookback delta, default 5m). That is
 *       Prometheus 2.x, whose {@code promtool} {@link PrometheusRules} runs; Prometheus 3 made the
 *       window left-open, {@code (T - lookback, T]}, so a sample exactly {@code lookback} old no
 *       longer counts: choose it with {@link #prometheus3()}. No sample in the window, or a
 *       latest sample that is a staleness marker, means no value.
 *   <li><b>The condition</b> holds at {@code T} when there is a value and {@code value op
 *       threshold}; NaN satisfies no comparison.
 *   <li><b>Pending</b>: at the first {@code T} where the condition holds (and the alert is not
 *       active), the alert becomes pending with {@code activeAt = T}.
 *   <li><b>Firing</b>: at each {@code T} where the condition holds and the alert is pending, it
 *       fires when {@code T - activeAt >= for}; with {@code for} 0 it fires at {@code activeAt}.
 *       So with the condition true from {@code T_a} on, it fires at the first evaluation time at
 *       or after {@code T_a + for}.
 *   <li><b>Resolution</b>: at the first {@code T} where the condition does not hold, a pending
 *       alert is dropped (it never fired) and a firing one resolves at {@code T}; with {@code
 *       keep_firing_for} a firing alert keeps firing while {@code T - keepFiringSince <
 *       keep_firing_for}, where {@code keepFiringSince} is the first evaluation without the
 *       condition (reset whenever the condition holds again), and resolves at the first {@code T}
 *       where that no longer holds.
 * </ul>
 *
 * <p>A condition that holds again after a resolution starts a new episode. See docs/junit.md for
 * worked examples.
 */
public final class ThresholdAlert {
    private final String name;
    private final Op op;
    private final double threshold;
    private final Duration forDuration;
    private final Duration keepFiringFor;
    private final Duration interval;
    private final Duration lookback;
    private final Duration until;
    private final boolean leftOpen;

    private ThresholdAlert(
            String name,
            Op op,
            double threshold,
            Duration forDuration,
            Duration keepFiringFor,
            Duration interval,
            Duration lookback,
            Duration until,
            boolean leftOpen) {
        this.name = name;
        this.op = op;
        this.threshold = threshold;
        this.forDuration = forDuration;
        this.keepFiringFor = keepFiringFor;
        this.interval = interval;
        this.lookback = lookback;
        this.until = until;
        this.leftOpen = leftOpen;
    }

    /**
     * A rule {@code series op threshold} with {@code for: 0}, no {@code keep_firing_for},
     * evaluated every minute with the 5-minute lookback, named {@code threshold}.
     *
     * @param op {@link Comparison#GREATER_THAN} or {@link Comparison#LESS_THAN}
     * @param threshold the threshold
     * @return the rule
     * @throws NullPointerException if {@code op} is null
     */
    public static ThresholdAlert when(Comparison op, double threshold) {
        return of(Op.of(Objects.requireNonNull(op, "op")), threshold);
    }

    /**
     * A rule {@code series op threshold} with the operator as written in PromQL.
     *
     * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param threshold the threshold
     * @return the rule
     * @throws IllegalArgumentException if {@code op} is none of the four
     */
    public static ThresholdAlert when(String op, double threshold) {
        return of(Op.of(op), threshold);
    }

    static ThresholdAlert of(Op op, double threshold) {
        return new ThresholdAlert(
                "threshold",
                op,
                threshold,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                null,
                false);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be above zero, got " + Text.duration(d));
        }
        return d;
    }

    private static Duration notNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
        return d;
    }

    /**
     * This rule under another name (the {@code alert:} of a rule file), for messages.
     *
     * @param name the name
     * @return the new rule
     */
    public ThresholdAlert named(String name) {
        return new ThresholdAlert(
                Objects.requireNonNull(name, "name"),
                op,
                threshold,
                forDuration,
                keepFiringFor,
                interval,
                lookback,
                until,
                leftOpen);
    }

    /**
     * This rule with a {@code for:} duration: how long the condition must hold, at every
     * evaluation, before the alert fires.
     *
     * @param duration zero or more
     * @return the new rule
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public ThresholdAlert forDuration(Duration duration) {
        return new ThresholdAlert(
                name, op, threshold, notNegative(duration, "for"), keepFiringFor, interval, lookback, until, leftOpen);
    }

    /**
     * This rule with a {@code keep_firing_for:} duration: how long a firing alert keeps firing
     * after its condition stopped holding.
     *
     * @param duration zero or more
     * @return the new rule
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public ThresholdAlert keepFiringFor(Duration duration) {
        return new ThresholdAlert(
                name,
                op,
                threshold,
                forDuration,
                notNegative(duration, "keep_firing_for"),
                interval,
                lookback,
                until,
                leftOpen);
    }

    /**
     * This rule evaluated at another {@code evaluation_interval}.
     *
     * @param interval above zero (Prometheus' default is 1m)
     * @return the new rule
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public ThresholdAlert evaluatedEvery(Duration interval) {
        return new ThresholdAlert(
                name,
                op,
                threshold,
                forDuration,
                keepFiringFor,
                positive(interval, "evaluation interval"),
                lookback,
                until,
                leftOpen);
    }

    /**
     * This rule with another lookback delta (Prometheus' {@code --query.lookback-delta}, 5m by
     * default).
     *
     * @param lookback above zero
     * @return the new rule
     * @throws IllegalArgumentException if {@code lookback} is zero or negative
     */
    public ThresholdAlert lookback(Duration lookback) {
        return new ThresholdAlert(
                name,
                op,
                threshold,
                forDuration,
                keepFiringFor,
                interval,
                positive(lookback, "lookback"),
                until,
                leftOpen);
    }

    /**
     * This rule evaluated as Prometheus 3 selects samples: the lookback window is left-open,
     * {@code (T - lookback, T]}, so a series that stops resolves the alert one evaluation earlier
     * when an evaluation falls exactly {@code lookback} after its last sample.
     *
     * @return the new rule
     */
    public ThresholdAlert prometheus3() {
        return new ThresholdAlert(name, op, threshold, forDuration, keepFiringFor, interval, lookback, until, true);
    }

    /**
     * This rule evaluated up to an offset from the run's start, instead of until the alert must
     * have resolved by staleness.
     *
     * @param offset the last evaluation time, as an offset, zero or more
     * @return the new rule
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public ThresholdAlert until(Duration offset) {
        return new ThresholdAlert(
                name,
                op,
                threshold,
                forDuration,
                keepFiringFor,
                interval,
                lookback,
                notNegative(offset, "until"),
                leftOpen);
    }

    /**
     * Evaluates the rule over a captured series.
     *
     * @param series the series
     * @return the episodes, with the rule and the evaluation range as their description
     * @throws NullPointerException if {@code series} is null
     */
    public Alerts evaluate(Series series) {
        Objects.requireNonNull(series, "series");
        int n = series.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(series.epochNanos(a), series.epochNanos(b)));
        long start = series.epochNanos(0) - series.offset(0).toNanos();
        long step = interval.toNanos();
        long lb = lookback.toNanos();
        long hold = forDuration.toNanos();
        long keep = keepFiringFor.toNanos();
        long last = series.epochNanos(order[n - 1]);
        long end = until != null ? start + until.toNanos() : last + lb + step;
        Map<String, String> labels = series.labels();
        List<Alert> out = new ArrayList<>();
        int j = -1;
        // state of the current episode: 0 inactive, 1 pending, 2 firing
        int state = 0;
        long activeAt = 0;
        long firedAt = 0;
        long keepSince = Long.MIN_VALUE;
        long t = start;
        for (long k = 0; t <= end; k++, t = start + k * step) {
            while (j + 1 < n && series.epochNanos(order[j + 1]) <= t) {
                j++;
            }
            boolean present = j >= 0
                    && (leftOpen ? series.epochNanos(order[j]) > t - lb : series.epochNanos(order[j]) >= t - lb)
                    && !Series.isStaleMarker(series.value(order[j]));
            boolean holds = present && op.test(series.value(order[j]), threshold);
            if (holds) {
                if (state == 0) {
                    state = 1;
                    activeAt = t;
                }
                keepSince = Long.MIN_VALUE;
            } else if (state != 0) {
                boolean keepFiring = false;
                if (state == 2 && keep > 0) {
                    if (keepSince == Long.MIN_VALUE) {
                        keepSince = t;
                    }
                    keepFiring = t - keepSince < keep;
                }
                if (!keepFiring) {
                    out.add(episode(labels, start, activeAt, state == 2 ? firedAt : null, t));
                    state = 0;
                    keepSince = Long.MIN_VALUE;
                    continue;
                }
            }
            if (state == 1 && t - activeAt >= hold) {
                state = 2;
                firedAt = t;
            }
        }
        if (state != 0) {
            out.add(episode(labels, start, activeAt, state == 2 ? firedAt : null, null));
        }
        return new Alerts(
                series.captured(),
                out,
                describe(series) + ", evaluated every " + Text.duration(interval) + " from +0s to "
                        + Text.offset(Duration.ofNanos(end - start)) + " (lookback " + Text.duration(lookback)
                        + (leftOpen ? ", left-open as in Prometheus 3" : "") + ")");
    }

    private Alert episode(Map<String, String> labels, long start, long activeAt, Long firedAt, Long resolvedAt) {
        return new Alert(
                name,
                labels,
                Map.of(),
                Duration.ofNanos(activeAt - start),
                firedAt == null ? null : Duration.ofNanos(firedAt - start),
                resolvedAt == null ? null : Duration.ofNanos(resolvedAt - start));
    }

    /**
     * The rule as PromQL-like text for {@code series}, such as {@code cpu{host="a"} > 90 for 5m}.
     *
     * @param series the series
     * @return the text
     */
    String describe(Series series) {
        return "alert " + name + ": " + series.id() + " " + condition();
    }

    /** The operator, threshold and the {@code for} / {@code keep_firing_for} set: {@code > 90 for 5m}. */
    private String condition() {
        return op + " " + Text.value(threshold)
                + (forDuration.isZero() ? "" : " for " + Text.duration(forDuration))
                + (keepFiringFor.isZero() ? "" : " keep_firing_for " + Text.duration(keepFiringFor));
    }

    /**
     * The rule as text, such as {@code threshold: > 90 for 5m, every 15s}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name + ": " + condition() + ", every " + Text.duration(interval);
    }
}
