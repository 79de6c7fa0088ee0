package dev.sonda.cli;

import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DurationText;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Signal;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code --verbose} output (Sonda 1.20 {@code status.rs}, §2.4.4): the version line, then one
 * {@code [config]} block per entry with its resolved configuration. On a run with a {@code while:}
 * gate only the version line prints, as in the reference.
 */
final class Verbose {
    /** The version line. */
    static final String VERSION_LINE = "sonda 0.1.0 (JVM) — synthetic telemetry generator";

    private Verbose() {}

    /** Prints the version line and, unless an entry is gated, every entry's block. */
    static void print(CompiledPlan plan, PrintStream err) {
        err.println(VERSION_LINE);
        if (plan.entries().stream().anyMatch(e -> e.whileClause() != null)) {
            return;
        }
        int n = plan.entries().size();
        for (CompiledEntry e : plan.entries()) {
            if (n > 1 && e.index() > 0) {
                err.println("───");
            }
            err.println("[config] " + (n > 1 ? "[" + (e.index() + 1) + "/" + n + "] " : "") + e.name());
            err.println();
            block(e, err);
            err.println();
        }
    }

    private static void block(CompiledEntry e, PrintStream err) {
        Entry src = e.source();
        field(err, "name:", e.name());
        field(err, "signal:", e.signalType().yamlName());
        field(err, "rate:", FloatText.display(e.rate()) + "/s");
        field(err, "duration:", e.duration() == null ? "indefinite" : DurationText.format(e.duration()));
        Signal s = src.signal();
        if (s instanceof Signal.Metrics m) {
            field(err, "generator:", Texts.generator(m.generator()));
        } else if (s instanceof Signal.Logs l) {
            field(err, "generator:", Texts.logGenerator(l.generator()));
        } else if (s instanceof Signal.Histogram h) {
            field(
                    err,
                    "buckets:",
                    h.buckets().equals(Signal.DEFAULT_BUCKETS) ? "default (Prometheus)" : list(h.buckets()));
            field(err, "distribution:", h.distribution().toString());
            field(err, "obs/tick:", Integer.toString(h.observationsPerTick()));
        } else if (s instanceof Signal.Summary sm) {
            field(
                    err,
                    "quantiles:",
                    sm.quantiles().equals(Signal.DEFAULT_QUANTILES)
                            ? "default " + list(sm.quantiles())
                            : list(sm.quantiles()));
            field(err, "distribution:", sm.distribution().toString());
            field(err, "obs/tick:", Integer.toString(sm.observationsPerTick()));
        }
        field(err, "encoder:", Texts.encoder(e.encoder()));
        field(err, "sink:", Texts.sink(e.sink()));
        if (!e.labels().isEmpty()) {
            field(err, "labels:", labels(e.labels()));
        }
        if (e.gaps() != null) {
            field(
                    err,
                    "gaps:",
                    "every " + DurationText.format(e.gaps().every()) + ", for "
                            + DurationText.format(e.gaps().forDuration()));
        }
        if (e.bursts() != null) {
            field(
                    err,
                    "bursts:",
                    "every " + DurationText.format(e.bursts().every()) + ", for "
                            + DurationText.format(e.bursts().forDuration()) + ", multiplier "
                            + FloatText.display(e.bursts().multiplier()) + "x");
        }
        for (CardinalitySpike c : e.cardinalitySpikes()) {
            field(
                    err,
                    "spikes:",
                    "label=" + c.label() + ", every " + DurationText.format(c.every()) + ", for "
                            + DurationText.format(c.forDuration()) + ", cardinality=" + c.cardinality());
        }
        for (DynamicLabel d : e.dynamicLabels()) {
            field(
                    err,
                    "dynamic:",
                    "key=" + d.key() + ", "
                            + (d.values().isEmpty()
                                    ? "counter (prefix=\"" + (d.prefix() == null ? "" : d.prefix()) + "\", cardinality="
                                            + d.cardinality() + ")"
                                    : "values " + shortList(d.values())));
        }
        if (src.jitter() != null && src.jitter() > 0) {
            field(
                    err,
                    "jitter:",
                    "+/-" + FloatText.display(src.jitter())
                            + (src.jitterSeed() == null ? "" : ", seed: " + Long.toUnsignedString(src.jitterSeed())));
        }
        if (!e.phaseOffset().isZero()) {
            field(err, "phase_offset:", DurationText.format(e.phaseOffset()));
        }
        if (e.clockGroup() != null) {
            field(err, "clock_group:", e.clockGroup() + (e.clockGroupAuto() ? " (auto)" : ""));
        }
    }

    private static void field(PrintStream err, String label, String value) {
        err.println("  " + String.format("%-14s", label) + " " + value);
    }

    static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels)
                .entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", "));
    }

    private static String list(List<Double> values) {
        return values.stream().map(FloatText::display).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A list as the reference shortens it: more than 5 values show the first two and the count. */
    private static String shortList(List<String> values) {
        if (values.size() <= 5) {
            return "[" + String.join(", ", values) + "]";
        }
        return "[" + values.get(0) + ", " + values.get(1) + ", ... " + values.size() + " total]";
    }
}
