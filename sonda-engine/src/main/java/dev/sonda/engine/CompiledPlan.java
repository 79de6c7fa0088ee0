package dev.sonda.engine;

import dev.sonda.api.ScenarioPlan;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A plan ready to run: its entries compiled, in order.
 *
 * @param plan the IR it was compiled from
 * @param entries the compiled entries
 */
public record CompiledPlan(ScenarioPlan plan, List<CompiledEntry> entries) {
    /**
     * Creates the record, copying {@code entries}.
     *
     * @param plan the IR
     * @param entries the compiled entries
     * @throws NullPointerException if an argument is null
     */
    public CompiledPlan {
        Objects.requireNonNull(plan, "plan");
        entries = List.copyOf(entries);
    }

    /**
     * Applies {@code change} to every entry, as the CLI's overrides do after compilation.
     *
     * @param change the change
     * @return a new plan
     */
    public CompiledPlan map(UnaryOperator<CompiledEntry> change) {
        return new CompiledPlan(plan, entries.stream().map(change).toList());
    }
}
