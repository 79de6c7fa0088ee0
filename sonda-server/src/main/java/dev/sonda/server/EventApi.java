package dev.sonda.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.MetricType;
import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.yaml.LoadLimits;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code POST /events} (sinks-cli-server §4.14 and §1.13): one log or metric event, delivered
 * synchronously through a fresh encoder and sink built for the request, then flushed and closed.
 * No {@code on_sink_error} policy applies: a delivery failure is the response.
 *
 * <p>The encoder and sink blocks are checked exactly as a scenario's are, by compiling a
 * one-entry plan around them, so an event accepts every sink a scenario accepts (plug-ins
 * included) and the same {@link FilePolicy}.
 */
final class EventApi {
    /** Problems of the body's shape rather than its values: 400, as a deserialize error. */
    private static final Pattern SHAPE = Pattern.compile(
            "unknown (sink|encoder|generator|log generator) type|unknown field|missing|expected (a|an|one of)"
                    + "|must be a|is required|requires");

    private final ServerContext ctx;

    EventApi(ServerContext ctx) {
        this.ctx = ctx;
    }

    Response post(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw invalid(Json.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw invalid("expected a JSON object");
        }
        String signal = requiredText(root, "signal_type", "");
        if (!signal.equals("logs") && !signal.equals("metrics")) {
            throw invalid("unknown variant `" + signal + "`, expected `logs` or `metrics`");
        }
        Map<String, String> labels = stringMap(root.get("labels"), "labels");
        JsonNode encoder = requiredObject(root, "encoder");
        JsonNode sink = requiredObject(root, "sink");
        String entryName = "events." + signal;

        ObjectNode entry = Json.object();
        entry.put("signal_type", signal);
        entry.put("rate", 1);
        entry.put("duration", "1s");
        Severity severity = null;
        String message = null;
        Map<String, String> fields = Map.of();
        String metricName = null;
        double value = 0;
        if (signal.equals("logs")) {
            JsonNode log = requiredObject(root, "log");
            String sev = requiredText(log, "severity", "log.");
            try {
                severity = Severity.parse(sev);
            } catch (IllegalArgumentException e) {
                throw invalid("log.severity: unknown variant `" + sev
                        + "`, expected one of `trace`, `debug`, `info`, `warn`, `warning`, `error`, `fatal`");
            }
            message = requiredText(log, "message", "log.");
            fields = stringMap(log.get("fields"), "log.fields");
            entry.put("name", entryName);
            ObjectNode gen = entry.putObject("log_generator");
            gen.put("type", "template");
            gen.putArray("templates").addObject().put("message", "event");
        } else {
            JsonNode metric = requiredObject(root, "metric");
            metricName = requiredText(metric, "name", "metric.");
            JsonNode v = metric.get("value");
            if (v == null || !v.isNumber()) {
                throw invalid(v == null ? "missing field `metric.value`" : "metric.value: expected a number");
            }
            value = v.asDouble();
            entry.put("name", metricName);
            entry.putObject("generator").put("type", "constant").put("value", value);
        }
        ObjectNode l = entry.putObject("labels");
        labels.forEach(l::put);
        entry.set("encoder", encoder);
        entry.set("sink", sink);
        ObjectNode plan = Json.object();
        plan.put("version", 2);
        plan.put("kind", "runnable");
        plan.putArray("scenarios").add(entry);

        CompiledEntry compiled = compile(plan);
        ObjectNode sinkBlock = SpecJson.of(
                ctx.registry, SpecKind.SINK, compiled.sink(), compiled.sink().type());
        Secrets secrets = Secrets.collect(List.of(sinkBlock.deepCopy()));
        List<String> warnings = SinkWarnings.loopback(entryName, sinkBlock, secrets);
        warnings.forEach(w -> ctx.log.accept("WARN " + w));

        long t0 = System.nanoTime();
        String result = "ok";
        long latency;
        try {
            deliver(compiled, entryName, labels, severity, message, fields, metricName, value, secrets);
        } catch (ApiException e) {
            result = "error";
            throw e;
        } finally {
            latency = (System.nanoTime() - t0) / 1_000_000L;
            ctx.log.accept("INFO POST /events: " + (result.equals("ok") ? "event delivered" : "delivery failed")
                    + " signal_type=" + signal + " sink_type=" + compiled.sink().type() + " latency_ms=" + latency
                    + " result=" + result);
        }
        ObjectNode out = Json.object();
        out.put("sent", true);
        out.put("signal_type", signal);
        out.put("latency_ms", latency);
        if (!warnings.isEmpty()) {
            ArrayNode w = out.putArray("warnings");
            warnings.forEach(w::add);
        }
        return Response.json(200, out);
    }

    private CompiledEntry compile(ObjectNode planJson) {
        String text = BodyText.jsonAsYaml(new String(Json.bytes(planJson), StandardCharsets.UTF_8));
        ScenarioPlan plan;
        try {
            plan = ScenarioLoader.load(text, "event", name -> null, LoadLimits.defaults());
        } catch (ScenarioParseException e) {
            List<Problem> problems =
                    e.located().stream().map(LocatedProblem::problem).toList();
            throw classify(problems);
        }
        ctx.files.checkPlan(plan);
        CompiledPlan compiled;
        try {
            compiled = Sonda.compile(plan, CompileOptions.defaults().withRegistry(ctx.registry));
        } catch (InvalidScenarioException e) {
            throw classify(e.problems());
        } catch (SondaException e) {
            throw ApiException.unprocessable(Secrets.NONE.redact(e.getMessage()));
        }
        ctx.files.checkCompiled(compiled);
        return compiled.entries().get(0);
    }

    /** 400 for a shape problem (as the reference's deserializer), 422 for a value refused. */
    private static ApiException classify(List<Problem> problems) {
        String text = problems.stream()
                .map(p -> {
                    String path = p.path().replaceFirst("^scenarios\\[0]\\.?", "");
                    return Secrets.NONE.redact(path.isEmpty() ? p.message() : path + ": " + p.message());
                })
                .collect(Collectors.joining("; "));
        boolean shape =
                problems.stream().anyMatch(p -> SHAPE.matcher(p.message()).find());
        return shape ? invalid(text) : ApiException.unprocessable(text);
    }

    private void deliver(
            CompiledEntry e,
            String entryName,
            Map<String, String> labels,
            Severity severity,
            String message,
            Map<String, String> fields,
            String metricName,
            double value,
            Secrets secrets) {
        SinkContext sc = new SinkContext(
                entryName,
                labels,
                Clock.system(),
                line -> ctx.log.accept(secrets.redact(line)),
                e.runtime().metricEncoder(),
                e.runtime().logEncoder(),
                Delivery.NONE);
        Sink sink;
        try {
            sink = e.runtime().sinkProvider().create(e.sink(), sc);
        } catch (SinkException ex) {
            throw sinkError(ex, secrets);
        } catch (RuntimeException ex) {
            throw ApiException.of(500, "internal_server_error", "runtime error: " + secrets.redact(ex.toString()));
        }
        long now = Clock.system().epochNanos();
        boolean closed = false;
        try {
            Labels ls = Labels.of(labels);
            if (severity != null) {
                sink.log(new LogEvent(now, severity, message, ls, LogFields.of(fields)));
            } else {
                Object prepared = sink.prepare(Series.of(metricName, ls, MetricType.GAUGE));
                sink.sample(prepared, now, value);
            }
            sink.flush();
            closed = true;
            sink.close();
        } catch (SinkException ex) {
            throw sinkError(ex, secrets);
        } catch (EncodeException ex) {
            throw ApiException.of(500, "internal_server_error", "encoder error: " + secrets.redact(ex.getMessage()));
        } catch (RuntimeException ex) {
            throw ApiException.of(500, "internal_server_error", "runtime error: " + secrets.redact(ex.toString()));
        } finally {
            if (!closed) {
                try {
                    sink.close();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
        }
    }

    private static ApiException sinkError(SinkException e, Secrets secrets) {
        return ApiException.of(502, "bad_gateway", "sink error: " + secrets.redact(e.getMessage()));
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest("invalid event body: " + detail);
    }

    private static String requiredText(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw invalid("missing field `" + prefix + key + "`");
        }
        if (!v.isTextual()) {
            throw invalid(prefix + key + ": expected a string");
        }
        return v.asText();
    }

    private static JsonNode requiredObject(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw invalid("missing field `" + key + "`");
        }
        if (!v.isObject()) {
            throw invalid(key + ": expected an object");
        }
        if (!v.path("type").isTextual() && !key.equals("log") && !key.equals("metric")) {
            throw invalid(key + ": missing field `type`");
        }
        return v;
    }

    private static Map<String, String> stringMap(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid(what + ": expected a map of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) {
                out.put(f.getKey(), f.getValue().asText());
            } else {
                bad.add(f.getKey());
            }
        });
        if (!bad.isEmpty()) {
            throw invalid(what + "." + bad.get(0) + ": expected a string");
        }
        return out;
    }
}
