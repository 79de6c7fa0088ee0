package dev.sonda.api;

/**
 * The Prometheus metric type announced in {@code # TYPE} lines by scrape endpoints (YAML {@code
 * metric_type}); scenario runs never write it.
 */
public enum MetricType {
    /** {@code gauge}. */
    GAUGE("gauge"),
    /** {@code counter}. */
    COUNTER("counter"),
    /** {@code histogram}. */
    HISTOGRAM("histogram"),
    /** {@code summary}. */
    SUMMARY("summary"),
    /** {@code untyped}. */
    UNTYPED("untyped");

    private final String yamlName;

    MetricType(String yamlName) {
        this.yamlName = yamlName;
    }

    /**
     * The YAML spelling.
     *
     * @return such as {@code gauge}
     */
    public String yamlName() {
        return yamlName;
    }
}
