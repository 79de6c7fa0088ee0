package dev.sonda.api;

import java.util.Objects;

/**
 * One problem found in a scenario: where it is and what is wrong.
 *
 * @param path location in the scenario, in the YAML's own keys, such as {@code
 *     scenarios[2].after.ref}; empty for the file as a whole
 * @param message what was expected, what was found and what to do instead
 * @param location file, line and column when the scenario was read from text, else null
 */
public record Problem(String path, String message, Location location) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param path location in the scenario, in the YAML's own keys, such as {@code scenarios[2].after.ref}; empty for the file as a whole
     * @param message what was expected, what was found and what to do instead
     * @param location file, line and column, or null
     * @throws NullPointerException if a required component is null
     */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A problem without a location (a plan built in Java).
     *
     * @param path where, such as {@code scenarios[2].after.ref}
     * @param message what is wrong and what to do instead
     */
    public Problem(String path, String message) {
        this(path, message, null);
    }

    /**
     * This problem located through {@code map}; itself when it has a location or {@code map} is
     * null.
     *
     * @param map the plan's source map, or null
     * @return the located problem
     */
    public Problem locate(SourceMap map) {
        return location != null || map == null ? this : new Problem(path, message, map.locate(path));
    }

    /**
     * Renders the problem as {@code source:line:column: path: message} (without the location when
     * there is none, without the path when it is empty).
     *
     * @return the problem as one line
     */
    @Override
    public String toString() {
        String where = location == null ? "" : location + ": ";
        return where + (path.isEmpty() ? message : path + ": " + message);
    }
}
