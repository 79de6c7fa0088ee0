package dev.sonda.api;

import java.util.Objects;

/**
 * Where something is in a scenario's text: the source's name (a file path, a classpath resource,
 * {@code <request body>}) and a 1-based line and column in the text as written.
 *
 * @param source the name of the scenario text
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String source, int line, int column) {
    /**
     * Creates the record, checking its components.
     *
     * @param source the name of the scenario text
     * @param line 1-based line
     * @param column 1-based column
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public Location {
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /**
     * Renders the location as {@code source:line:column}.
     *
     * @return the location as text
     */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
