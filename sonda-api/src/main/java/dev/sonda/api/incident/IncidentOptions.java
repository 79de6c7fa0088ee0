package dev.sonda.api.incident;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a user changes in an incident pattern without editing it. Immutable; start from {@link
 * #defaults()} and change with the {@code with...} methods.
 *
 * @param duration how long the scenario runs, or null for the pattern's default
 * @param interval the RED metrics' sampling interval (default 5 s)
 * @param severity scale of the incident's faults, 0 and above (default 1: {@link #HIGH})
 * @param seed the seed of the traces and of the noise's placement (default 42)
 * @param services the services, at least two, names unique (default {@link
 *     Topology#STANDARD_SERVICES}, ten of them)
 * @param rate root requests per second, or null for the pattern's default (5, or 50 for {@code
 *     high-volume})
 * @param start the timestamp anchor of every entry, or null for the run's start
 * @param sinks where each signal goes
 */
public record IncidentOptions(
        Duration duration,
        Duration interval,
        double severity,
        long seed,
        List<String> services,
        Double rate,
        Instant start,
        Sinks sinks) {

    /** Severity {@code low}. */
    public static final double LOW = 0.4;

    /** Severity {@code medium}. */
    public static final double MEDIUM = 0.7;

    /** Severity {@code high}, the default. */
    public static final double HIGH = 1.0;

    /** The default sampling interval: 5 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Where the four signals go; a null sink is the entry's default (standard output for the
     * traces and events entries; the traces entry's sink for its logs and metrics).
     *
     * @param traces the spans' sink, or null
     * @param logs the log lines' sink, or null
     * @param metrics the RED metrics' sink, or null
     * @param events the events' sink, or null
     */
    public record Sinks(SinkSpec traces, SinkSpec logs, SinkSpec metrics, SinkSpec events) {
        /** Everything to standard output, interleaved. */
        public static final Sinks STDOUT = new Sinks(null, null, null, null);

        /**
         * The fixture layout: {@code traces.ndjson}, {@code logs.ndjson}, {@code metrics.ndjson}
         * and {@code events.ndjson} in {@code directory}.
         *
         * @param directory the directory, written as given (relative to the working directory when
         *     relative)
         * @return the sinks
         */
        public static Sinks files(String directory) {
            String d = directory.endsWith("/") ? directory : directory + "/";
            return new Sinks(
                    SinkSpec.file(d + "traces.ndjson"),
                    SinkSpec.file(d + "logs.ndjson"),
                    SinkSpec.file(d + "metrics.ndjson"),
                    SinkSpec.file(d + "events.ndjson"));
        }
    }

    /**
     * Creates the record, copying the services.
     *
     * @param duration the duration, or null
     * @param interval the sampling interval
     * @param severity the fault scale
     * @param seed the seed
     * @param services the services
     * @param rate the request rate, or null
     * @param start the timestamp anchor, or null
     * @param sinks where each signal goes, null for {@link Sinks#STDOUT}
     * @throws NullPointerException if {@code interval} or {@code services} is null
     */
    public IncidentOptions {
        Objects.requireNonNull(interval, "interval");
        services = List.copyOf(services);
        sinks = sinks == null ? Sinks.STDOUT : sinks;
    }

    /**
     * Every default: the pattern's duration and rate, a 5 s interval, severity 1, seed 42, the ten
     * standard services, no fixed start, standard output.
     *
     * @return the options
     */
    public static IncidentOptions defaults() {
        return new IncidentOptions(
                null, DEFAULT_INTERVAL, HIGH, DEFAULT_SEED, Topology.STANDARD_SERVICES, null, null, Sinks.STDOUT);
    }

    /**
     * These options with another duration.
     *
     * @param duration positive
     * @return the new options
     */
    public IncidentOptions withDuration(Duration duration) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with another sampling interval.
     *
     * @param interval positive
     * @return the new options
     */
    public IncidentOptions withInterval(Duration interval) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with another severity.
     *
     * @param severity 0 and above; {@link #LOW}, {@link #MEDIUM}, {@link #HIGH}
     * @return the new options
     */
    public IncidentOptions withSeverity(double severity) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with another seed.
     *
     * @param seed any 64-bit value
     * @return the new options
     */
    public IncidentOptions withSeed(long seed) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with other services; the standard ten get the standard graph, any other list
     * a generic one ({@link Topology#of}).
     *
     * @param services at least two names, unique
     * @return the new options
     */
    public IncidentOptions withServices(List<String> services) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with another request rate.
     *
     * @param rate root requests per second, above 0
     * @return the new options
     */
    public IncidentOptions withRate(double rate) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with a fixed timestamp anchor.
     *
     * @param start the instant the scenario's timeline starts at
     * @return the new options
     */
    public IncidentOptions withStart(Instant start) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * These options with other sinks.
     *
     * @param sinks where each signal goes
     * @return the new options
     */
    public IncidentOptions withSinks(Sinks sinks) {
        return new IncidentOptions(duration, interval, severity, seed, services, rate, start, sinks);
    }

    /**
     * Reads a severity: {@code low}, {@code medium}, {@code high} or a number.
     *
     * @param text the text
     * @return the severity
     * @throws IllegalArgumentException for anything else or a negative number
     */
    public static double parseSeverity(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "low":
                return LOW;
            case "medium":
                return MEDIUM;
            case "high":
                return HIGH;
            default:
                double d = DurationText.parseRustFloat(text);
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("invalid severity '" + text
                            + "': expected low, medium, high or a number 0 or above (1 is high)");
                }
                return d;
        }
    }

    /**
     * Adds every problem of these options.
     *
     * @param problems collector of problems found, with paths named after the options ({@code
     *     services}, {@code duration}, ...)
     */
    public void validate(Problems problems) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            problems.add("duration", "duration must be greater than zero, got " + DurationText.format(duration));
        }
        if (interval.isZero() || interval.isNegative()) {
            problems.add("interval", "interval must be greater than zero, got " + DurationText.format(interval));
        }
        if (!(severity >= 0) || Double.isInfinite(severity)) {
            problems.add("severity", "severity must be 0 or above, got " + FloatText.display(severity));
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            problems.add("rate", "rate must be positive, got " + FloatText.display(rate));
        }
        if (services.size() < 2) {
            problems.add("services", "an incident needs at least two services, got " + services.size());
        }
        if (new HashSet<>(services).size() != services.size()
                || services.stream().anyMatch(String::isBlank)) {
            problems.add("services", "service names must be unique and not blank, got " + services);
        }
    }
}
