package dev.sonda.api.workload;

import dev.sonda.api.Names;
import dev.sonda.api.Problems;
import java.time.Duration;

/**
 * How a workload pushes to its entry's {@code sink:} (YAML {@code push:}): how often, and with
 * what name prefix. Each push delivers the latest complete tick, every series of it, typed (a
 * remote_write {@code WriteRequest}, an OTLP export request; byte-stream sinks get one line per
 * sample from the entry's encoder).
 *
 * <p>Without a {@code push:} block a workload pushes every tick to its sink when the entry (or
 * the file's defaults) names a sink or the workload has no {@code scrape:} endpoint; a workload
 * that only serves {@code scrape:} pushes nothing.
 *
 * @param every the interval between pushes (YAML {@code every}), a whole number of ticks; every
 *     tick when null
 * @param prefix prepended to every metric name pushed (YAML {@code prefix}), or null
 * @param enabled false to push nothing at all (YAML {@code enabled})
 */
public record Push(Duration every, String prefix, boolean enabled) {

    /** Push nothing. */
    public static final Push NONE = new Push(null, null, false);

    /**
     * Pushes every {@code every} with a prefix.
     *
     * @param every the interval, or null for every tick
     * @param prefix the prefix, or null
     * @return the settings
     */
    public static Push every(Duration every, String prefix) {
        return new Push(every, prefix, true);
    }

    /**
     * Adds every problem of the settings.
     *
     * @param path where the block sits, such as {@code workload.push}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        Checks.positive(every, path, "every", problems);
        if (prefix != null && !prefix.isEmpty() && !Names.isMetricName(prefix)) {
            problems.add(
                    path + ".prefix",
                    "prefix \"" + prefix + "\" would make invalid metric names: use [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
    }
}
