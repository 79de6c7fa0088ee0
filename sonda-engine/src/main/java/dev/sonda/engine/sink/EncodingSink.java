package dev.sonda.engine.sink;

import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.EventEncoder;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.encode.SpanEncoder;
import dev.sonda.engine.log.LogEncoder;
import java.util.Objects;

/**
 * The one adapter from typed data to a byte-stream sink: encodes each sample with the entry's
 * {@link MetricEncoder}, each log record with its {@link LogEncoder}, each span with its {@link
 * SpanEncoder} and each infrastructure event with its {@link EventEncoder}, then writes the record's
 * bytes with one {@link ByteSink#write} call (so a udp sink sends one datagram per line, as the
 * reference does). Not thread-safe, like every sink.
 *
 * <p>Delivery: built with a {@link Delivery} ({@link #of}), the adapter offers it to the byte sink
 * ({@link ByteSink#reportTo}); a byte sink that declines is counted here, one record per write: a
 * write that returns is delivered, one that throws (or whose record cannot be encoded) dropped.
 * Those counts reach the {@link Delivery} in chunks of up to 1,024 records, and on every drop,
 * {@link #flush()} and {@link #close()}, so a reader of the run's stats may see them trail by that
 * much while the entry runs.
 */
public final class EncodingSink implements Sink {
    private final ByteSink out;
    private final MetricEncoder metricEncoder;
    private final LogEncoder logEncoder;
    private final SpanEncoder spanEncoder;
    private final EventEncoder eventEncoder;
    private final ByteBuf buf = new ByteBuf(512);
    private final Delivery delivery;
    private final boolean counting;
    private long confirmed;
    private long bytes;

    /**
     * Creates the adapter.
     *
     * @param out the byte sink
     * @param metricEncoder encodes samples, or null when the entry has no metrics
     * @param logEncoder encodes log records, or null when the entry has no logs
     * @throws NullPointerException if {@code out} is null
     */
    public EncodingSink(ByteSink out, MetricEncoder metricEncoder, LogEncoder logEncoder) {
        this(out, metricEncoder, logEncoder, null, null, null);
    }

    /**
     * Creates the adapter, reporting delivery to {@code delivery}.
     *
     * @param out the byte sink
     * @param metricEncoder encodes samples, or null when the entry has no metrics
     * @param logEncoder encodes log records, or null when the entry has no logs
     * @param delivery where records are reported, or null for none (then {@link #reportsDelivery()}
     *     is false and the engine counts calls)
     * @throws NullPointerException if {@code out} is null
     */
    public EncodingSink(ByteSink out, MetricEncoder metricEncoder, LogEncoder logEncoder, Delivery delivery) {
        this(out, metricEncoder, logEncoder, null, null, delivery);
    }

    /**
     * Creates the adapter for every signal kind, without delivery reports.
     *
     * @param out the byte sink
     * @param metricEncoder encodes samples, or null
     * @param logEncoder encodes log records, or null
     * @param spanEncoder encodes spans, or null
     * @param eventEncoder encodes infrastructure events, or null
     * @throws NullPointerException if {@code out} is null
     */
    public EncodingSink(
            ByteSink out,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            SpanEncoder spanEncoder,
            EventEncoder eventEncoder) {
        this(out, metricEncoder, logEncoder, spanEncoder, eventEncoder, null);
    }

    /**
     * Creates the adapter for every signal kind, reporting delivery to {@code delivery}.
     *
     * @param out the byte sink
     * @param metricEncoder encodes samples, or null
     * @param logEncoder encodes log records, or null
     * @param spanEncoder encodes spans, or null
     * @param eventEncoder encodes infrastructure events, or null
     * @param delivery where records are reported, or null for none (then {@link #reportsDelivery()}
     *     is false and the engine counts calls)
     * @throws NullPointerException if {@code out} is null
     */
    public EncodingSink(
            ByteSink out,
            MetricEncoder metricEncoder,
            LogEncoder logEncoder,
            SpanEncoder spanEncoder,
            EventEncoder eventEncoder,
            Delivery delivery) {
        this.out = Objects.requireNonNull(out, "out");
        this.metricEncoder = metricEncoder;
        this.logEncoder = logEncoder;
        this.spanEncoder = spanEncoder;
        this.eventEncoder = eventEncoder;
        this.delivery = delivery;
        this.counting = delivery != null && !out.reportTo(delivery);
    }

    /**
     * An adapter around {@code out} with the encoders and the delivery counter of {@code context}.
     *
     * @param out the byte sink
     * @param context the entry's sink context
     * @return the adapter
     */
    public static EncodingSink of(ByteSink out, SinkContext context) {
        return new EncodingSink(
                out,
                context.metricEncoder(),
                context.logEncoder(),
                context.spanEncoder(),
                context.eventEncoder(),
                context.delivery());
    }

    /**
     * The byte sink written to.
     *
     * @return the byte sink
     */
    public ByteSink byteSink() {
        return out;
    }

    @Override
    public Object prepare(Series series) {
        if (metricEncoder == null) {
            throw new EncodeException("no metric encoder for series " + series);
        }
        return metricEncoder.series(series.name(), series.labels());
    }

    @Override
    public void sample(Object series, long epochNanos, double value) {
        buf.clear();
        try {
            metricEncoder.encode((EncodedSeries) series, value, epochNanos, buf);
        } catch (RuntimeException e) {
            unencoded(e);
            throw e;
        }
        write();
    }

    @Override
    public void log(LogRecord record) {
        buf.clear();
        try {
            if (logEncoder == null) {
                throw new EncodeException("no log encoder for log record");
            }
            logEncoder.encode(record, buf);
        } catch (RuntimeException e) {
            unencoded(e);
            throw e;
        }
        write();
    }

    private void write() {
        if (!counting) {
            out.write(buf.array(), 0, buf.length());
            bytes += buf.length();
            return;
        }
        try {
            out.write(buf.array(), 0, buf.length());
        } catch (RuntimeException e) {
            report();
            delivery.dropped(1, String.valueOf(e.getMessage()));
            throw e;
        }
        bytes += buf.length();
        if (++confirmed == 1024) {
            report();
        }
    }

    /** A record that never reached the byte sink: dropped, whoever counts. */
    private void unencoded(RuntimeException e) {
        if (delivery != null) {
            report();
            delivery.dropped(1, "could not be encoded: " + e.getMessage());
        }
    }

    private void report() {
        if (confirmed > 0) {
            long n = confirmed;
            confirmed = 0;
            delivery.delivered(n);
        }
    }

    /**
     * True when the adapter was given a {@link Delivery}: it reports for its byte sink, or lets the
     * byte sink report.
     *
     * @return whether records are reported
     */
    @Override
    public boolean reportsDelivery() {
        return delivery != null;
    }

    @Override
    public void span(SpanRecord span) {
        buf.clear();
        try {
            if (spanEncoder == null) {
                throw new EncodeException("no span encoder for span records");
            }
            spanEncoder.encode(span, buf);
        } catch (RuntimeException e) {
            unencoded(e);
            throw e;
        }
        write();
    }

    @Override
    public void event(EventRecord event) {
        buf.clear();
        try {
            if (eventEncoder == null) {
                throw new EncodeException("no event encoder for event records");
            }
            eventEncoder.encode(event, buf);
        } catch (RuntimeException e) {
            unencoded(e);
            throw e;
        }
        write();
    }

    /**
     * The bytes of the last record written (valid until the next call).
     *
     * @return the buffer
     */
    public ByteBuf lastRecord() {
        return buf;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void flush() {
        report();
        out.flush();
    }

    @Override
    public boolean lastWriteDelivered() {
        return out.lastWriteDelivered();
    }

    @Override
    public void close() {
        report();
        out.close();
    }
}
