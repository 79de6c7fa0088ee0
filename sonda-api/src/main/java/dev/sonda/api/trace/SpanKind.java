package dev.sonda.api.trace;

import java.util.Locale;

/** The role of a span in its trace, as OpenTelemetry's {@code SpanKind} (YAML {@code kind:}). */
public enum SpanKind {
    /** {@code server}: handles a request from a remote caller (the default). */
    SERVER,
    /** {@code client}: a request to a remote service, such as a database query. */
    CLIENT,
    /** {@code internal}: work inside one service. */
    INTERNAL,
    /** {@code producer}: hands a message to a broker. */
    PRODUCER,
    /** {@code consumer}: processes a message from a broker. */
    CONSUMER;

    private final String yamlName = name().toLowerCase(Locale.ROOT);

    /**
     * The YAML and NDJSON spelling.
     *
     * @return such as {@code server}
     */
    public String yamlName() {
        return yamlName;
    }

    /**
     * The OTLP {@code Span.SpanKind} number (OpenTelemetry protocol {@code trace.proto}): 1
     * internal, 2 server, 3 client, 4 producer, 5 consumer.
     *
     * @return the number
     */
    public int otlpNumber() {
        return switch (this) {
            case INTERNAL -> 1;
            case SERVER -> 2;
            case CLIENT -> 3;
            case PRODUCER -> 4;
            case CONSUMER -> 5;
        };
    }
}
