package dev.sonda.api.event;

import java.util.Locale;

/** How serious an infrastructure event is (YAML {@code severity:}, NDJSON {@code "severity"}). */
public enum EventSeverity {
    /** {@code info} (the default). */
    INFO,
    /** {@code warning}. */
    WARNING,
    /** {@code error}. */
    ERROR,
    /** {@code critical}. */
    CRITICAL;

    private final String yamlName = name().toLowerCase(Locale.ROOT);

    /**
     * The YAML and NDJSON spelling.
     *
     * @return such as {@code warning}
     */
    public String yamlName() {
        return yamlName;
    }
}
