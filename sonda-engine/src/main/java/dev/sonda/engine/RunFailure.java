package dev.sonda.engine;

/**
 * An entry that ended with an error: a sink that could not be opened, a sink error under {@code
 * on_sink_error: fail}, a failed final flush under {@code fail}, or an encoder error.
 *
 * @param index the entry's position in the compiled plan
 * @param name the entry's name
 * @param error what went wrong
 */
public record RunFailure(int index, String name, Throwable error) {
    /**
     * Renders the failure as {@code scenario '<name>': <message>}.
     *
     * @return the failure as one line
     */
    @Override
    public String toString() {
        return "scenario '" + name + "': " + error.getMessage();
    }
}
