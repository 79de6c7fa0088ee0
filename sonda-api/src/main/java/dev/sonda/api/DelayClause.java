package dev.sonda.api;

import java.time.Duration;

/**
 * Debounce of {@code while:} transitions (YAML {@code delay:}).
 *
 * <p>Build one with {@link #of(Duration, Duration)} and the {@code with...} copies, which take
 * primitives: {@code DelayClause.of(Duration.ZERO, Duration.ofSeconds(30)).withSnapTo(0)} is YAML
 * {@code delay: {open: 0s, close: {duration: 30s, snap_to: 0}}}.
 *
 * @param open how long the gate must stay open before emission resumes, null or zero for none
 * @param close how long the gate must stay closed before emission pauses, null or zero for none
 * @param snapTo value written once per series when the gate closes (YAML {@code close.snap_to}),
 *     or null
 * @param staleMarker whether a remote-write stale marker is written on close (YAML {@code
 *     close.stale_marker}), or null for the sink's default
 */
public record DelayClause(Duration open, Duration close, Double snapTo, Boolean staleMarker) {

    /**
     * A debounce with no {@code snap_to} and no {@code stale_marker} (YAML {@code delay: {open,
     * close}}).
     *
     * @param open how long the gate must stay open before emission resumes; zero or null for none
     * @param close how long the gate must stay closed before emission pauses; zero or null for none
     * @return the clause
     */
    public static DelayClause of(Duration open, Duration close) {
        return new DelayClause(open, close, null, null);
    }

    /**
     * A copy that writes {@code value} once per series when the gate closes (YAML {@code
     * delay.close.snap_to}). A build rejects it with {@code stale_marker: false}, and rejects a
     * NaN or infinite value.
     *
     * @param value the recovery sample, finite
     * @return the new clause
     */
    public DelayClause withSnapTo(double value) {
        return new DelayClause(open, close, value, staleMarker);
    }

    /**
     * A copy that sets whether a remote-write stale marker is written on close (YAML {@code
     * delay.close.stale_marker}). {@code true} needs {@code sink.type: remote_write} unless {@code
     * snap_to} is set.
     *
     * @param staleMarker whether to write the marker
     * @return the new clause
     */
    public DelayClause withStaleMarker(boolean staleMarker) {
        return new DelayClause(open, close, snapTo, staleMarker);
    }
}
