package dev.sonda.junit5;

import dev.sonda.engine.encode.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders values, offsets and series for messages. Not API. */
final class Text {
    private static final long NANOS = 1_000_000_000L;

    private Text() {}

    /**
     * A series as {@code name{key="value", ...}}, keys in code-point order.
     *
     * @param name metric name
     * @param labels labels, any order
     * @return the text
     */
    static String series(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        List<String> keys = new ArrayList<>(labels.keySet());
        keys.sort(Labels.CODE_POINT_ORDER);
        StringBuilder sb = new StringBuilder(name).append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys.get(i)).append("=\"").append(labels.get(keys.get(i))).append('"');
        }
        return sb.append('}').toString();
    }

    /**
     * A value: integral values without a fraction ({@code 97}), others as {@link Double#toString}.
     *
     * @param v the value
     * @return the text
     */
    static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * An offset from the run's start, such as {@code +14m}, {@code +1h2m3.5s} or {@code -30s}.
     *
     * @param d the offset
     * @return the text
     */
    static String offset(Duration d) {
        return (d.isNegative() ? "-" : "+") + duration(d.abs());
    }

    /**
     * A non-negative duration, such as {@code 7m40s}, {@code 1h}, {@code 0.25s} or {@code 0s}.
     *
     * @param d the duration
     * @return the text
     */
    static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long secs = d.getSeconds();
        int nanos = d.getNano();
        StringBuilder sb = new StringBuilder();
        long h = secs / 3600;
        long m = (secs % 3600) / 60;
        long s = secs % 60;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0 || nanos > 0 || sb.length() == 0) {
            sb.append(s);
            if (nanos > 0) {
                String frac = String.format("%09d", nanos);
                int end = frac.length();
                while (frac.charAt(end - 1) == '0') {
                    end--;
                }
                sb.append('.').append(frac, 0, end);
            }
            sb.append('s');
        }
        return sb.toString();
    }

    /**
     * An instant from epoch nanoseconds.
     *
     * @param epochNanos nanoseconds since the Unix epoch
     * @return the instant
     */
    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }

    /**
     * Epoch nanoseconds of an instant.
     *
     * @param t the instant
     * @return nanoseconds since the Unix epoch
     * @throws ArithmeticException outside about ±292 years around 1970
     */
    static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
    }
}
