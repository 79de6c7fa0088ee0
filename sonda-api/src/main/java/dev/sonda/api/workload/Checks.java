package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import java.time.Duration;

/** Checks shared by the {@code validate} methods of this package's records; not API. */
final class Checks {
    private Checks() {}

    /**
     * Adds {@code "<key> must be greater than zero"} at {@code <path>.<key>} when the duration is
     * zero or negative; a null duration (not set) passes.
     */
    static void positive(Duration d, String path, String key, Problems problems) {
        if (d != null && (d.isZero() || d.isNegative())) {
            problems.add(path + "." + key, key + " must be greater than zero");
        }
    }

    /**
     * Adds {@code "<key> must be at least <min>, got <value>"} at {@code <path>.<key>} when the
     * value is below {@code min}.
     */
    static void atLeast(long value, long min, String path, String key, Problems problems) {
        if (value < min) {
            problems.add(path + "." + key, key + " must be at least " + min + ", got " + value);
        }
    }
}
