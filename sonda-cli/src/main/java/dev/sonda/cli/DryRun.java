package dev.sonda.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.DurationText;
import dev.sonda.api.Signal;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code --dry-run} output, as Sonda 1.20's {@code sonda/src/dry_run.rs} prints it. */
final class DryRun {
    private DryRun() {}

    static void print(String file, CompiledPlan plan, String format, PrintStream err, PrintStream out) {
        int n = plan.entries().size();
        String noun = n == 1 ? "scenario" : "scenarios";
        if ("json".equals(format)) {
            out.println(json(file, plan));
            out.flush();
            return;
        }
        if (!"text".equals(format)) {
            throw new CliException("invalid --format \"" + format + "\"; valid values: text, json", 2);
        }
        err.println("[config] file: " + file + " (version: 2, " + n + " " + noun + ")");
        for (CompiledEntry e : plan.entries()) {
            if (e.index() > 0) {
                err.println("---");
            }
            err.println();
            err.println("[config] [" + (e.index() + 1) + "/" + n + "] " + e.name());
            err.println();
            field(err, "name:", e.name());
            field(err, "signal:", e.signalType().yamlName());
            field(err, "rate:", Texts.dryRunRate(e.rate()) + "/s");
            field(err, "duration:", e.duration() == null ? "indefinite" : DurationText.format(e.duration()));
            Map.Entry<String, String> body = body(e);
            field(err, body.getKey(), body.getValue());
            field(err, "encoder:", e.encoder().type());
            field(err, "sink:", Texts.sink(e.sink()));
            if (!e.labels().isEmpty()) {
                field(err, "labels:", labels(e.labels()));
            }
            if (!e.phaseOffset().isZero()) {
                field(err, "phase_offset:", DurationText.format(e.phaseOffset()));
            }
            if (e.clockGroup() != null) {
                field(err, "clock_group:", e.clockGroup() + (e.clockGroupAuto() ? " (auto)" : ""));
            }
        }
        err.println();
        err.println("Validation: OK (" + n + " " + noun + ")");
    }

    private static void field(PrintStream err, String label, String value) {
        err.println("    " + String.format("%-15s", label) + " " + value);
    }

    private static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels)
                .entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", "));
    }

    private static Map.Entry<String, String> body(CompiledEntry e) {
        Signal s = e.source().signal();
        if (s instanceof Signal.Metrics m) {
            return Map.entry("generator:", Texts.generator(m.generator()));
        }
        if (s instanceof Signal.Logs l) {
            return Map.entry("generator:", Texts.logGenerator(l.generator()));
        }
        if (s instanceof Signal.Histogram h) {
            return Map.entry("distribution:", h.distribution().toString());
        }
        if (s instanceof Signal.Summary sm) {
            return Map.entry("distribution:", sm.distribution().toString());
        }
        if (s instanceof Signal.Traces t) {
            return Map.entry(
                    "graph:",
                    t.traces().services().size() + " services, "
                            + t.traces().faults().size() + " faults"
                            + (t.traces().logs() == null ? "" : ", logs")
                            + (t.traces().metrics() == null ? "" : ", RED metrics"));
        }
        if (s instanceof Signal.Events ev) {
            return Map.entry("events:", Integer.toString(ev.events().size()));
        }
        if (s instanceof Signal.Workload w) {
            return Map.entry("workload:", Workloads.describe(e, w.workload()));
        }
        return Map.entry("generator:", "pack");
    }

    private static String json(String file, CompiledPlan plan) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        root.put("version", 2);
        ArrayNode arr = root.putArray("scenarios");
        for (CompiledEntry e : plan.entries()) {
            ObjectNode o = arr.addObject();
            o.put("index", e.index() + 1);
            o.put("name", e.name());
            o.put("signal", e.signalType().yamlName());
            o.put("rate", e.rate());
            if (e.duration() == null) {
                o.putNull("duration");
            } else {
                o.put("duration", DurationText.format(e.duration()));
            }
            o.put("generator", body(e).getValue());
            o.put("encoder", e.encoder().type());
            o.put("sink", Texts.sink(e.sink()));
            ObjectNode l = o.putObject("labels");
            new TreeMap<>(e.labels()).forEach(l::put);
            if (e.phaseOffset().isZero()) {
                o.putNull("phase_offset");
            } else {
                o.put("phase_offset", DurationText.format(e.phaseOffset()));
            }
            if (e.clockGroup() == null) {
                o.putNull("clock_group");
            } else {
                o.put("clock_group", e.clockGroup());
            }
            o.put("clock_group_is_auto", e.clockGroupAuto());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
