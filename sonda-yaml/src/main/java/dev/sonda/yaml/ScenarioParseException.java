package dev.sonda.yaml;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** The plan as read when it was whole, else null; not serialized. */
    private final transient ScenarioPlan plan;

    /**
     * Creates the exception.
     *
     * @param sourceName name of the scenario text, such as its file path
     * @param located every problem found with its position, at least one
     * @throws IllegalArgumentException if {@code located} is empty
     * @throws NullPointerException if an argument is null
     */
    public ScenarioParseException(String sourceName, List<LocatedProblem> located) {
        this(sourceName, located, null);
    }

    /**
     * Creates the exception with the plan as read, for a file whose every entry could be built and
     * whose problems are only the format's value rules (a rate of 0, a negative jitter, ...).
     *
     * @param sourceName name of the scenario text, such as its file path
     * @param located every problem found with its position, at least one
     * @param plan the plan as read, with its source positions, or null when the file's structure
     *     was incomplete
     * @throws IllegalArgumentException if {@code located} is empty
     * @throws NullPointerException if {@code sourceName} or {@code located} is null
     */
    public ScenarioParseException(String sourceName, List<LocatedProblem> located, ScenarioPlan plan) {
        super(located.stream().map(LocatedProblem::problem).toList());
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.located = List.copyOf(located);
        this.plan = plan;
    }

    /**
     * The plan as read, when every entry of the file could be built and only value rules failed:
     * compiling it ({@code Sonda.compile}) finds the problems of the next stage (unknown generator,
     * encoder or sink types, a wrong {@code after.ref}, ...), so a caller can report them together
     * with these. Empty when the file's structure itself was wrong, or after deserialization.
     *
     * @return the plan with its source positions, or empty
     */
    public Optional<ScenarioPlan> plan() {
        return Optional.ofNullable(plan);
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
