package dev.sonda.api;

import java.time.Duration;

/** Shared checks of {@code every}/{@code for} windows (gaps, bursts, cardinality spikes). */
final class Windows {
    private Windows() {}

    static void check(String block, Duration every, Duration forDuration, String path, Problems problems) {
        boolean ok = true;
        if (every.isNegative() || every.isZero()) {
            problems.add(path + ".every", block + ".every must be greater than zero");
            ok = false;
        }
        if (forDuration.isNegative() || forDuration.isZero()) {
            problems.add(path + ".for", block + ".for must be greater than zero");
            ok = false;
        }
        if (ok && forDuration.compareTo(every) >= 0) {
            problems.add(
                    path + ".for",
                    block + ".for (\"" + DurationText.format(forDuration) + "\") must be less than " + block
                            + ".every (\"" + DurationText.format(every) + "\")");
        }
    }
}
