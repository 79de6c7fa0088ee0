package dev.sonda.api.incident;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The patterns of the incident library, with the names the catalog and {@code sonda fixtures} use
 * and where their fixtures go ({@code normal/}, {@code incidents/NAME/}, {@code noise/KIND/}, as
 * the telemetry-simulation seed lays them out).
 */
public enum IncidentPattern {
    /** {@code normal}: steady traffic with rare errors and routine events. */
    NORMAL("normal", "normal", Duration.ofSeconds(60), "steady traffic, rare errors, routine events"),
    /** {@code degradation}: latency climbing, timeouts, slow spans. */
    DEGRADATION(
            "degradation",
            "incidents/degradation",
            Duration.ofSeconds(60),
            "latency climbing in one service until its callers time out"),
    /** {@code outage}: database errors, connection failures, long query times. */
    OUTAGE("outage", "incidents/outage", Duration.ofSeconds(60), "the database refuses connections"),
    /** {@code cascade}: failures propagating along the graph, circuit breakers opening. */
    CASCADE(
            "cascade",
            "incidents/cascade",
            Duration.ofSeconds(90),
            "a bad deploy's failures spread up the graph and open circuit breakers"),
    /** {@code deployment}: a deploy event, then health-check failures and configuration errors. */
    DEPLOYMENT(
            "deployment",
            "incidents/deployment",
            Duration.ofSeconds(60),
            "a deployment fails its health checks and is rolled back"),
    /** {@code transient}: brief, isolated latency spikes (alert-suppression noise). */
    TRANSIENT("transient", "noise/transient", Duration.ofSeconds(60), "brief isolated latency spikes"),
    /** {@code high-volume}: ten times the traffic and no errors. */
    HIGH_VOLUME("high-volume", "noise/high_volume", Duration.ofSeconds(60), "ten times the traffic, no errors"),
    /** {@code intermittent}: scattered errors in 15% of the spans and log lines. */
    INTERMITTENT("intermittent", "noise/intermittent", Duration.ofSeconds(60), "scattered errors in 15% of requests");

    private final String patternName;
    private final String directory;
    private final Duration duration;
    private final String description;

    IncidentPattern(String patternName, String directory, Duration duration, String description) {
        this.patternName = patternName;
        this.directory = directory;
        this.duration = duration;
        this.description = description;
    }

    /**
     * The pattern's name: the catalog's {@code @name} and {@code sonda fixtures NAME}.
     *
     * @return such as {@code high-volume}
     */
    public String patternName() {
        return patternName;
    }

    /**
     * Where its fixtures go under the output directory.
     *
     * @return such as {@code noise/high_volume}
     */
    public String directory() {
        return directory;
    }

    /**
     * Its default duration: 90 s for {@code cascade}, 60 s for the others.
     *
     * @return the duration
     */
    public Duration defaultDuration() {
        return duration;
    }

    /**
     * One line on what it shows.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether it is one of the three noise patterns.
     *
     * @return true for transient, high-volume and intermittent
     */
    public boolean noise() {
        return directory.startsWith("noise/");
    }

    /**
     * The pattern of a name, also accepting {@code _} for {@code -} and any case.
     *
     * @param name such as {@code outage} or {@code high_volume}
     * @return the pattern, or empty
     */
    public static Optional<IncidentPattern> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(p -> p.patternName.equals(n)).findFirst();
    }
}
