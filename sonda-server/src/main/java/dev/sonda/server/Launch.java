package dev.sonda.server;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import java.util.List;

/**
 * One accepted {@code POST /scenarios} body: one run of its compiled plan, one handle per compiled
 * entry. The run's observer feeds each handle's current values.
 */
final class Launch implements RunObserver {
    final String scenarioName;
    final Secrets secrets;
    final ScenarioHandle[] handles;
    private volatile Run run;

    Launch(CompiledPlan plan, Secrets secrets, long launchedNanos, java.util.function.Supplier<String> ids) {
        this.scenarioName = plan.plan().scenarioName();
        this.secrets = secrets;
        List<CompiledEntry> entries = plan.entries();
        this.handles = new ScenarioHandle[entries.size()];
        for (CompiledEntry e : entries) {
            handles[e.index()] = new ScenarioHandle(ids.get(), this, e, launchedNanos);
        }
    }

    void started(Run run) {
        this.run = run;
    }

    Run run() {
        return run;
    }

    @Override
    public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {
        ScenarioHandle h = handles[entry.index()];
        h.values.put(series, value);
        h.lastSuccessEpochNanos = epochNanos;
    }

    @Override
    public void onLog(CompiledEntry entry, LogRecord record) {
        handles[entry.index()].lastSuccessEpochNanos = record.epochNanos();
    }
}
