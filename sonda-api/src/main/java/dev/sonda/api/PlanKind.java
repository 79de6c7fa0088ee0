package dev.sonda.api;

/** The kind of a scenario file (YAML {@code kind:}). */
public enum PlanKind {
    /** {@code runnable}: a list of entries to run. */
    RUNNABLE("runnable"),
    /** {@code composable}: a metric pack definition, never run on its own. */
    COMPOSABLE("composable");

    private final String yamlName;

    PlanKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /**
     * The YAML spelling.
     *
     * @return {@code runnable} or {@code composable}
     */
    public String yamlName() {
        return yamlName;
    }
}
