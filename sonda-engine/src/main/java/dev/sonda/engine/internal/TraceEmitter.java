package dev.sonda.engine.internal;

import dev.sonda.api.MetricType;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.trace.TraceModel;
import dev.sonda.engine.trace.TracePipeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. A traces entry: each tick is one request of the service graph ({@link TracePipeline}),
 * whose spans, log lines and RED samples go out in time order; log lines and samples through their
 * own sinks when the entry gives them one ({@link Outlet#openLogs}, {@link Outlet#openMetrics}). A
 * tick counts when everything it released was delivered. A pause releases every span and log line
 * waiting; the end also writes the last interval's metrics.
 */
final class TraceEmitter extends Emitter implements TracePipeline.Output {
    private static final List<String> UNITS = List.of("req/s", "%", "ms", "ms", "ms", "ms");

    private final TracePipeline pipeline;
    private final TraceModel model;
    private Out[][] red;
    private boolean ok;

    TraceEmitter(CompiledEntry entry, RunContext run) {
        super(entry, run);
        this.model = entry.runtime().traceModel();
        this.pipeline = new TracePipeline(model, entry.rate(), entry.labels(), this);
    }

    @Override
    void start(Outlet out) {
        super.start(out);
        CompiledEntry.Runtime rt = entry.runtime();
        if (rt.logsSink() != null) {
            out.openLogs(run.openSink(entry, rt.logsSink(), context(out, null, rt.logEncoder())));
        }
        if (rt.metricsSink() != null) {
            out.openMetrics(run.openSink(entry, rt.metricsSink(), context(out, rt.metricEncoder(), null)));
        }
        if (model.spec().metrics() != null) {
            List<String> services = model.serviceNames();
            red = new Out[services.size()][RedMetrics.NAMES.size()];
            for (int i = 0; i < services.size(); i++) {
                for (int j = 0; j < RedMetrics.NAMES.size(); j++) {
                    Map<String, String> labels = new HashMap<>(entry.labels());
                    labels.put("service", services.get(i));
                    labels.put("unit", UNITS.get(j));
                    red[i][j] = prepare(Series.of(RedMetrics.NAMES.get(j), Labels.of(labels), MetricType.GAUGE));
                }
            }
        }
    }

    private SinkContext context(Outlet out, MetricEncoder metrics, LogEncoder logs) {
        return new SinkContext(
                entry.name(), entry.labels(), run.clock(), run.diagnostics(), metrics, logs, out.delivery());
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        ok = true;
        pipeline.request(tick, t, epochNanos);
        return ok;
    }

    @Override
    void closeEmit() {
        if (out != null && out.isOpen()) {
            pipeline.drain();
        }
    }

    @Override
    void end() {
        if (out != null && out.isOpen()) {
            pipeline.finish();
        }
    }

    @Override
    public void span(SpanRecord span) {
        if (!out.span(span)) {
            ok = false;
            return;
        }
        if (observer != null) {
            observer.onSpan(entry, span);
        }
        if (run.listener() != null) {
            ByteBuf buf = listenerBuffer();
            buf.clear();
            entry.runtime().spanEncoder().encode(span, buf);
            run.listener().onSpan(entry, span, buf);
        }
    }

    @Override
    public void log(LogRecord record) {
        if (!out.log(record)) {
            ok = false;
            return;
        }
        if (observer != null) {
            observer.onLog(entry, record);
        }
        if (run.listener() != null) {
            ByteBuf buf = listenerBuffer();
            buf.clear();
            entry.runtime().logEncoder().encode(record, buf);
            run.listener().onLog(entry, LogEvent.copyOf(record), buf);
        }
    }

    @Override
    public void sample(int service, int metric, long epochNanos, double value) {
        if (!deliver(red[service][metric], epochNanos, value)) {
            ok = false;
        }
    }
}
