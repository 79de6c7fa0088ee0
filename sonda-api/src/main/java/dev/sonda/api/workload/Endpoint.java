package dev.sonda.api.workload;

import dev.sonda.api.Names;
import dev.sonda.api.Problems;
import java.util.Objects;

/**
 * Where a workload listens over HTTP: its pull endpoint (YAML {@code scrape:}) or its control API
 * (YAML {@code control:}).
 *
 * <p>The pull endpoint serves {@code /metrics} (and every other path, as Prometheus client
 * libraries do) in the Prometheus text format 0.0.4, or OpenMetrics 1.0.0 when the scraper's
 * {@code Accept} asks for it, gzip-compressed when {@code Accept-Encoding} allows; it writes the
 * latest complete tick, every series of it, followed by the self-metrics.
 *
 * @param bindAddress the address to listen on (YAML {@code bind_address}); {@code 0.0.0.0} when
 *     null
 * @param port the TCP port, 0 to 65535 (0 picks a free one)
 * @param prefix prepended to every metric name on this endpoint, self-metrics included (YAML
 *     {@code prefix}), or null for none; the pull endpoint only
 * @param timestamps whether each sample carries its tick's timestamp (YAML {@code timestamps});
 *     the pull endpoint only, false by default, so the scraper stamps the samples
 */
public record Endpoint(String bindAddress, int port, String prefix, boolean timestamps) {

    /** The default bind address: every interface, as Mockingbird. */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    /**
     * An endpoint on every interface.
     *
     * @param port the port
     * @return the endpoint
     */
    public static Endpoint port(int port) {
        return new Endpoint(null, port, null, false);
    }

    /**
     * This endpoint with another prefix.
     *
     * @param prefix the prefix, or null
     * @return the new endpoint
     */
    public Endpoint withPrefix(String prefix) {
        return new Endpoint(bindAddress, port, prefix, timestamps);
    }

    /**
     * This endpoint with sample timestamps on or off.
     *
     * @param timestamps whether samples carry their tick's timestamp
     * @return the new endpoint
     */
    public Endpoint withTimestamps(boolean timestamps) {
        return new Endpoint(bindAddress, port, prefix, timestamps);
    }

    /**
     * This endpoint on another address.
     *
     * @param bindAddress the address, or null for every interface
     * @return the new endpoint
     */
    public Endpoint withBindAddress(String bindAddress) {
        return new Endpoint(bindAddress, port, prefix, timestamps);
    }

    /**
     * The effective bind address.
     *
     * @return {@link #bindAddress()}, or {@code 0.0.0.0}
     */
    public String effectiveBindAddress() {
        return Objects.requireNonNullElse(bindAddress, DEFAULT_BIND_ADDRESS);
    }

    /**
     * Adds every problem of the settings.
     *
     * @param path where the block sits, such as {@code workload.scrape}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (port < 0 || port > 65535) {
            problems.add(path + ".port", "port must be from 0 to 65535, got " + port);
        }
        if (prefix != null && !prefix.isEmpty() && !Names.isMetricName(prefix)) {
            problems.add(
                    path + ".prefix",
                    "prefix \"" + prefix + "\" would make invalid metric names: use [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        if (bindAddress != null && bindAddress.isBlank()) {
            problems.add(path + ".bind_address", "bind_address must not be empty; leave it out for 0.0.0.0");
        }
    }
}
