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
 */
public final class EncodingSink implements Sink {
    private final ByteSink out;
    private final MetricEncoder metricEncoder;
    private final LogEncoder logEncoder;
    private final SpanEncoder spanEncoder;
    private final EventEncoder eventEncoder;
    private final ByteBuf buf = new ByteBuf(512);
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
        this(out, metricEncoder, logEncoder, null, null);
    }

    /**
     * Creates the adapter for every signal kind.
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
        this.out = Objects.requireNonNull(out, "out");
        this.metricEncoder = metricEncoder;
        this.logEncoder = logEncoder;
        this.spanEncoder = spanEncoder;
        this.eventEncoder = eventEncoder;
    }

    /**
     * An adapter around {@code out} with the encoders of {@code context}.
     *
     * @param out the byte sink
     * @param context the entry's sink context
     * @return the adapter
     */
    public static EncodingSink of(ByteSink out, SinkContext context) {
        return new EncodingSink(
                out, context.metricEncoder(), context.logEncoder(), context.spanEncoder(), context.eventEncoder());
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
        metricEncoder.encode((EncodedSeries) series, value, epochNanos, buf);
        out.write(buf.array(), 0, buf.length());
        bytes += buf.length();
    }

    @Override
    public void log(LogRecord record) {
        if (logEncoder == null) {
            throw new EncodeException("no log encoder for log record");
        }
        buf.clear();
        logEncoder.encode(record, buf);
        out.write(buf.array(), 0, buf.length());
        bytes += buf.length();
    }

    @Override
    public void span(SpanRecord span) {
        if (spanEncoder == null) {
            throw new EncodeException("no span encoder for span records");
        }
        buf.clear();
        spanEncoder.encode(span, buf);
        out.write(buf.array(), 0, buf.length());
        bytes += buf.length();
    }

    @Override
    public void event(EventRecord event) {
        if (eventEncoder == null) {
            throw new EncodeException("no event encoder for event records");
        }
        buf.clear();
        eventEncoder.encode(event, buf);
        out.write(buf.array(), 0, buf.length());
        bytes += buf.length();
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
        out.flush();
    }

    @Override
    public boolean lastWriteDelivered() {
        return out.lastWriteDelivered();
    }

    @Override
    public void close() {
        out.close();
    }
}
