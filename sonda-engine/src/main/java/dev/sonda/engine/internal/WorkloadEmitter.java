package dev.sonda.engine.internal;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.workload.internal.WorkloadEngine;
import java.util.List;

/**
 * Not API. A workload entry's emitter: each tick generates and publishes every series of every
 * metric ({@link WorkloadEngine#tick}), shows it to the run's observer, and every {@code push.every}
 * hands it to the outlet one {@link SeriesBatch} per metric. A failed push under {@code
 * on_sink_error: warn} is counted in the self-metric {@code gen_export_errors_total} for the
 * sink's type and that metric.
 */
final class WorkloadEmitter extends Emitter {
    private final WorkloadEngine engine;
    private final String exporter;

    WorkloadEmitter(CompiledEntry entry, RunContext run, WorkloadEngine engine) {
        super(entry, run);
        this.engine = engine;
        this.exporter = entry.sink().type();
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        engine.tick(tick, epochNanos);
        if (observer != null) {
            for (SeriesBatch b : engine.batches(false)) {
                observer.onBatch(entry, b);
            }
        }
        if (!engine.pushDue(tick)) {
            return true;
        }
        List<SeriesBatch> batches = engine.batches(true);
        engine.pushing(exporter, 1);
        try {
            for (SeriesBatch b : batches) {
                if (!out.batch(b)) {
                    engine.pushFailed(exporter, b.name());
                }
            }
        } finally {
            engine.pushing(exporter, 0);
        }
        return true;
    }
}
