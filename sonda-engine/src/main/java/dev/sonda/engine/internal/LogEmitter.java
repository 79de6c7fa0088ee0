package dev.sonda.engine.internal;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogGenerator;
import dev.sonda.engine.log.MutableLogRecord;

/**
 * Not API. Log records: the log generator's event of the tick, stamped with the tick's time and the
 * tick's label set ({@link LabelSpace}; label sets are built once per combination), delivered to
 * the sink as a typed record.
 */
final class LogEmitter extends Emitter {
    private final LogGenerator generator;
    private final LabelSpace labels;
    private LongMap<Labels> byKey;
    private final MutableLogRecord scratch = new MutableLogRecord();

    LogEmitter(CompiledEntry entry, RunContext run) {
        super(entry, run);
        this.generator = entry.runtime().logGenerator();
        this.labels = new LabelSpace(Labels.of(entry.labels()), entry.dynamicLabels(), entry.cardinalitySpikes());
        if (labels.varies() && labels.exact()) {
            byKey = new LongMap<>();
        }
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        LogRecord event = generator.generate(tick, epochNanos, labels(tick, t), scratch);
        if (!out.log(event)) {
            return false;
        }
        if (observer != null) {
            observer.onLog(entry, event);
        }
        if (run.listener() != null) {
            ByteBuf buf = listenerBuffer();
            buf.clear();
            entry.runtime().logEncoder().encode(event, buf);
            run.listener().onLog(entry, LogEvent.copyOf(event), buf);
        }
        return true;
    }

    private Labels labels(long tick, long t) {
        if (!labels.varies()) {
            return labels.base();
        }
        if (byKey == null) {
            return labels.labels(tick, t);
        }
        long key = labels.key(tick, t);
        Labels l = byKey.get(key);
        if (l == null) {
            l = labels.labels(tick, t);
            byKey.put(key, l);
        }
        return l;
    }
}
