package dev.sonda.engine.internal;

import dev.sonda.api.Comparison;
import dev.sonda.api.DurationText;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import java.util.List;

/**
 * Not API. The threshold-crossing math of {@code after:}: the time, in seconds from the target's own
 * start, at which a target generator first satisfies {@code value op threshold}. Aliases are
 * evaluated on their analytic parameters (flap's {@code up_duration}, saturation's ramp and so on),
 * not on their rate-dependent desugared form; jitter and noise are ignored.
 *
 * <p>Source: Sonda 1.20 {@code compiler/timing.rs} and {@code compiler/compile_after.rs}
 * ({@code crossing_secs}).
 */
final class AfterCrossing {
    /** Rust's {@code f64::EPSILON}. */
    private static final double EPSILON = Math.ulp(1.0);

    private AfterCrossing() {}

    /** How a crossing computation failed; each maps to one compile_after error variant. */
    enum Failure {
        /** The generator is no valid target for this operator ({@code UnsupportedGenerator}). */
        UNSUPPORTED,
        /** The condition never holds ({@code OutOfRangeThreshold}). */
        OUT_OF_RANGE,
        /** The condition already holds at t=0 ({@code AmbiguousAtT0}). */
        AMBIGUOUS
    }

    /**
     * The result of one crossing computation: either the crossing time or a failure with its reason.
     *
     * @param seconds crossing time in seconds from the target's start (NaN when failed, and possibly
     *     NaN for a NaN threshold, as in the reference)
     * @param failure the failure kind, or null on success
     * @param reason the reference's reason text, or null on success
     */
    record Outcome(double seconds, Failure failure, String reason) {
        static Outcome ok(double seconds) {
            return new Outcome(seconds, null, null);
        }

        static Outcome fail(Failure failure, String reason) {
            return new Outcome(Double.NaN, failure, reason);
        }

        boolean failed() {
            return failure != null;
        }
    }

    /**
     * Computes when {@code generator} first satisfies {@code op threshold}.
     *
     * @param generator the target's generator, aliases included
     * @param op the strict comparison
     * @param t the threshold (not NaN-checked, as in the reference)
     * @param rate the target's rate in ticks per second, used by tick-based generators (step,
     *     sequence)
     * @return the crossing time or the failure
     */
    static Outcome seconds(GeneratorSpec generator, Comparison op, double t, double rate) {
        if (generator instanceof GeneratorSpec.Constant c) {
            return constant(op, t, c.value());
        } else if (generator instanceof GeneratorSpec.Sine) {
            return Outcome.fail(
                    Failure.UNSUPPORTED,
                    "sine generator is not supported as an `after` target: sine waves cross any threshold twice"
                            + " per period, making the crossing direction ambiguous");
        } else if (generator instanceof GeneratorSpec.Uniform) {
            return Outcome.fail(
                    Failure.UNSUPPORTED,
                    "uniform generator is not supported as an `after` target: the output is non-deterministic,"
                            + " so no crossing time can be computed");
        } else if (generator instanceof GeneratorSpec.CsvReplay) {
            return Outcome.fail(
                    Failure.UNSUPPORTED,
                    "csv_replay generator is not supported as an `after` target: the output depends on external"
                            + " data, so no crossing time can be computed");
        } else if (generator instanceof GeneratorSpec.Steady) {
            return Outcome.fail(
                    Failure.UNSUPPORTED,
                    "cannot compute crossing for \"steady\" behavior -- sine waves cross any threshold twice per"
                            + " period, making the result ambiguous. Use explicit phase_offset instead");
        } else if (generator instanceof GeneratorSpec.Sawtooth s) {
            return sawtooth(op, t, s.min(), s.max(), s.periodSecs());
        } else if (generator instanceof GeneratorSpec.Saturation s) {
            return sawtooth(op, t, s.baseline(), s.ceiling(), DurationText.toSeconds(s.timeToSaturate()));
        } else if (generator instanceof GeneratorSpec.Leak s) {
            return sawtooth(op, t, s.baseline(), s.ceiling(), DurationText.toSeconds(s.timeToCeiling()));
        } else if (generator instanceof GeneratorSpec.Degradation s) {
            return sawtooth(op, t, s.baseline(), s.ceiling(), DurationText.toSeconds(s.timeToDegrade()));
        } else if (generator instanceof GeneratorSpec.Flap f) {
            return flap(op, t, DurationText.toSeconds(f.upDuration()), f.resolvedUpValue(), f.resolvedDownValue());
        } else if (generator instanceof GeneratorSpec.Spike s) {
            return spike(op, t, s.baseline(), s.magnitude(), s.durationSecs());
        } else if (generator instanceof GeneratorSpec.SpikeEvent s) {
            return spike(op, t, s.baseline(), s.spikeHeight(), DurationText.toSeconds(s.spikeDuration()));
        } else if (generator instanceof GeneratorSpec.Step s) {
            return step(op, t, s.start(), s.stepSize(), s.max(), rate);
        } else if (generator instanceof GeneratorSpec.Sequence s) {
            return sequence(op, t, s.values(), rate);
        }
        // Not in the reference: a plug-in generator has no analytical model.
        return Outcome.fail(
                Failure.UNSUPPORTED,
                generator.type() + " generator is not supported as an `after` target: it has no analytical"
                        + " model, so no crossing time can be computed");
    }

    private static String n(double v) {
        return FloatText.display(v);
    }

    private static Outcome constant(Comparison op, double t, double v) {
        String cond = "\"" + op.symbol() + " " + n(t) + "\"";
        if (op.test(v, t)) {
            return Outcome.fail(
                    Failure.AMBIGUOUS, "constant generator emits " + n(v) + "; " + cond + " is satisfied at t=0");
        }
        return Outcome.fail(Failure.OUT_OF_RANGE, "constant generator emits " + n(v) + "; it never crosses " + cond);
    }

    private static Outcome sawtooth(Comparison op, double t, double b, double c, double period) {
        double range = c - b;
        if (Math.abs(range) < EPSILON) {
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "baseline (" + n(b) + ") equals ceiling (" + n(c)
                            + "); the signal is constant and cannot cross any threshold");
        }
        double lo = b <= c ? b : c;
        double hi = b <= c ? c : b;
        if (op == Comparison.GREATER_THAN) {
            if (t >= hi) {
                return Outcome.fail(
                        Failure.OUT_OF_RANGE,
                        "threshold " + n(t) + " is at or above ceiling " + n(c) + "; the signal never exceeds it");
            }
            if (t < lo) {
                return Outcome.fail(
                        Failure.AMBIGUOUS,
                        "threshold " + n(t) + " is below baseline " + n(b)
                                + "; the signal starts above it (satisfied at t=0)");
            }
            return Outcome.ok((t - b) / range * period);
        }
        if (t <= lo) {
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "threshold " + n(t) + " is at or below baseline " + n(b) + "; the signal never drops below it");
        }
        if (t > hi) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "threshold " + n(t) + " is above ceiling " + n(c)
                            + "; the signal is always below it (satisfied at t=0)");
        }
        if (b < t) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "signal starts at baseline " + n(b) + " which is already below threshold " + n(t)
                            + " (satisfied at t=0)");
        }
        return Outcome.fail(
                Failure.OUT_OF_RANGE,
                "the sawtooth ramps from " + n(b) + " toward " + n(c) + "; it does not cross below " + n(t)
                        + " during the ramp");
    }

    private static Outcome flap(Comparison op, double t, double upSecs, double up, double down) {
        double lo = up >= down ? down : up;
        double hi = up >= down ? up : down;
        if (op == Comparison.LESS_THAN) {
            if (t <= lo) {
                return Outcome.fail(
                        Failure.OUT_OF_RANGE,
                        "threshold " + n(t) + " is at or below the down_value " + n(down)
                                + "; the flap signal never goes below it");
            }
            if (t > hi) {
                return Outcome.fail(
                        Failure.AMBIGUOUS,
                        "threshold " + n(t) + " is above up_value " + n(up)
                                + "; the flap signal is always below it (satisfied at t=0)");
            }
            if (down < t) {
                return Outcome.ok(upSecs);
            }
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "down_value " + n(down) + " is not less than threshold " + n(t)
                            + "; the flap signal never drops below " + n(t));
        }
        if (t >= hi) {
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "threshold " + n(t) + " is at or above up_value " + n(up) + "; the flap signal never exceeds it");
        }
        if (t < lo) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "threshold " + n(t) + " is below down_value " + n(down)
                            + "; the flap signal is always above it (satisfied at t=0)");
        }
        if (up > t) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "\"flap_signal > " + n(t) + "\" is satisfied at t=0 (starts at up_value " + n(up)
                            + "). Use \"<\" to detect the down event");
        }
        return Outcome.fail(
                Failure.OUT_OF_RANGE,
                "up_value " + n(up) + " equals threshold " + n(t) + "; the signal never strictly exceeds it");
    }

    private static Outcome spike(Comparison op, double t, double b, double height, double durationSecs) {
        double peak = b + height;
        double lo = rustMin(b, peak);
        double hi = rustMax(b, peak);
        if (op == Comparison.GREATER_THAN) {
            if (t >= hi) {
                return Outcome.fail(
                        Failure.OUT_OF_RANGE,
                        "threshold " + n(t) + " is at or above peak value " + n(peak)
                                + "; the signal never exceeds it");
            }
            if (t < lo) {
                return Outcome.fail(
                        Failure.AMBIGUOUS,
                        "threshold " + n(t) + " is below baseline " + n(b)
                                + "; the signal is always above it (satisfied at t=0)");
            }
            if (peak > t) {
                return Outcome.fail(
                        Failure.AMBIGUOUS,
                        "\"> " + n(t) + "\" is satisfied at t=0 (spike starts immediately at peak " + n(peak)
                                + "). Use \"<\" to detect when the spike ends");
            }
            return Outcome.fail(Failure.OUT_OF_RANGE, "peak " + n(peak) + " does not exceed threshold " + n(t));
        }
        if (t <= lo) {
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "threshold " + n(t) + " is at or below baseline " + n(b) + "; the signal never drops below it");
        }
        if (t > hi) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "threshold " + n(t) + " is above peak " + n(peak)
                            + "; the signal is always below it (satisfied at t=0)");
        }
        if (b < t) {
            return Outcome.ok(durationSecs);
        }
        return Outcome.fail(
                Failure.OUT_OF_RANGE,
                "baseline " + n(b) + " is not below threshold " + n(t)
                        + "; the signal does not cross below it when the spike ends");
    }

    private static Outcome step(Comparison op, double t, double start, double stepSize, Double max, double rate) {
        if (!Double.isFinite(rate) || rate <= 0) {
            return Outcome.fail(Failure.OUT_OF_RANGE, "step rate " + n(rate) + " must be positive and finite");
        }
        if (op == Comparison.LESS_THAN) {
            return Outcome.fail(
                    Failure.UNSUPPORTED,
                    "step generator does not support `< threshold`; the value is monotonically non-decreasing");
        }
        if (stepSize == 0.0) {
            return Outcome.fail(Failure.OUT_OF_RANGE, "step_size is 0; the signal never advances");
        }
        if (stepSize < 0.0) {
            return Outcome.fail(
                    Failure.OUT_OF_RANGE,
                    "step_size " + n(stepSize) + " is negative; the signal moves away from `> threshold`");
        }
        if (start > t) {
            return Outcome.fail(
                    Failure.AMBIGUOUS,
                    "step generator starts at " + n(start) + " which already exceeds threshold " + n(t)
                            + " (satisfied at t=0)");
        }
        double ticks = Math.ceil((t - start) / stepSize);
        if (ticks <= 0.0) {
            ticks = 1.0;
        } else if (start + ticks * stepSize <= t) {
            ticks = ticks + 1.0;
        }
        if (max != null && max > start) {
            if (max <= t) {
                return Outcome.fail(
                        Failure.OUT_OF_RANGE,
                        "step wraps at " + n(max) + " which is at or below threshold " + n(t)
                                + "; the signal never exceeds it");
            }
            if (start + ticks * stepSize >= max) {
                return Outcome.fail(
                        Failure.OUT_OF_RANGE, "step wraps at " + n(max) + " before reaching threshold " + n(t));
            }
        }
        return Outcome.ok(ticks / rate);
    }

    private static Outcome sequence(Comparison op, double t, List<Double> values, double rate) {
        if (!Double.isFinite(rate) || rate <= 0) {
            return Outcome.fail(Failure.OUT_OF_RANGE, "sequence rate " + n(rate) + " must be positive and finite");
        }
        if (values.isEmpty()) {
            return Outcome.fail(Failure.OUT_OF_RANGE, "sequence has no values; no crossing is possible");
        }
        String cond = "\"" + op.symbol() + " " + n(t) + "\"";
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (op.test(v, t)) {
                if (i == 0) {
                    return Outcome.fail(
                            Failure.AMBIGUOUS,
                            "sequence starts at " + n(v) + " which already satisfies " + cond + " (satisfied at t=0)");
                }
                return Outcome.ok(i / rate);
            }
        }
        return Outcome.fail(
                Failure.OUT_OF_RANGE, "no value in the sequence satisfies " + cond + "; the signal never crosses");
    }

    /** Rust {@code f64::min}: a NaN operand yields the other one. */
    private static double rustMin(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.min(a, b);
    }

    /** Rust {@code f64::max}: a NaN operand yields the other one. */
    private static double rustMax(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.max(a, b);
    }
}
