package dev.sonda.api;

import java.time.Duration;

/**
 * Debounce of {@code while:} transitions (YAML {@code delay:}).
 *
 * @param open how long the gate must stay open before emission resumes, null or zero for none
 * @param close how long the gate must stay closed before emission pauses, null or zero for none
 * @param snapTo value written once per series when the gate closes (YAML {@code close.snap_to}),
 *     or null
 * @param staleMarker whether a remote-write stale marker is written on close (YAML {@code
 *     close.stale_marker}), or null for the sink's default
 */
public record DelayClause(Duration open, Duration close, Double snapTo, Boolean staleMarker) {}
