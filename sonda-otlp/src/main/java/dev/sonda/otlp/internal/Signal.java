package dev.sonda.otlp.internal;

/**
 * The three OTLP signals a sink exports, each to its own service and path ({@code
 * opentelemetry/proto/collector/{metrics,logs,trace}/v1}): what an export request holds and how a
 * receiver counts what it rejects.
 */
public enum Signal {
    /** {@code MetricsService/Export}, {@code /v1/metrics}; counted in data points. */
    METRICS("/v1/metrics", "data points"),
    /** {@code LogsService/Export}, {@code /v1/logs}; counted in log records. */
    LOGS("/v1/logs", "log records"),
    /** {@code TraceService/Export}, {@code /v1/traces}; counted in spans. */
    TRACES("/v1/traces", "spans");

    private final String path;
    private final String items;

    Signal(String path, String items) {
        this.path = path;
        this.items = items;
    }

    /**
     * The OTLP/HTTP path appended to the endpoint.
     *
     * @return such as {@code /v1/traces}
     */
    public String path() {
        return path;
    }

    /**
     * What the receiver counts in a partial success, plural.
     *
     * @return such as {@code data points}
     */
    public String items() {
        return items;
    }
}
