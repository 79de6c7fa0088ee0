package dev.sonda.api;

import java.util.Locale;

/** Log severity, lowest to highest, as in Sonda 1.20 {@code model/log.rs}. */
public enum Severity {
    /** {@code trace}. */
    TRACE,
    /** {@code debug}. */
    DEBUG,
    /** {@code info}. */
    INFO,
    /** {@code warn} (YAML also accepts {@code warning}). */
    WARN,
    /** {@code error}. */
    ERROR,
    /** {@code fatal}. */
    FATAL;

    /**
     * The lowercase name written by encoders and read from YAML.
     *
     * @return such as {@code info}
     */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity as the reference's {@code parse_severity}: case-insensitive {@code trace},
     * {@code debug}, {@code info}, {@code warn} or {@code warning}, {@code error}, {@code fatal}.
     *
     * @param text the severity text
     * @return the severity
     * @throws IllegalArgumentException for anything else
     */
    public static Severity parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        switch (s) {
            case "trace":
                return TRACE;
            case "debug":
                return DEBUG;
            case "info":
                return INFO;
            case "warn":
            case "warning":
                return WARN;
            case "error":
                return ERROR;
            case "fatal":
                return FATAL;
            default:
                throw new IllegalArgumentException("unknown severity '" + text
                        + "': expected one of trace, debug, info, warn, warning, error, fatal");
        }
    }
}
