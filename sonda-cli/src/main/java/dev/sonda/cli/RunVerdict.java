package dev.sonda.cli;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a finished run ends the command: exit 1 when an entry failed, and exit 1 when an entry
 * dropped records without having accepted drops ({@code on_sink_error: warn} written explicitly,
 * {@link CompiledEntry#acceptsDrops()}); otherwise 0. The second rule is a difference from the
 * reference, which exits 0 after any number of sink errors under its default {@code warn}: a
 * generator used to test a pipeline must not report success when telemetry was lost.
 */
final class RunVerdict {
    private RunVerdict() {}

    /**
     * The command's failure for a finished run, or null when it succeeded.
     *
     * @param plan the compiled plan that ran
     * @param run the finished run
     * @return the failure (exit 1), or null
     */
    static CliException failure(CompiledPlan plan, Run run) {
        List<RunFailure> failures = run.failures();
        if (!failures.isEmpty()) {
            return new CliException(failures.stream().map(Object::toString).collect(Collectors.joining("; ")), 1);
        }
        List<String> lost = new ArrayList<>();
        long total = 0;
        for (EntryStats s : run.stats().entries()) {
            CompiledEntry e = plan.entries().get(s.index());
            if (s.dropped() > 0 && !e.acceptsDrops()) {
                total += s.dropped();
                lost.add("scenario '" + s.name() + "' dropped " + s.dropped() + " of " + s.records() + " records"
                        + (s.dropReason() == null ? "" : " (last: " + s.dropReason() + ")"));
            }
        }
        if (lost.isEmpty()) {
            return null;
        }
        return new CliException(
                total + " record" + (total == 1 ? " was" : "s were") + " not delivered: " + String.join("; ", lost)
                        + ". Set on_sink_error: warn on the entry (or in defaults:) to accept dropped records,"
                        + " or on_sink_error: fail to stop at the first sink error.",
                1);
    }
}
