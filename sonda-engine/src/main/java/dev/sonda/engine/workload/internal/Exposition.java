package dev.sonda.engine.workload.internal;

import dev.sonda.api.MetricType;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.workload.ExpositionFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Not API. Writes a published tick and the self-metrics as the Prometheus text format 0.0.4 or
 * OpenMetrics 1.0.0, straight from the value buffers and label tables into one reused 64 KiB
 * buffer that is flushed to the stream as it fills: memory stays constant whatever the number of
 * series, and nothing is allocated per series.
 *
 * <p>Layout: per metric a {@code # HELP} line (when the metric has help text) and a {@code # TYPE}
 * line, then its series in label-space order, labels sorted by name. Histograms write {@code
 * _bucket} lines (cumulative, {@code le} last, ending with {@code +Inf}), then {@code _sum} and
 * {@code _count}; summaries their quantile lines ({@code quantile} last), {@code _sum} and {@code
 * _count}. In OpenMetrics a counter's family drops a trailing {@code _total} and its sample adds
 * it, and the text ends with {@code # EOF}. Numbers are the shortest text that reads back to the
 * same double, {@code +Inf}, {@code -Inf} and {@code NaN}; timestamps (when asked) are
 * milliseconds in 0.0.4 and seconds in OpenMetrics.
 */
final class Exposition {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] BUCKET = bytes("_bucket");
    private static final byte[] SUM = bytes("_sum");
    private static final byte[] COUNT = bytes("_count");
    private static final byte[] TOTAL = bytes("_total");
    private static final byte[] LE = bytes("le=\"");
    private static final byte[] QUANTILE = bytes("quantile=\"");

    private final OutputStream out;
    private final boolean open;
    private final String prefix;
    private final boolean timestamps;
    private boolean stamp;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private byte[] block = new byte[512];
    private int blockLength;
    private long stampNanos;

    Exposition(OutputStream out, ExpositionFormat format, String prefix, boolean timestamps) {
        this.out = out;
        this.open = format == ExpositionFormat.OPENMETRICS;
        this.prefix = prefix;
        this.timestamps = timestamps;
    }

    /** Writes every metric of {@code p} (if any), the self-metrics, and flushes. */
    void write(Published p, SelfStats.Snapshot self) throws IOException {
        if (p != null) {
            for (MetricView v : p.views()) {
                metric(v);
            }
        }
        selfMetrics(self, p);
        if (open) {
            ascii("# EOF\n");
        }
        flush();
    }

    // ---- user metrics ---------------------------------------------------------------------------

    private void metric(MetricView v) throws IOException {
        CompiledMetric m = v.metric;
        String family = family(v.name, m.type);
        header(family, m.help, m.type);
        stampNanos = v.epochNanos;
        stamp = timestamps;
        byte[] name = bytes(prefix + (open && m.type == MetricType.COUNTER ? family : v.name));
        byte[] suffix = open && m.type == MetricType.COUNTER ? TOTAL : EMPTY;
        double[] values = v.values;
        int stride = m.stride;
        for (int s = 0; s < v.active; s++) {
            labelBlock(v, s);
            int o = s * stride;
            switch (m.type) {
                case HISTOGRAM -> {
                    double cum = 0;
                    for (int b = 0; b <= m.bounds.length; b++) {
                        cum += values[o + b];
                        line(name, BUCKET, LE, m.leText[b], cum);
                    }
                    line(name, SUM, null, null, values[o + m.sumSlot]);
                    line(name, COUNT, null, null, values[o + m.countSlot]);
                }
                case SUMMARY -> {
                    for (int q = 0; q < m.quantiles.length; q++) {
                        line(name, EMPTY, QUANTILE, m.quantileText[q], values[o + q]);
                    }
                    line(name, SUM, null, null, values[o + m.sumSlot]);
                    line(name, COUNT, null, null, values[o + m.countSlot]);
                }
                default -> line(name, suffix, null, null, values[o]);
            }
        }
    }

    /** Builds {@code {a="x",b="y"} without the closing brace (empty when there are no labels). */
    private void labelBlock(MetricView v, int s) {
        CompiledMetric m = v.metric;
        int[] plan = m.plan;
        blockLength = 0;
        if (plan.length == 0) {
            return;
        }
        long p = v.productIndex(s);
        put('{');
        for (int j = 0; j < plan.length; j++) {
            if (j > 0) {
                put(',');
            }
            int item = plan[j];
            if (item < 0 && item != CompiledMetric.CYCLE) {
                put(v.staticText[-1 - item]);
                continue;
            }
            put(m.labelHeads[j]);
            put(item == CompiledMetric.CYCLE ? v.cycleEscaped : v.escaped[item][m.space.valueIndex(p, item)]);
            put('"');
        }
    }

    private void line(byte[] name, byte[] suffix, byte[] extraKey, byte[] extraValue, double value) throws IOException {
        int extra = extraKey == null ? 0 : extraKey.length + extraValue.length + 4;
        ensure(name.length + suffix.length + blockLength + extra + 48 + FloatText.MAX_LENGTH);
        raw(name);
        raw(suffix);
        if (blockLength > 0 || extraKey != null) {
            if (blockLength > 0) {
                System.arraycopy(block, 0, buf, pos, blockLength);
                pos += blockLength;
            } else {
                buf[pos++] = '{';
            }
            if (extraKey != null) {
                if (blockLength > 0) {
                    buf[pos++] = ',';
                }
                raw(extraKey);
                raw(extraValue);
                buf[pos++] = '"';
            }
            buf[pos++] = '}';
        }
        buf[pos++] = ' ';
        writeNumber(value);
        if (stamp) {
            buf[pos++] = ' ';
            long ms = Math.floorDiv(stampNanos, 1_000_000L);
            if (open) {
                pos = FloatText.writeLong(Math.floorDiv(ms, 1000), buf, pos);
                buf[pos++] = '.';
                long frac = Math.floorMod(ms, 1000);
                buf[pos++] = (byte) ('0' + frac / 100);
                buf[pos++] = (byte) ('0' + frac / 10 % 10);
                buf[pos++] = (byte) ('0' + frac % 10);
            } else {
                pos = FloatText.writeLong(ms, buf, pos);
            }
        }
        buf[pos++] = '\n';
    }

    private void writeNumber(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            raw(INF);
        } else if (v == Double.NEGATIVE_INFINITY) {
            raw(NEG_INF);
        } else if (v != v) {
            raw(NAN);
        } else {
            pos = FloatText.display(v, buf, pos);
        }
    }

    private static final byte[] INF = bytes("+Inf");
    private static final byte[] NEG_INF = bytes("-Inf");
    private static final byte[] NAN = bytes("NaN");

    // ---- self-metrics ---------------------------------------------------------------------------

    private void selfMetrics(SelfStats.Snapshot s, Published p) throws IOException {
        stampNanos = p == null ? 0 : p.epochNanos();
        stamp = timestamps && p != null;
        counterFamily("gen_points_total", "Points generated per metric.");
        for (String m : s.perMetric().keySet()) {
            simple(counterSample("gen_points_total"), "metric_name", m, s.points(m));
        }
        counterFamily("gen_export_errors_total", "Export errors by exporter and metric.");
        for (Map.Entry<String, Map<String, Long>> e : s.errors().entrySet()) {
            for (Map.Entry<String, Long> m : e.getValue().entrySet()) {
                pairs(
                        counterSample("gen_export_errors_total"),
                        "exporter",
                        e.getKey(),
                        "metric_name",
                        m.getKey(),
                        m.getValue());
            }
        }
        header("gen_tick_duration_seconds", "Time taken per tick.", MetricType.HISTOGRAM);
        long cum = 0;
        for (int b = 0; b <= SelfStats.TICK_BOUNDS.length; b++) {
            cum += s.tickBuckets()[b];
            String le = b < SelfStats.TICK_BOUNDS.length ? text(SelfStats.TICK_BOUNDS[b]) : "+Inf";
            simple("gen_tick_duration_seconds_bucket", "le", le, cum);
        }
        simple("gen_tick_duration_seconds_sum", null, null, s.tickSum());
        simple("gen_tick_duration_seconds_count", null, null, s.tickCount());
        header("gen_active_series", "Number of active time series per metric.", MetricType.GAUGE);
        for (String m : s.perMetric().keySet()) {
            simple("gen_active_series", "metric_name", m, s.active(m));
        }
        header("gen_export_queue_depth", "Export queue depth per exporter.", MetricType.GAUGE);
        for (Map.Entry<String, Integer> e : s.queueDepth().entrySet()) {
            simple("gen_export_queue_depth", "exporter", e.getKey(), e.getValue());
        }
        counterFamily("gen_series_created_total", "Series created per metric (churn included).");
        for (String m : s.perMetric().keySet()) {
            simple(counterSample("gen_series_created_total"), "metric_name", m, s.created(m));
        }
        counterFamily("gen_series_removed_total", "Series removed per metric (churn included).");
        for (String m : s.perMetric().keySet()) {
            simple(counterSample("gen_series_removed_total"), "metric_name", m, s.removed(m));
        }
        header("gen_last_tick_timestamp_seconds", "Timestamp of the tick this exposition shows.", MetricType.GAUGE);
        if (p != null) {
            simple("gen_last_tick_timestamp_seconds", null, null, p.epochNanos() / 1e9);
        }
    }

    private void counterFamily(String name, String help) throws IOException {
        header(family(name, MetricType.COUNTER), help, MetricType.COUNTER);
    }

    /** The sample name of a counter: as given in 0.0.4; the family plus {@code _total} in OpenMetrics. */
    private String counterSample(String name) {
        return open ? family(name, MetricType.COUNTER) + "_total" : name;
    }

    private void simple(String name, String key, String value, double v) throws IOException {
        pairs(name, key, value, null, null, v);
    }

    private void pairs(String name, String k1, String v1, String k2, String v2, double v) throws IOException {
        blockLength = 0;
        if (k1 != null) {
            put('{');
            put(k1);
            put('=');
            put('"');
            put(escapeLabel(v1));
            put('"');
            if (k2 != null) {
                put(',');
                put(k2);
                put('=');
                put('"');
                put(escapeLabel(v2));
                put('"');
            }
        }
        line(bytes(prefix + name), EMPTY, null, null, v);
    }

    // ---- headers, buffer ------------------------------------------------------------------------

    private void header(String family, String help, MetricType type) throws IOException {
        String name = prefix + family;
        if (help != null) {
            ascii("# HELP ");
            utf8(name);
            ascii(" ");
            utf8(escapeHelp(help));
            ascii("\n");
        }
        ascii("# TYPE ");
        utf8(name);
        ascii(" ");
        ascii(type.yamlName());
        ascii("\n");
    }

    /** A counter's family in OpenMetrics drops a trailing {@code _total}; other names stay. */
    private String family(String name, MetricType type) {
        if (open && type == MetricType.COUNTER && name.endsWith("_total") && name.length() > 6) {
            return name.substring(0, name.length() - 6);
        }
        return name;
    }

    private String escapeHelp(String help) {
        StringBuilder b = new StringBuilder(help.length());
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '"' -> b.append(open ? "\\\"" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Escapes a label value for the text formats: backslash, double quote and line feed.
     *
     * @param value the value
     * @return the escaped text
     */
    static String escapeLabel(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A number as the exposition writes it.
     *
     * @param v the number
     * @return {@code +Inf}, {@code -Inf}, {@code NaN}, or the shortest round-trip text
     */
    static String text(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return FloatText.display(v);
    }

    private void put(char c) {
        growBlock(1);
        block[blockLength++] = (byte) c;
    }

    private void put(byte[] b) {
        growBlock(b.length);
        System.arraycopy(b, 0, block, blockLength, b.length);
        blockLength += b.length;
    }

    private void put(String s) {
        put(s.getBytes(StandardCharsets.UTF_8));
    }

    private void growBlock(int n) {
        if (blockLength + n > block.length) {
            block = java.util.Arrays.copyOf(block, Math.max(block.length * 2, blockLength + n));
        }
    }

    private void raw(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ascii(String s) throws IOException {
        utf8(s);
    }

    private void utf8(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        raw(b);
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            flush();
            if (n > buf.length) {
                throw new IOException("an exposition line of " + n + " bytes exceeds the buffer");
            }
        }
    }

    private void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
