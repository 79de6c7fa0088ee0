package dev.sonda.server;

import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.PrometheusTextEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last value of each series one scenario emitted, for its scrape endpoints: written by the
 * run's observer on the entry's thread (one map lookup and a volatile write per sample once the
 * series is known), read by request threads.
 */
final class CurrentValues {
    /**
     * The reference's scrape format: its {@code prometheus_text} sample lines without timestamps
     * (Prometheus text exposition format 0.0.4, values in Rust's {@code f64} Display form).
     */
    static final PrometheusTextEncoder ENCODER = new PrometheusTextEncoder(null, false);

    /** Series by name, then labels, with {@code le} and {@code quantile} compared as numbers. */
    static final Comparator<Series> ORDER = (a, b) -> {
        int c = Labels.compareCodePoints(a.name(), b.name());
        if (c != 0) {
            return c;
        }
        Labels x = a.labels();
        Labels y = b.labels();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            c = Labels.compareCodePoints(x.key(i), y.key(i));
            if (c != 0) {
                return c;
            }
            String k = x.key(i);
            c = k.equals("le") || k.equals("quantile")
                    ? Double.compare(bound(x.value(i)), bound(y.value(i)))
                    : Labels.compareCodePoints(x.value(i), y.value(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };

    /** One series and its latest value. */
    static final class Slot {
        final Series series;
        final EncodedSeries encoded;
        volatile double value;

        Slot(Series series) {
            this.series = series;
            this.encoded = ENCODER.series(series.name(), series.labels());
        }

        /** Appends {@code name{labels} value\n}. */
        void write(ByteBuf out) {
            ENCODER.encode(encoded, value, 0, out);
        }
    }

    private final ConcurrentHashMap<Series, Slot> slots = new ConcurrentHashMap<>();

    void put(Series series, double value) {
        Slot s = slots.get(series);
        if (s == null) {
            s = slots.computeIfAbsent(series, Slot::new);
        }
        s.value = value;
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Every series with its value, in exposition order. */
    List<Slot> sorted() {
        List<Slot> out = new ArrayList<>(slots.values());
        out.sort((p, q) -> ORDER.compare(p.series, q.series));
        return out;
    }

    private static double bound(String text) {
        try {
            return text.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
