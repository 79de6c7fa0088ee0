package dev.sonda.engine.internal;

import dev.sonda.api.DurationText;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Not API. The {@code start_time} grammar of Sonda 1.20 ({@code parse_start_time}): {@code now},
 * a signed offset {@code +d}/{@code -d} (duration grammar plus a {@code d} for days), or an RFC
 * 3339 instant.
 *
 * @param absoluteEpochNanos the instant for an RFC 3339 value, else 0
 * @param offsetNanos the signed offset from now for {@code now}/{@code ±d}
 * @param absolute whether the value is an absolute instant
 */
public record StartTime(long absoluteEpochNanos, long offsetNanos, boolean absolute) {

    /** {@code now}. */
    public static final StartTime NOW = new StartTime(0, 0, false);

    /**
     * Parses a {@code start_time} value.
     *
     * @param text the value, or null for {@code now}
     * @return the parsed value
     * @throws IllegalArgumentException with the reference's message
     */
    public static StartTime parse(String text) {
        if (text == null) {
            return NOW;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("start_time must not be empty");
        }
        if (s.equals("now")) {
            return NOW;
        }
        if (s.startsWith("+") || s.startsWith("-")) {
            long sign = s.startsWith("-") ? -1 : 1;
            String d = s.substring(1);
            if (d.endsWith("d")) {
                double days = DurationText.parseRustFloat(d.substring(0, d.length() - 1));
                String q = FloatText.rustDebugString(s);
                if (Double.isNaN(days) && !d.toLowerCase(java.util.Locale.ROOT).startsWith("nan")) {
                    throw new IllegalArgumentException("start_time offset " + q + " has an invalid numeric part");
                }
                if (!Double.isFinite(days) || days <= 0) {
                    throw new IllegalArgumentException("start_time offset " + q + " must be greater than zero");
                }
                double nanos = days * 86_400e9;
                if (nanos >= 9.2e18) {
                    throw new IllegalArgumentException("start_time offset " + q + " is too large");
                }
                return new StartTime(0, sign * (long) nanos, false);
            }
            try {
                Duration dur = DurationText.parse(d);
                return new StartTime(0, sign * dur.toNanos(), false);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "invalid start_time offset " + FloatText.rustDebugString(s) + ": " + e.getMessage(), e);
            }
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            return new StartTime(t.toEpochSecond() * 1_000_000_000L + t.getNano(), 0, true);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start_time " + FloatText.rustDebugString(s)
                    + " is not a valid RFC 3339 timestamp, signed offset, or \"now\": " + e.getMessage());
        }
    }

    /**
     * The timestamp anchor for an entry starting when the clock reads {@code nowEpochNanos}.
     *
     * @param nowEpochNanos the clock's epoch time at the entry's start
     * @return the anchor in epoch nanoseconds
     */
    public long anchor(long nowEpochNanos) {
        return absolute ? absoluteEpochNanos : nowEpochNanos + offsetNanos;
    }
}
