package dev.sonda.api;

import java.util.Objects;

/**
 * One problem found in a scenario: where it is and what is wrong.
 *
 * @param path location in the scenario, in the YAML's own keys, such as {@code
 *     scenarios[2].after.ref}; empty for the file as a whole
 * @param message what was expected, what was found and what to do instead
 */
public record Problem(String path, String message) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param path location in the scenario, in the YAML's own keys, such as {@code scenarios[2].after.ref}; empty for the file as a whole
     * @param message what was expected, what was found and what to do instead
     * @throws NullPointerException if a required component is null
     */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Renders the problem as {@code path: message}, or the message alone when the path is empty.
     *
     * @return the problem as one line
     */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
