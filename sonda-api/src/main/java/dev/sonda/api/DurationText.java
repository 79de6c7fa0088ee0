package dev.sonda.api;

import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Duration strings as the reference (Sonda 1.20, {@code config/validate.rs}) reads and writes them:
 * a number followed by {@code ms}, {@code s}, {@code m} or {@code h}, such as {@code 30s}, {@code
 * 1.5m} or {@code 250ms}.
 *
 * <p>Parsing keeps the reference's microsecond resolution: the value is converted to milliseconds
 * in double arithmetic and truncated to whole microseconds.
 */
public final class DurationText {
    /** The Rust {@code str::parse::<f64>} grammar for decimal numbers (no whitespace, no hex). */
    private static final Pattern RUST_DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private static final Pattern RUST_SPECIAL = Pattern.compile("[+-]?(?i:inf|infinity|nan)");

    private DurationText() {}

    /**
     * Parses a strict duration (used for {@code duration}, gaps, bursts, spikes, {@code
     * phase_offset}, {@code after.delay} and alias durations). Zero and negative values are
     * rejected.
     *
     * @param text the duration text, not trimmed
     * @return the duration, positive, with microsecond resolution
     * @throws IllegalArgumentException with the reference's message, such as {@code duration "0s"
     *     must be greater than zero}
     */
    public static Duration parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("duration must not be empty");
        }
        double unitMs;
        int suffix;
        if (text.endsWith("ms")) {
            unitMs = 1;
            suffix = 2;
        } else if (text.endsWith("h")) {
            unitMs = 3_600_000;
            suffix = 1;
        } else if (text.endsWith("m")) {
            unitMs = 60_000;
            suffix = 1;
        } else if (text.endsWith("s")) {
            unitMs = 1_000;
            suffix = 1;
        } else {
            throw new IllegalArgumentException("unrecognized duration unit in " + FloatText.rustDebugString(text)
                    + ": expected one of ms, s, m, h");
        }
        String num = text.substring(0, text.length() - suffix);
        String quoted = FloatText.rustDebugString(text);
        if (num.isEmpty()) {
            throw new IllegalArgumentException("duration " + quoted + " has no numeric value before the unit");
        }
        if (num.startsWith("-")) {
            throw new IllegalArgumentException("duration " + quoted + " must be positive");
        }
        double value = parseRustFloat(num);
        if (Double.isNaN(value) && !RUST_SPECIAL.matcher(num).matches()) {
            throw new IllegalArgumentException(
                    "duration " + quoted + " has an invalid numeric part " + FloatText.rustDebugString(num));
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("duration " + quoted + " must be greater than zero");
        }
        double totalMs = value * unitMs;
        if (totalMs > 18446744073709551615.0) {
            throw new IllegalArgumentException("duration " + quoted + " overflows millisecond representation");
        }
        long micros = (long) (totalMs * 1000.0); // truncation toward zero, saturating, as Rust's `as u64`
        if (micros == Long.MAX_VALUE) {
            return Duration.ofSeconds((long) (totalMs / 1000.0));
        }
        return Duration.ofSeconds(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    /**
     * Parses a {@code delay.open} / {@code delay.close} duration: like {@link #parse(String)}, but a
     * zero value ({@code 0}, {@code 0s}, {@code 0ms}, {@code 0.0m}) is allowed and means none.
     *
     * @param text the duration text
     * @return the duration, zero or positive
     * @throws IllegalArgumentException with the strict parser's message when the text is neither
     *     a valid duration nor a zero
     */
    public static Duration parseDelay(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            if (isZero(text, true)) {
                return Duration.ZERO;
            }
            throw e;
        }
    }

    /**
     * Parses an optional duration such as a sink's {@code max_buffer_age}: like {@link
     * #parse(String)}, but a zero with a unit ({@code 0s}, {@code 0ms}) means disabled and yields
     * {@link Duration#ZERO}; a bare {@code 0} is an error.
     *
     * @param text the duration text
     * @return the duration, or {@link Duration#ZERO} for disabled
     * @throws IllegalArgumentException with the strict parser's message
     */
    public static Duration parseOptional(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            if (isZero(text, false)) {
                return Duration.ZERO;
            }
            throw e;
        }
    }

    private static boolean isZero(String text, boolean allowBare) {
        String t = text.strip();
        if (t.startsWith("-")) {
            return false;
        }
        String num;
        if (t.endsWith("ms")) {
            num = t.substring(0, t.length() - 2);
        } else if (t.endsWith("h") || t.endsWith("m") || t.endsWith("s")) {
            num = t.substring(0, t.length() - 1);
        } else if (allowBare) {
            num = t;
        } else {
            return false;
        }
        return RUST_DECIMAL.matcher(num).matches() && parseRustFloat(num) == 0.0;
    }

    /**
     * Parses a number with Rust's {@code str::parse::<f64>} grammar: optional sign, digits with an
     * optional fraction and exponent, or {@code inf}/{@code infinity}/{@code nan} in any case. No
     * surrounding whitespace, no hex, no type suffix.
     *
     * @param text the number text
     * @return the value, or NaN when the text does not match the grammar (check {@code nan}
     *     spellings separately if the distinction matters)
     */
    public static double parseRustFloat(String text) {
        if (RUST_DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (RUST_SPECIAL.matcher(text).matches()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /**
     * Converts a duration to seconds as the reference does ({@code as_secs_f64}): {@code secs +
     * nanos / 1e9}.
     *
     * @param duration the duration
     * @return seconds as a double
     */
    public static double toSeconds(Duration duration) {
        return (double) duration.getSeconds() + (double) duration.getNano() / 1e9;
    }

    /**
     * Formats seconds as the reference's compiler writes a resolved {@code phase_offset} ({@code
     * format_duration_secs}): whole hours as {@code 2h}, whole minutes as {@code 1m}, whole seconds
     * as {@code 85s}, otherwise milliseconds as decimal seconds such as {@code 152.308s}; zero,
     * negative and non-finite values as {@code 0s}.
     *
     * @param seconds the duration in seconds
     * @return the text
     */
    public static String formatSeconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds <= 0) {
            return "0s";
        }
        long ms = (long) FloatText.roundHalfAwayFromZero(seconds * 1000.0);
        if (ms % 1000 == 0) {
            long w = ms / 1000;
            if (w > 0 && w % 3600 == 0) {
                return w / 3600 + "h";
            }
            if (w > 0 && w % 60 == 0) {
                return w / 60 + "m";
            }
            return w + "s";
        }
        return FloatText.display((double) ms / 1000.0) + "s";
    }

    /**
     * Formats a duration with {@link #formatSeconds(double)}.
     *
     * @param duration the duration
     * @return the text, such as {@code 30s}
     */
    public static String format(Duration duration) {
        return formatSeconds(toSeconds(duration));
    }
}
