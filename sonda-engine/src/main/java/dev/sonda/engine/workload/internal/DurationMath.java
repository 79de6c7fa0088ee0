package dev.sonda.engine.workload.internal;

import java.time.Duration;

/** Not API. Durations as seconds and ticks. */
final class DurationMath {
    private DurationMath() {}

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** Whole ticks in {@code d} at {@code rate}, at least 1. */
    static long ticks(Duration d, double rate) {
        return Math.max(1, Math.round(seconds(d) * rate));
    }
}
