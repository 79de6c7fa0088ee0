package dev.sonda.yaml;

import dev.sonda.api.InvalidScenarioException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A scenario file could not be loaded: it is not valid YAML, not a v2 scenario, or breaks one or
 * more rules of the format. Carries every problem found, each with its YAML path, line and column;
 * the message lists them one per line as {@code file:line:column: path: message}.
 */
public final class ScenarioParseException extends InvalidScenarioException {
    private static final long serialVersionUID = 1L;

    /** Name of the scenario text, such as its file path. */
    private final String sourceName;

    /** The problems with their positions, immutable. */
    @SuppressWarnings("serial") // List.copyOf returns a serializable list
    private final List<LocatedProblem> located;

    /**
     * Creates the exception.
     *
     * @param sourceName name of the scenario text, such as its file path
     * @param located every problem found with its position, at least one
     * @throws IllegalArgumentException if {@code located} is empty
     * @throws NullPointerException if an argument is null
     */
    public ScenarioParseException(String sourceName, List<LocatedProblem> located) {
        super(located.stream().map(LocatedProblem::problem).toList());
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.located = List.copyOf(located);
    }

    /**
     * The name of the scenario text, as given to the loader.
     *
     * @return the source name
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * Every problem found with its position, in file order.
     *
     * @return the located problems, immutable, never empty
     */
    public List<LocatedProblem> located() {
        return located;
    }

    /**
     * The problems, one per line, each as {@code file:line:column: path: message}.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return located.stream().map(p -> p.render(sourceName)).collect(Collectors.joining("\n"));
    }
}
