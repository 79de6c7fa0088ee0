package dev.sonda.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario is invalid. Carries every problem found, each with its path, not only the first; the
 * message lists them one per line.
 */
public class InvalidScenarioException extends SondaException {
    private static final long serialVersionUID = 1L;

    /** The problems, immutable. */
    @SuppressWarnings("serial") // List.copyOf returns a serializable list
    private final List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidScenarioException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidScenarioException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid scenario: " + problems.get(0);
        }
        return problems.size()
                + " problems in scenario:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /**
     * The same problems located through {@code map} (file, line and column), as a new exception;
     * this one when {@code map} is null.
     *
     * @param map the plan's source map, or null
     * @return the exception to throw
     */
    public InvalidScenarioException locate(SourceMap map) {
        if (map == null) {
            return this;
        }
        return new InvalidScenarioException(
                problems.stream().map(p -> p.locate(map)).toList());
    }

    /**
     * Every problem found, in the order found.
     *
     * @return the problems, immutable, never empty
     */
    public List<Problem> problems() {
        return problems;
    }
}
