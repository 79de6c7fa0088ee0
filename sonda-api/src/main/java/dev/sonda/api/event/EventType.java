package dev.sonda.api.event;

import java.util.Locale;

/** The kind of an infrastructure event (YAML {@code type:}, NDJSON {@code "type"}). */
public enum EventType {
    /** {@code deployment}: a new version rolled out. */
    DEPLOYMENT,
    /** {@code config_change}: configuration changed. */
    CONFIG_CHANGE,
    /** {@code scale}: replicas added or removed. */
    SCALE,
    /** {@code restart}: instances restarted. */
    RESTART,
    /** {@code alert}: an alert fired or resolved. */
    ALERT;

    private final String yamlName = name().toLowerCase(Locale.ROOT);

    /**
     * The YAML and NDJSON spelling.
     *
     * @return such as {@code config_change}
     */
    public String yamlName() {
        return yamlName;
    }
}
