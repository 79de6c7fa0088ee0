package dev.sonda.api;

/** The kinds of signal an entry can generate (YAML {@code signal_type}). */
public enum SignalType {
    /** {@code metrics}: one value per tick from a value generator. */
    METRICS("metrics"),
    /** {@code logs}: one log event per tick from a log generator. */
    LOGS("logs"),
    /** {@code histogram}: bucket counts, sum and count from a distribution. */
    HISTOGRAM("histogram"),
    /** {@code summary}: quantiles, sum and count from a distribution. */
    SUMMARY("summary"),
    /** {@code traces}: one trace of a service graph per tick, with its logs and RED metrics. */
    TRACES("traces"),
    /** {@code events}: infrastructure events at given points of the entry's timeline. */
    EVENTS("events"),
    /** {@code workload}: every series of label-space profiles on every tick. */
    WORKLOAD("workload");

    private final String yamlName;

    SignalType(String yamlName) {
        this.yamlName = yamlName;
    }

    /**
     * The YAML spelling.
     *
     * @return such as {@code metrics}
     */
    public String yamlName() {
        return yamlName;
    }
}
