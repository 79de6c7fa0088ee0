package dev.sonda.otlp;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.sink.BatchPolicy;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.otlp.internal.BatchRequest;
import dev.sonda.otlp.internal.Envelope;
import dev.sonda.otlp.internal.ExportBatch;
import dev.sonda.otlp.internal.GrpcTransport;
import dev.sonda.otlp.internal.HttpTransport;
import dev.sonda.otlp.internal.LogBatch;
import dev.sonda.otlp.internal.MetricBatch;
import dev.sonda.otlp.internal.Signal;
import dev.sonda.otlp.internal.SpanBatch;
import dev.sonda.otlp.internal.Transport;
import dev.sonda.otlp.internal.Versions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code otlp_grpc} and {@code otlp_http} sinks: typed metrics, log records, spans and
 * infrastructure events batched into OTLP export requests (OpenTelemetry protocol 1.x) and sent
 * over gRPC or HTTP. Sonda 1.20 {@code sink/otlp_grpc.rs} sends one signal, chosen by {@code
 * signal_type}, every sample as its own gauge; this sink sends every kind it receives, each to its
 * own service, as the data types a collector expects.
 *
 * <p><b>Kinds.</b> Each kind has its own batch and request: metric samples an {@code
 * ExportMetricsServiceRequest} ({@code MetricsService/Export}, {@code /v1/metrics}), log records and
 * infrastructure events an {@code ExportLogsServiceRequest} ({@code LogsService/Export}, {@code
 * /v1/logs}), spans an {@code ExportTraceServiceRequest} ({@code TraceService/Export}, {@code
 * /v1/traces}). So a traces entry's spans, the log line of each span and its RED metrics all reach
 * the collector through one sink, unless the entry gives its logs or metrics a sink of their own
 * ({@code traces.logs.sink}, {@code traces.metrics.sink}). {@code signal_type} (optional: {@code
 * metrics}, {@code logs}, {@code traces} or {@code events}) does not filter: when set, it must name
 * what the entry emits (histogram and summary entries emit {@code metrics}), as a check that the
 * sink block sits where its author meant it; a reference file's {@code signal_type: metrics} or
 * {@code logs} keeps working unchanged.
 *
 * <p><b>Requests.</b> Resource attributes: the entry's static labels ({@link SinkContext#labels()})
 * overlaid by the sink's {@code resource_attributes}, sorted by key; for spans one resource per
 * service, those attributes overlaid by the service's own and {@code service.name} ({@link
 * dev.sonda.otlp.internal.SpanBatch}). One scope {@code sonda} with this library's version. Metrics
 * map as {@link dev.sonda.otlp.internal.MetricBatch} describes: gauges to {@code Gauge}, counters
 * to monotonic cumulative {@code Sum}, histogram ticks to {@code HistogramDataPoint}s, summary
 * ticks to {@code SummaryDataPoint}s. Log records carry their time, severity, body and attributes
 * (labels, then fields) as the {@code otlp} encoder writes them ({@link OtlpLogEncoder}), plus
 * {@code trace_id} and {@code span_id} when their fields hold them; events become log records with
 * an {@code event_name} ({@link dev.sonda.otlp.internal.LogBatch}).
 *
 * <p><b>Batching.</b> Per kind: after each completed data point, log record, event or span, that
 * kind's batch is sent when it holds {@code batch_size} (default {@value #DEFAULT_BATCH_SIZE})
 * items (data points, records or spans), or when {@code max_buffer_age} (default 5 s, on the run's
 * clock) has passed since its last send ({@link BatchPolicy}). A batch is removed before sending,
 * so a failed send never re-queues it.
 *
 * <p><b>Delivery.</b> Counted in samples (a histogram point is its bucket, sum and count samples),
 * log records, events and spans: {@link Delivery#delivered} after an acknowledged request, {@link
 * Delivery#dropped} for a failed one (then the {@link SinkException} propagates to the entry's
 * {@code on_sink_error} policy) and for the items a gRPC receiver rejects in a partial success
 * (data points scaled to samples), which also writes {@code sonda: otlp_grpc sink: receiver
 * rejected {n} of {m} data points|log records|spans: {message}} to the diagnostics.
 *
 * <p>Threading: one caller at a time ({@link Sink}); a send blocks until the response and any
 * retry backoff complete.
 */
public final class OtlpSink implements Sink {
    /** Default {@code batch_size}: 5 data points, log records or spans. */
    public static final int DEFAULT_BATCH_SIZE = 5;

    /** Data points per request of a workload's batch when {@code batch_size} is unset. */
    public static final int DEFAULT_BATCH_POINTS = 5000;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    /** The values {@code signal_type} may take. */
    private static final List<String> SIGNAL_TYPES = List.of("metrics", "logs", "traces", "events");

    private final String type;
    private final Transport transport;
    private final Envelope envelope;
    private final Delivery delivery;
    private final Consumer<String> diagnostics;
    private final ExportBatch[] batches = new ExportBatch[Signal.values().length];
    private final BatchPolicy[] policies = new BatchPolicy[Signal.values().length];
    private final ByteBuf request = new ByteBuf(8192);
    private MetricBatch metricBatch;
    private LogBatch logBatch;
    private SpanBatch spanBatch;
    private final int batchPoints;
    private BatchRequest batchRequest;
    private boolean lastWriteDelivered = true;
    private long bytes;
    private boolean closed;

    private OtlpSink(SinkSpec.Otlp spec, SinkContext context, Supplier<Transport> transport) {
        Objects.requireNonNull(spec, "spec");
        this.type = spec.type();
        checkSignalType(type, spec.signalType(), context);
        Map<String, String> resource = new LinkedHashMap<>(context.labels());
        resource.putAll(spec.resourceAttributes());
        this.envelope = new Envelope(resource, Versions.SONDA);
        int size = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        this.batchPoints = spec.batchSize() == null || spec.batchSize() < 1 ? DEFAULT_BATCH_POINTS : spec.batchSize();
        for (int s = 0; s < policies.length; s++) {
            policies[s] = new BatchPolicy(size, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        }
        this.delivery = context.delivery();
        this.diagnostics = context.diagnostics();
        this.transport = transport.get();
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
                () -> new GrpcTransport(
                        spec.endpoint(), spec.headers(), spec.tls(), spec.retry(), context.diagnostics()));
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
                () -> new HttpTransport(
                        spec.endpoint(), spec.headers(), spec.tls(), spec.retry(), context.diagnostics()));
    }

    /**
     * What an entry emits, as {@code signal_type} names it, judged by the encoders its context
     * carries: a span encoder for a traces entry, an event encoder for an events entry, else a log
     * or a metric encoder alone. Null when the context does not say (no encoders, as in {@link
     * SinkContext#simple}).
     *
     * @param context the sink context
     * @return {@code traces}, {@code events}, {@code logs}, {@code metrics} or null
     */
    static String emits(SinkContext context) {
        if (context.spanEncoder() != null) {
            return "traces";
        }
        if (context.eventEncoder() != null) {
            return "events";
        }
        if (context.logEncoder() != null && context.metricEncoder() == null) {
            return "logs";
        }
        if (context.metricEncoder() != null && context.logEncoder() == null) {
            return "metrics";
        }
        return null;
    }

    private static void checkSignalType(String type, String signalType, SinkContext context) {
        if (signalType == null) {
            return;
        }
        if (!SIGNAL_TYPES.contains(signalType)) {
            throw new SinkException(
                    type + " sink: signal_type must be metrics, logs, traces or events, got '" + signalType + "'");
        }
        String emits = emits(context);
        if (emits != null && !emits.equals(signalType)) {
            throw new SinkException(type + " sink has signal_type: " + signalType + " but entry '"
                    + context.entryName() + "' emits " + emits + ": set signal_type: " + emits
                    + ", or leave it out (the sink sends every kind it receives)");
        }
    }

    private void open(ExportBatch batch) {
        batches[batch.signal().ordinal()] = batch;
    }

    /**
     * Prepares a metric series (family, attributes, histogram or summary grouping).
     *
     * @param series the series
     * @return the prepared form
     */
    @Override
    public Object prepare(Series series) {
        if (metricBatch == null) {
            metricBatch = new MetricBatch(envelope);
            open(metricBatch);
        }
        return metricBatch.prepare(series);
    }

    /**
     * Adds a sample; a histogram or summary tick becomes one data point at its {@code _count}
     * sample. Sends the metrics batch when it is due.
     *
     * @param series the prepared series
     * @param epochNanos the sample time
     * @param value the value
     * @throws SinkException if a due send failed; the batch is gone either way
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        lastWriteDelivered = false;
        if (metricBatch.add(series, epochNanos, value)) {
            sendIfDue(metricBatch);
        }
    }

    /**
     * Sends one workload metric's tick: what is buffered first, then the batch's points in
     * requests of {@code batch_size} points ({@value #DEFAULT_BATCH_POINTS} when unset), each
     * written straight from the batch's tables ({@link BatchRequest}) with no object per series.
     * Each request's samples (a point's buckets, sum and count included) are reported delivered
     * or dropped.
     *
     * @param batch the tick's series
     * @throws SinkException on a delivery failure
     */
    @Override
    public void batch(SeriesBatch batch) {
        flush();
        if (batchRequest == null) {
            batchRequest = new BatchRequest(envelope);
        }
        int per = batchPoints;
        for (int from = 0; from < batch.size(); from += per) {
            int to = Math.min(batch.size(), from + per);
            lastWriteDelivered = false;
            request.clear();
            batchRequest.write(batch, from, to, request);
            export(Signal.METRICS, (long) (to - from) * batch.parts(), to - from);
            lastWriteDelivered = true;
        }
    }

    /**
     * Adds a log record; sends the logs batch when it is due.
     *
     * @param record the record
     * @throws SinkException if a due send failed
     */
    @Override
    public void log(LogRecord record) {
        lastWriteDelivered = false;
        logs().add(record);
        sendIfDue(logBatch);
    }

    /**
     * Adds an infrastructure event as a log record to the logs batch; sends it when it is due.
     *
     * @param event the event
     * @throws SinkException if a due send failed
     */
    @Override
    public void event(EventRecord event) {
        lastWriteDelivered = false;
        logs().add(event);
        sendIfDue(logBatch);
    }

    /**
     * Adds a span; sends the traces batch when it is due.
     *
     * @param span the span
     * @throws SinkException if a due send failed
     */
    @Override
    public void span(SpanRecord span) {
        lastWriteDelivered = false;
        if (spanBatch == null) {
            spanBatch = new SpanBatch(envelope);
            open(spanBatch);
        }
        spanBatch.add(span);
        sendIfDue(spanBatch);
    }

    private LogBatch logs() {
        if (logBatch == null) {
            logBatch = new LogBatch(envelope);
            open(logBatch);
        }
        return logBatch;
    }

    private void sendIfDue(ExportBatch batch) {
        if (policies[batch.signal().ordinal()].due(batch.items())) {
            send(batch);
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
     * @return whether the latest write reached the receiver
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
     * Sends every kind's buffered items, if any. A failed send does not keep the other kinds from
     * being sent.
     *
     * @throws SinkException the first failure, with the others suppressed
     */
    @Override
    public void flush() {
        SinkException failure = null;
        for (int s = 0; s < batches.length; s++) {
            ExportBatch batch = batches[s];
            if (batch == null || batch.items() == 0) {
                continue;
            }
            policies[s].sending();
            try {
                send(batch);
            } catch (SinkException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
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
            if (metricBatch != null && metricBatch.pendingSamples() > 0) {
                delivery.dropped(metricBatch.pendingSamples(), "incomplete histogram or summary tick at close");
            }
            transport.close();
        }
    }

    /**
     * Data points, log records, events and spans waiting for the next send, all kinds together.
     *
     * @return the count
     */
    public int buffered() {
        int n = 0;
        for (ExportBatch b : batches) {
            n += b == null ? 0 : b.items();
        }
        return n;
    }

    private void send(ExportBatch batch) {
        long records = batch.records();
        int items = batch.items();
        request.clear();
        batch.encode(request);
        batch.clear();
        export(batch.signal(), records, items);
    }

    /** Exports the request in {@code request} and reports its records delivered or dropped. */
    private void export(Signal signal, long records, int items) {
        long rejected;
        try {
            rejected = transport.export(signal, request.array(), request.length());
        } catch (SinkException e) {
            delivery.dropped(records, e.getMessage());
            throw e;
        }
        bytes += request.length();
        if (rejected > 0) {
            long dropped =
                    Math.min(records, records == items ? rejected : Math.round((double) rejected * records / items));
            String message = transport.partialSuccessMessage();
            diagnostics.accept("sonda: " + type + " sink: receiver rejected " + rejected + " of " + items + " "
                    + signal.items() + (message.isEmpty() ? "" : ": " + message));
            delivery.dropped(dropped, "partial success: " + message);
            delivery.delivered(records - dropped);
        } else {
            delivery.delivered(records);
        }
    }
}
