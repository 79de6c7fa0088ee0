package dev.sonda.engine.workload;

import java.util.Locale;

/** The text formats a workload's pull endpoint writes. */
public enum ExpositionFormat {
    /** Prometheus text exposition format 0.0.4. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0.0 text format, ending with {@code # EOF}. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * The HTTP {@code Content-Type} of a response in this format.
     *
     * @return the media type with its version and charset
     */
    public String contentType() {
        return contentType;
    }

    /**
     * The format a scraper asks for: OpenMetrics when its {@code Accept} header names {@code
     * application/openmetrics-text} (as Prometheus sends), else the text format 0.0.4, as
     * Prometheus client libraries negotiate.
     *
     * @param accept the {@code Accept} header, or null
     * @return the format
     */
    public static ExpositionFormat fromAccept(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPENMETRICS
                : PROMETHEUS_TEXT;
    }
}
