package dev.sonda.engine.workload.internal;

import dev.sonda.api.DurationText;
import java.time.Duration;

/** Not API. Durations as ticks. */
final class DurationMath {
    private DurationMath() {}

    /** Whole ticks in {@code d} at {@code rate}, at least 1. */
    static long ticks(Duration d, double rate) {
        return Math.max(1, Math.round(DurationText.toSeconds(d) * rate));
    }
}
