package dev.sonda.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The pure half of alert verification (Sonda 1.21 {@code verify/evaluator.rs}, §3.2, §3.4, §3.5):
 * the alert states, observations over time, the evaluator's outcomes, the firing-time refinement
 * from Alertmanager's {@code startsAt}, and how durations are written in the report.
 */
final class AlertVerdicts {
    private AlertVerdicts() {}

    /** What the acquisition source saw of an alert. */
    enum State {
        /** Nothing matched. */
        INACTIVE,
        /** Matched, none firing. */
        PENDING,
        /** At least one matched series is firing. */
        FIRING
    }

    /**
     * One poll: when its query returned, measured from the anchor (the scenario's start, or its end
     * for resolution), and the state seen, or the query's error.
     *
     * @param at time since the anchor, at least 0
     * @param state the state, or null when the query failed
     * @param error the failure, or null
     */
    record Observation(Duration at, State state, String error) {
        Observation {
            Objects.requireNonNull(at, "at");
        }

        static Observation of(Duration at, State state) {
            return new Observation(at, state, null);
        }

        static Observation failed(Duration at, String error) {
            return new Observation(at, null, error);
        }

        boolean ok() {
            return state != null;
        }
    }

    /** One probe of the source: the state, the label sets of the firing matches, and Alertmanager's extras. */
    record Probe(State state, List<Map<String, String>> firing, Double earliestStartsAt, boolean suppressed) {
        Probe {
            firing = List.copyOf(firing);
        }
    }

    /** What the evaluator concluded for one deadline. */
    sealed interface Outcome permits Pass, Late, Undecided, Missed {}

    /** The success came in time, at {@code at}. */
    record Pass(Duration at) implements Outcome {}

    /** The success came at {@code at}, after the deadline, which earlier successful polls prove. */
    record Late(Duration at, Duration deadline) implements Outcome {}

    /**
     * No verdict: a success at {@code observedAt} (or none) with no successful poll inside the window
     * to prove it late, or polling that ended before the deadline.
     */
    record Undecided(Duration observedAt, String lastError) implements Outcome {}

    /** The window was covered and no success came. */
    record Missed(Duration deadline, String lastError) implements Outcome {}

    /**
     * The evaluator (§3.5): walks the observations in order; the first whose state is a success
     * decides ({@link Pass} within the deadline; else {@link Late} when a successful non-success
     * poll was seen at or before the deadline, else {@link Undecided}). Without a success: {@link
     * Missed} when some observation reached the deadline, else {@link Undecided}. Errors at or
     * before the deadline are kept as the last error.
     *
     * @param observations in time order
     * @param deadline the window, from the anchor
     * @param success which states count as success (never an error)
     * @return the outcome
     */
    static Outcome evaluate(List<Observation> observations, Duration deadline, Predicate<State> success) {
        String lastError = null;
        boolean sawOtherInWindow = false;
        boolean covered = false;
        for (Observation o : observations) {
            boolean inWindow = o.at().compareTo(deadline) <= 0;
            if (o.ok() && success.test(o.state())) {
                if (inWindow) {
                    return new Pass(o.at());
                }
                return sawOtherInWindow ? new Late(o.at(), deadline) : new Undecided(o.at(), lastError);
            }
            if (!o.ok() && inWindow) {
                lastError = o.error();
            }
            if (o.ok() && inWindow) {
                sawOtherInWindow = true;
            }
            if (o.at().compareTo(deadline) >= 0) {
                covered = true;
            }
        }
        return covered ? new Missed(deadline, lastError) : new Undecided(null, lastError);
    }

    /** Firing is success. */
    static boolean firing(State s) {
        return s == State.FIRING;
    }

    /** Any successful state but firing is resolution. */
    static boolean resolved(State s) {
        return s != State.FIRING;
    }

    /**
     * Moves the first firing observation earlier to Alertmanager's {@code startsAt} (§3.4,
     * {@code refine_firing_timeline}), clamped to {@code [the last successful observation before
     * it, it]}. Unchanged when there is no stamp, a non-finite one, no firing, no successful earlier
     * observation, or the clamp is empty.
     *
     * @param timeline the live observations
     * @param startsAt the stamp converted to the anchor's scale (seconds since the anchor), or null
     * @return the timeline, possibly with the first firing moved
     */
    static List<Observation> refineFiring(List<Observation> timeline, Double startsAt) {
        if (startsAt == null || !Double.isFinite(startsAt)) {
            return timeline;
        }
        int first = -1;
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).state() == State.FIRING) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return timeline;
        }
        Duration floor = null;
        for (int i = first - 1; i >= 0; i--) {
            if (timeline.get(i).ok()) {
                floor = timeline.get(i).at();
                break;
            }
        }
        Duration ceiling = timeline.get(first).at();
        if (floor == null || floor.compareTo(ceiling) >= 0) {
            return timeline;
        }
        Duration stamp = Duration.ofNanos(Math.round(Math.max(0, startsAt) * 1e9));
        Duration at = stamp.compareTo(floor) < 0 ? floor : stamp.compareTo(ceiling) > 0 ? ceiling : stamp;
        List<Observation> out = new ArrayList<>(timeline);
        out.set(first, Observation.of(at, State.FIRING));
        return out;
    }

    /**
     * A duration as the report writes it (rounded, as Rust's {@code humantime} rounded display):
     * {@code 0s}; under a second in milliseconds ({@code 400ms}); otherwise whole seconds as hours,
     * minutes and seconds ({@code 22s}, {@code 4m41s}, {@code 1h2m3s}).
     *
     * @param d the duration
     * @return the text
     */
    static String human(Duration d) {
        long ms = Math.round(d.toNanos() / 1e6);
        if (ms <= 0) {
            return "0s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = Math.round(ms / 1000.0);
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (sec > 0 || s == 0 ? sec + "s" : "");
    }
}
