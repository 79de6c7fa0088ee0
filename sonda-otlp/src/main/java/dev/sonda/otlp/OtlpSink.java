package dev.sonda.otlp;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.sink.BatchPolicy;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.otlp.internal.Envelope;
import dev.sonda.otlp.internal.GrpcTransport;
import dev.sonda.otlp.internal.HttpTransport;
import dev.sonda.otlp.internal.LogBatch;
import dev.sonda.otlp.internal.MetricBatch;
import dev.sonda.otlp.internal.Transport;
import dev.sonda.otlp.internal.Versions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code otlp_grpc} and {@code otlp_http} sinks: typed metrics or logs batched into OTLP
 * export requests ({@code ExportMetricsServiceRequest} / {@code ExportLogsServiceRequest},
 * OpenTelemetry protocol 1.x) and sent over gRPC or HTTP. Sonda 1.20 {@code sink/otlp_grpc.rs}
 * sends every sample as its own gauge; this sink sends the data types a collector expects.
 *
 * <p><b>Request.</b> One {@code ResourceMetrics} / {@code ResourceLogs} whose resource attributes
 * are the entry's static labels ({@link SinkContext#labels()}) overlaid by the sink's {@code
 * resource_attributes}, sorted by key; one scope {@code sonda} with this library's version. Metrics
 * map as {@link dev.sonda.otlp.internal.MetricBatch} describes: gauges to {@code Gauge}, counters to
 * monotonic cumulative {@code Sum}, histogram ticks to {@code HistogramDataPoint}s (explicit bounds,
 * per-bucket counts, sum, count, cumulative), summary ticks to {@code SummaryDataPoint}s, each point
 * with {@code start_time_unix_nano} the series' first sample time. Log records carry their time,
 * severity number and text, body and attributes (labels, then fields), as the {@code otlp} encoder
 * writes them ({@link OtlpLogEncoder}).
 *
 * <p><b>Batching.</b> After each completed data point or log record, the batch is sent when it
 * holds {@code batch_size} (default {@value #DEFAULT_BATCH_SIZE}) points or records, or when {@code
 * max_buffer_age} (default 5 s, on the run's clock) has passed since the last send ({@link
 * BatchPolicy}). The batch is removed before sending, so a failed send never re-queues it.
 *
 * <p><b>Delivery.</b> Counted in samples (a histogram point is its bucket, sum and count samples)
 * and log records: {@link Delivery#delivered} after an acknowledged request, {@link
 * Delivery#dropped} for a failed one (then the {@link SinkException} propagates to the entry's
 * {@code on_sink_error} policy) and for the points a gRPC receiver rejects in a partial success
 * (scaled from data points to samples), which also writes {@code sonda: otlp_grpc sink: receiver
 * rejected {n} of {m} data points: {message}} to the diagnostics.
 *
 * <p>Threading: one caller at a time ({@link Sink}); a send blocks until the response and any
 * retry backoff complete.
 */
public final class OtlpSink implements Sink {
    /** Default {@code batch_size}: 5 data points or log records. */
    public static final int DEFAULT_BATCH_SIZE = 5;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    private final String type;
    private final boolean metrics;
    private final Transport transport;
    private final BatchPolicy policy;
    private final Delivery delivery;
    private final Consumer<String> diagnostics;
    private final MetricBatch metricBatch;
    private final LogBatch logBatch;
    private final ByteBuf request = new ByteBuf(8192);
    private boolean lastWriteDelivered = true;
    private long bytes;
    private boolean closed;

    private OtlpSink(SinkSpec.Otlp spec, SinkContext context, Function<Boolean, Transport> transport) {
        Objects.requireNonNull(spec, "spec");
        this.type = spec.type();
        this.metrics = signal(type, spec.signalType(), context);
        Map<String, String> resource = new LinkedHashMap<>(context.labels());
        resource.putAll(spec.resourceAttributes());
        Envelope envelope = new Envelope(resource, Versions.SONDA);
        this.metricBatch = metrics ? new MetricBatch(envelope) : null;
        this.logBatch = metrics ? null : new LogBatch(envelope);
        int size = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        this.policy = new BatchPolicy(size, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        this.delivery = context.delivery();
        this.diagnostics = context.diagnostics();
        this.transport = transport.apply(metrics);
    }

    /**
     * An {@code otlp_grpc} sink; its channel starts connecting now.
     *
     * @param spec the sink block
     * @param context the static labels (resource attributes), clock, diagnostics and delivery
     * @return the sink
     * @throws SinkException for an unusable endpoint or TLS settings, or a signal type that does not
     *     match the entry
     */
    public static OtlpSink grpc(SinkSpec.OtlpGrpc spec, SinkContext context) {
        return new OtlpSink(
                spec,
                context,
                m -> new GrpcTransport(
                        spec.endpoint(), m, spec.headers(), spec.tls(), spec.retry(), context.diagnostics()));
    }

    /**
     * An {@code otlp_http} sink. No connection is made until the first send.
     *
     * @param spec the sink block
     * @param context the static labels (resource attributes), clock, diagnostics and delivery
     * @return the sink
     * @throws SinkException for an unusable URL, header or TLS settings, or a signal type that does
     *     not match the entry
     */
    public static OtlpSink http(SinkSpec.OtlpHttp spec, SinkContext context) {
        return new OtlpSink(
                spec,
                context,
                m -> new HttpTransport(
                        spec.endpoint(), m, spec.headers(), spec.tls(), spec.retry(), context.diagnostics()));
    }

    private static boolean signal(String type, String signalType, SinkContext context) {
        boolean metrics = "metrics".equals(signalType);
        if (!metrics && !"logs".equals(signalType)) {
            throw new SinkException(type + " sink: signal_type must be metrics or logs, got '" + signalType + "'");
        }
        boolean logEntry = context.logEncoder() != null && context.metricEncoder() == null;
        boolean metricEntry = context.metricEncoder() != null && context.logEncoder() == null;
        if ((metrics && logEntry) || (!metrics && metricEntry)) {
            throw new SinkException(type + " sink has signal_type: " + signalType + " but entry '"
                    + context.entryName() + "' emits " + (logEntry ? "logs" : "metrics") + ": set signal_type: "
                    + (logEntry ? "logs" : "metrics"));
        }
        return metrics;
    }

    /**
     * Prepares a metric series (family, attributes, histogram or summary grouping).
     *
     * @param series the series
     * @return the prepared form
     * @throws SinkException if this sink sends logs
     */
    @Override
    public Object prepare(Series series) {
        if (!metrics) {
            throw new SinkException(type + " sink has signal_type: logs and cannot send the metric " + series.name()
                    + ": set signal_type: metrics");
        }
        return metricBatch.prepare(series);
    }

    /**
     * Adds a sample; a histogram or summary tick becomes one data point at its {@code _count}
     * sample. Sends the batch when it is due.
     *
     * @param series the prepared series
     * @param epochNanos the sample time
     * @param value the value
     * @throws SinkException if a due send failed; the batch is gone either way
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        lastWriteDelivered = false;
        if (metricBatch.add(series, epochNanos, value) && policy.due(metricBatch.points())) {
            send();
            lastWriteDelivered = true;
        }
    }

    /**
     * Adds a log record; sends the batch when it is due.
     *
     * @param record the record
     * @throws SinkException if a due send failed, or if this sink sends metrics
     */
    @Override
    public void log(LogRecord record) {
        if (metrics) {
            throw new SinkException(
                    type + " sink has signal_type: metrics and cannot send log records:" + " set signal_type: logs");
        }
        lastWriteDelivered = false;
        logBatch.add(record);
        if (policy.due(logBatch.count())) {
            send();
            lastWriteDelivered = true;
        }
    }

    /**
     * True when the context has a delivery counter: each request's samples are reported delivered
     * when the receiver acknowledges it and dropped when it fails or is refused.
     *
     * @return whether delivery is reported
     */
    @Override
    public boolean reportsDelivery() {
        return delivery != Delivery.NONE;
    }

    /**
     * True only when the latest write triggered a send that succeeded.
     *
     * @return whether everything written so far reached the receiver
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * Request bytes handed to the transport so far (protobuf, before gRPC framing or HTTP).
     *
     * @return the byte count
     */
    @Override
    public long bytes() {
        return bytes;
    }

    /**
     * Sends the buffered points or records, if any.
     *
     * @throws SinkException if the send failed
     */
    @Override
    public void flush() {
        if (buffered() > 0) {
            policy.sending();
            send();
        }
    }

    /**
     * Flushes, then shuts the transport down (a gRPC channel waits up to 5 s for calls in flight).
     * Parts of a histogram or summary tick that never completed are reported dropped.
     *
     * @throws SinkException if the final flush failed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            if (metrics && metricBatch.pendingSamples() > 0) {
                delivery.dropped(metricBatch.pendingSamples(), "incomplete histogram or summary tick at close");
            }
            transport.close();
        }
    }

    /**
     * Data points or log records waiting for the next send.
     *
     * @return the count
     */
    public int buffered() {
        return metrics ? metricBatch.points() : logBatch.count();
    }

    private void send() {
        long records;
        int items;
        request.clear();
        if (metrics) {
            records = metricBatch.samples();
            items = metricBatch.points();
            metricBatch.encode(request);
            metricBatch.clear();
        } else {
            records = logBatch.count();
            items = logBatch.count();
            logBatch.encode(request);
            logBatch.clear();
        }
        long rejected;
        try {
            rejected = transport.export(request.array(), request.length());
        } catch (SinkException e) {
            delivery.dropped(records, e.getMessage());
            throw e;
        }
        bytes += request.length();
        if (rejected > 0) {
            long dropped =
                    Math.min(records, records == items ? rejected : Math.round((double) rejected * records / items));
            String what = metrics ? "data points" : "log records";
            String message = transport.partialSuccessMessage();
            diagnostics.accept("sonda: " + type + " sink: receiver rejected " + rejected + " of " + items + " " + what
                    + (message.isEmpty() ? "" : ": " + message));
            delivery.dropped(dropped, "partial success: " + message);
            delivery.delivered(records - dropped);
        } else {
            delivery.delivered(records);
        }
    }
}
