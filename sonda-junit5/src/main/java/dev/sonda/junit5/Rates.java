package dev.sonda.junit5;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Event rates over fixed windows, for {@link Series#rates(Duration)} and {@link
 * Logs#rates(Duration)}. Not API.
 *
 * <p>The windows are {@code [first + k·w, first + (k+1)·w)} for {@code k = 0, 1, ...}, where {@code
 * first} is the earliest timestamp, and only complete windows count: those ending at or before the
 * latest timestamp. The rate of a window is the number of events stamped inside it divided by
 * {@code w} in seconds. At a steady rate {@code r} every complete window holds {@code r·w} events
 * (give or take one when {@code r·w} is not whole), so the rates read back as {@code r}.
 */
final class Rates {
    private Rates() {}

    /**
     * The rate of each complete window.
     *
     * @param nanos the timestamps, epoch nanoseconds, any order
     * @param size how many of {@code nanos} to read
     * @param window the window length, above zero
     * @return events per second per window, in time order; empty when no window is complete
     * @throws IllegalArgumentException if {@code window} is zero or negative
     */
    static double[] perWindow(long[] nanos, int size, Duration window) {
        long w = window.toNanos();
        if (w <= 0) {
            throw new IllegalArgumentException("the rate window must be above zero, got " + window);
        }
        if (size == 0) {
            return new double[0];
        }
        long[] t = Arrays.copyOf(nanos, size);
        Arrays.sort(t);
        long first = t[0];
        long span = t[size - 1] - first;
        int windows = (int) Math.min(span / w, Integer.MAX_VALUE);
        double[] out = new double[windows];
        double seconds = w / 1e9;
        int i = 0;
        for (int k = 0; k < windows; k++) {
            long end = first + (k + 1) * w;
            int n = 0;
            while (i < size && t[i] < end) {
                n++;
                i++;
            }
            out[k] = n / seconds;
        }
        return out;
    }

    /**
     * Renders rates for messages: the count, min and max, and the first few.
     *
     * @param rates the rates
     * @param window the window
     * @return such as {@code 6 windows of 10s, 0.9/s to 1.1/s: [1, 1, 1.1, ...]}
     */
    static String describe(double[] rates, Duration window) {
        if (rates.length == 0) {
            return "no complete window of " + Text.duration(window) + " between the first and the last event";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : rates) {
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        StringBuilder sb = new StringBuilder()
                .append(rates.length)
                .append(rates.length == 1 ? " window of " : " windows of ")
                .append(Text.duration(window))
                .append(", ")
                .append(Text.value(min))
                .append("/s to ")
                .append(Text.value(max))
                .append("/s: [");
        for (int k = 0; k < Math.min(rates.length, 12); k++) {
            sb.append(k == 0 ? "" : ", ").append(Text.value(rates[k]));
        }
        return sb.append(rates.length > 12 ? ", ...]" : "]").toString();
    }

    /**
     * Checks every window's rate against {@code [min, max]}: the expectation and, when it fails,
     * what was found, for an assertion message.
     *
     * @param rates the rates of the complete windows
     * @param min the lowest acceptable rate
     * @param max the highest acceptable rate
     * @param window the window length
     * @param first the offset of the first window's start
     * @return null when every window is within and there is one; else the "found" text
     */
    static String outside(double[] rates, double min, double max, Duration window, Duration first) {
        List<String> outside = new ArrayList<>();
        for (int k = 0; k < rates.length; k++) {
            if (rates[k] < min || rates[k] > max) {
                outside.add(Text.value(rates[k]) + "/s in the window from "
                        + Text.offset(first.plus(window.multipliedBy(k))));
            }
        }
        if (rates.length > 0 && outside.isEmpty()) {
            return null;
        }
        return (outside.isEmpty()
                        ? ""
                        : outside.size() + " windows do not ("
                                + String.join("; ", outside.subList(0, Math.min(5, outside.size()))) + "); ")
                + describe(rates, window);
    }

    /**
     * The expectation of a rate check, for an assertion message.
     *
     * @param min the lowest acceptable rate
     * @param max the highest acceptable rate
     * @param window the window length
     * @return such as {@code to have a rate between 0.9/s and 1.1/s in every window of 1m}
     */
    static String expectation(double min, double max, Duration window) {
        return "to have a rate between " + Text.value(min) + "/s and " + Text.value(max) + "/s in every window of "
                + Text.duration(window);
    }
}
