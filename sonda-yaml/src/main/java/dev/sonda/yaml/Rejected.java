package dev.sonda.yaml;

import dev.sonda.api.Problem;
import java.util.List;

/**
 * Reading stopped at the first problem that makes the rest unreadable or too costly to read
 * (malformed YAML, invalid UTF-8, a {@link LoadLimits} limit exceeded): its path, message and
 * position, turned into a {@link ScenarioParseException} by the loader.
 */
final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Paths longer than this (long keys nested deep) are cut in the middle. */
    private static final int MAX_PATH = 200;

    /** The YAML path, empty when the problem is not inside a node. */
    final String path;

    /** Where in the original text. */
    final transient Loc loc;

    Rejected(String path, String message, Loc loc) {
        super(message, null, false, false);
        this.path = path.length() <= MAX_PATH
                ? path
                : path.substring(0, MAX_PATH / 2) + "..." + path.substring(path.length() - MAX_PATH / 2);
        this.loc = loc;
    }

    ScenarioParseException toException(String sourceName) {
        return new ScenarioParseException(
                sourceName, List.of(new LocatedProblem(new Problem(path, getMessage()), loc.line(), loc.column())));
    }
}
