package dev.sonda.yaml;

import dev.sonda.api.Problem;
import java.util.Objects;

/**
 * A {@link Problem} of a scenario file together with where it is in that file.
 *
 * @param problem the problem: its YAML path (such as {@code scenarios[2].after.ref}) and message
 * @param line 1-based line in the file as written (before environment interpolation)
 * @param column 1-based column in that line
 */
public record LocatedProblem(Problem problem, int line, int column) {
    /**
     * Creates the record, checking its components.
     *
     * @param problem the problem: its YAML path (such as {@code scenarios[2].after.ref}) and message
     * @param line 1-based line in the file as written (before environment interpolation)
     * @param column 1-based column in that line
     * @throws NullPointerException if {@code problem} is null
     */
    public LocatedProblem {
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Renders the problem as {@code source:line:column: path: message} (the path is left out when
     * empty).
     *
     * @param sourceName the file name or other label of the scenario text
     * @return the problem as one entry of an error listing
     */
    public String render(String sourceName) {
        return sourceName + ":" + line + ":" + column + ": " + problem;
    }
}
