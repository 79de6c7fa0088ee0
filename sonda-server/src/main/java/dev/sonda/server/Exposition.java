package dev.sonda.server;

import dev.sonda.engine.encode.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The scrape endpoints' Prometheus text (exposition format 0.0.4): each scenario's current value
 * per series, without timestamps, sorted by name and then labels, under one {@code # HELP} (when
 * the entry has {@code help:}) and one {@code # TYPE} named after the scenario (Sonda 1.20 {@code
 * routes/scenarios.rs}, sinks-cli-server §4.11 and §4.12).
 */
final class Exposition {
    private Exposition() {}

    /** {@code GET /scenarios/{id}/metrics}: empty for a log scenario or one with no sample yet. */
    static byte[] scenario(ScenarioHandle h) {
        List<CurrentValues.Slot> slots = h.values.sorted();
        if (slots.isEmpty()) {
            return new byte[0];
        }
        ByteBuf out = new ByteBuf(256);
        if (h.hasMetadata()) {
            header(out, h.name(), h.help(), h.type());
        }
        slots.forEach(s -> s.write(out));
        return out.toByteArray();
    }

    /** One family of the aggregate: a scenario name and what its scenarios contribute. */
    private static final class Group {
        String help;
        String type;
        final List<CurrentValues.Slot> slots = new ArrayList<>();
    }

    /**
     * {@code GET /scenarios/metrics}: the given scenarios (already filtered, in id order) grouped by
     * name in first-seen order; the first non-empty {@code help} wins; types that differ make the
     * family {@code untyped}. A metrics scenario without samples still contributes its {@code #
     * TYPE} line; log scenarios contribute nothing.
     */
    static byte[] aggregate(List<ScenarioHandle> handles, Consumer<String> log) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ScenarioHandle h : handles) {
            if (!h.hasMetadata()) {
                continue;
            }
            Group g = groups.computeIfAbsent(h.name(), n -> new Group());
            if ((g.help == null || g.help.isEmpty())
                    && h.help() != null
                    && !h.help().isEmpty()) {
                g.help = h.help();
            }
            String type = h.type();
            if (g.type == null) {
                g.type = type;
            } else if (!g.type.equals(type) && !g.type.equals("untyped")) {
                log.accept("WARN mixed metric_type declarations for same name; emitting as untyped (name=" + h.name()
                        + ")");
                g.type = "untyped";
            }
            g.slots.addAll(h.values.sorted());
        }
        ByteBuf out = new ByteBuf(1024);
        groups.forEach((name, g) -> {
            header(out, name, g.help, g.type);
            g.slots.forEach(s -> s.write(out));
        });
        return out.toByteArray();
    }

    private static void header(ByteBuf out, String name, String help, String type) {
        if (help != null && !help.isEmpty()) {
            out.putUtf8("# HELP " + name + " " + escapeHelp(help) + "\n");
        }
        out.putUtf8("# TYPE " + name + " " + Objects.requireNonNull(type) + "\n");
    }

    /** HELP text escapes {@code \} and line feed (exposition format 0.0.4). */
    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
