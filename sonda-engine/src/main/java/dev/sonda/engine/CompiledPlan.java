package dev.sonda.engine;

import dev.sonda.api.ScenarioPlan;
import java.util.List;
import java.util.Objects;

/**
 * A plan ready to run: its entries compiled, in order, each with what it runs already built.
 * Immutable; one compiled plan can be started any number of times.
 *
 * @param plan the IR it was compiled from
 * @param entries the compiled entries
 * @param warnings what compilation noticed without refusing the plan (such as a csv_replay file
 *     whose cadence overrides the entry's rate), one line each
 */
public record CompiledPlan(ScenarioPlan plan, List<CompiledEntry> entries, List<String> warnings) {
    /**
     * Creates the record, copying the lists.
     *
     * @param plan the IR
     * @param entries the compiled entries
     * @param warnings what compilation noticed, possibly empty
     * @throws NullPointerException if an argument is null
     */
    public CompiledPlan {
        Objects.requireNonNull(plan, "plan");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /**
     * A compiled plan without warnings.
     *
     * @param plan the IR
     * @param entries the compiled entries
     */
    public CompiledPlan(ScenarioPlan plan, List<CompiledEntry> entries) {
        this(plan, entries, List.of());
    }
}
