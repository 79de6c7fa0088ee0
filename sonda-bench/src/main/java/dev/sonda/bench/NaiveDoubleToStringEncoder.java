package dev.sonda.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A baseline for {@link EncoderBench}: the Prometheus text line {@code name{k="v",...} VALUE
 * TIMESTAMP_MS\n} written the obvious way, per sample, with a {@link StringBuilder}, {@link
 * Double#toString(double)}, label-value escaping and {@link String#getBytes(java.nio.charset.Charset)}.
 *
 * <p>Nothing is prepared in advance except sorting the labels, which a straightforward
 * implementation would keep in a sorted map. {@code Double.toString} matches Sonda's output for
 * values between 10<sup>-3</sup> and 10<sup>7</sup> (such as {@code 54.181138530706136}); it switches to
 * exponent notation outside that range, which Sonda never writes, so this is a baseline for speed,
 * not a conforming encoder. Immutable and thread-safe.
 */
public final class NaiveDoubleToStringEncoder {
    private final String name;
    private final String[] keys;
    private final String[] values;

    /**
     * Creates an encoder for one series.
     *
     * @param name metric name, written raw
     * @param labels labels, written in key order with escaped values
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public NaiveDoubleToStringEncoder(String name, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        TreeMap<String, String> sorted = new TreeMap<>(labels);
        this.keys = sorted.keySet().toArray(new String[0]);
        this.values = sorted.values().toArray(new String[0]);
    }

    /**
     * Encodes one sample line.
     *
     * @param value the sample value
     * @param epochNanos sample time in nanoseconds since the epoch, written in milliseconds
     * @return the UTF-8 bytes of the line, ending with {@code \n}
     */
    public byte[] encode(double value, long epochNanos) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(name);
        if (keys.length > 0) {
            sb.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(keys[i]).append("=\"");
                escapeLabelValue(values[i], sb);
                sb.append('"');
            }
            sb.append('}');
        }
        sb.append(' ').append(Double.toString(value)).append(' ').append(epochNanos / 1_000_000L);
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends a label value with the Prometheus escapes: backslash, double quote and line feed.
     *
     * @param v the raw value
     * @param sb where the escaped value is appended
     */
    static void escapeLabelValue(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
