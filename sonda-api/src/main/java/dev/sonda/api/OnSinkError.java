package dev.sonda.api;

/** What a run does when its sink fails (YAML {@code on_sink_error}, default {@link #WARN}). */
public enum OnSinkError {
    /** {@code warn}: count the error, print a rate-limited warning and keep going. */
    WARN("warn"),
    /** {@code fail}: stop this entry with the error. */
    FAIL("fail");

    private final String yamlName;

    OnSinkError(String yamlName) {
        this.yamlName = yamlName;
    }

    /**
     * The YAML spelling.
     *
     * @return {@code warn} or {@code fail}
     */
    public String yamlName() {
        return yamlName;
    }
}
