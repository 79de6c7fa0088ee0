package dev.sonda.yaml;

import dev.sonda.api.ScenarioPlan;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file that loaded, with the warnings found while reading it: keys of a {@code type:}
 * block that its provider never reads (a misspelling such as {@code repat}, or a key of another
 * type), each with its path, line, column and a did-you-mean, such as {@code
 * scenarios[0].generator.repat: unknown key 'repat' for generator type 'sequence'; did you mean
 * 'repeat'?}.
 *
 * @param plan the plan
 * @param warnings the warnings in file order, possibly empty
 */
public record LoadResult(ScenarioPlan plan, List<LocatedProblem> warnings) {
    /**
     * Creates the record, copying the warnings.
     *
     * @param plan the plan
     * @param warnings the warnings in file order
     * @throws NullPointerException if an argument is null
     */
    public LoadResult {
        Objects.requireNonNull(plan, "plan");
        warnings = List.copyOf(warnings);
    }
}
