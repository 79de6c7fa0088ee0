package dev.sonda.engine.workload;

import java.util.Locale;

/**
 * How much a workload logs (Mockingbird's levels, for {@code POST /control/loglevel}): a message
 * is written when its level is at least the workload's. Workloads log tick overruns (WARNING) and
 * spikes starting and ending (INFO).
 */
public enum LogLevel {
    /** Everything. */
    DEBUG,
    /** Spikes and other changes. */
    INFO,
    /** Ticks that overran their interval, sink failures. */
    WARNING,
    /** Failures only. */
    ERROR,
    /** Nothing but failures that stop the workload. */
    CRITICAL;

    /**
     * Parses a level name, in any case.
     *
     * @param name such as {@code debug}
     * @return the level
     * @throws IllegalArgumentException naming the valid levels, if {@code name} is none of them
     */
    public static LogLevel parse(String name) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (LogLevel l : values()) {
            if (l.name().equals(upper)) {
                return l;
            }
        }
        throw new IllegalArgumentException(
                "Invalid log level: " + upper + "; use DEBUG, INFO, WARNING, ERROR or CRITICAL");
    }
}
