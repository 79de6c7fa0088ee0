package dev.sonda.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.DurationText;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledEntry;
import java.util.HashSet;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The {@code config} of {@code GET /scenarios/{id}}: the compiled entry in its YAML keys, its
 * encoder and sink blocks as their providers write them, with every secret masked ({@link
 * Secrets}).
 */
final class ScenarioConfig {
    private ScenarioConfig() {}

    static ObjectNode of(ScenarioHandle h, SpecRegistry registry) {
        CompiledEntry e = h.entry;
        ObjectNode c = Json.object();
        c.put("name", e.name());
        if (e.id() != null) {
            c.put("id", e.id());
        }
        c.put("signal_type", e.signalType().name().toLowerCase(Locale.ROOT));
        c.put("rate", e.rate());
        if (e.duration() != null) {
            c.put("duration", DurationText.format(e.duration()));
        }
        if (!e.phaseOffset().isZero()) {
            c.put("phase_offset", DurationText.format(e.phaseOffset()));
        }
        if (h.launch.scenarioName != null) {
            c.put("scenario_name", h.launch.scenarioName);
        }
        ObjectNode labels = c.putObject("labels");
        new TreeMap<>(e.labels()).forEach(labels::put);
        if (e.signal() instanceof Signal.Metrics m) {
            c.set(
                    "generator",
                    SpecJson.of(
                            registry,
                            SpecKind.GENERATOR,
                            m.generator(),
                            m.generator().type()));
        } else if (e.signal() instanceof Signal.Logs l) {
            c.set(
                    "log_generator",
                    SpecJson.of(
                            registry,
                            SpecKind.LOG_GENERATOR,
                            l.generator(),
                            l.generator().type()));
        }
        c.set(
                "encoder",
                SpecJson.of(registry, SpecKind.ENCODER, e.encoder(), e.encoder().type()));
        c.set("sink", SpecJson.of(registry, SpecKind.SINK, e.sink(), e.sink().type()));
        WhileClause w = e.whileClause();
        if (w != null) {
            ObjectNode wn = c.putObject("while");
            wn.put("ref", w.ref());
            wn.put("op", w.op().symbol());
            wn.put("value", w.value());
            if (w.scenarioName() != null) {
                wn.put("scenario_name", w.scenarioName());
            }
            if (w.ifUnresolved() != null) {
                wn.put("if_unresolved", w.ifUnresolved().name().toLowerCase(Locale.ROOT));
            }
        }
        c.put("on_sink_error", e.onSinkError().name().toLowerCase(Locale.ROOT));
        Secrets.redactTree(c, new HashSet<>());
        return c;
    }
}
