package dev.sonda.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.GateRegistry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.LoadLimits;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code /scenarios} routes (sinks-cli-server §4.6 to §4.12): launch, list, inspect, stop and
 * scrape scenarios. Each accepted body runs as one {@link Run} of its compiled plan; each compiled
 * entry is one scenario with its own id.
 */
final class ScenarioApi {
    /** The reference's text for a body that is not a v2 scenario (§4.6 step 1). */
    static final String NOT_V2 = "body is not a v2 scenario. Sonda only accepts v2 scenario bodies (`version: 2` at"
            + " the top level). Migrate this body to v2 — see docs/configuration/v2-scenarios.md for the migration"
            + " guide.";

    /** Loader problems that stop reading: malformed text, not content, so 400 rather than 422. */
    private static final Pattern UNREADABLE = Pattern.compile(
            "LoadLimits\\.|YAML syntax error|control character|not valid UTF-8|byte order mark|exceeds the limit");

    private static final List<String> STATE_NAMES =
            List.of("pending", "running", "paused", "held", "unresolved", "finished");

    private final ServerContext ctx;

    ScenarioApi(ServerContext ctx) {
        this.ctx = ctx;
    }

    // ---- POST /scenarios ------------------------------------------------------------------------

    Response post(byte[] body, String contentType, String rawQuery) {
        boolean strict = rawQuery != null && Arrays.asList(rawQuery.split("&")).contains("validate=strict");
        String text = BodyText.of(body, contentType);
        ScenarioPlan plan = load(text);
        Secrets secrets = secretsOf(plan);
        ctx.files.checkPlan(plan);
        CompiledPlan compiled = compile(plan, secrets);
        if (compiled.entries().isEmpty()) {
            throw ApiException.badRequest("v2 scenario body produced zero entries");
        }
        ctx.files.checkCompiled(compiled);
        String name = plan.scenarioName();
        if (strict) {
            checkResolvable(compiled, name);
        }
        if (name != null) {
            checkConflicts(name);
        }
        List<String> warnings = warnings(compiled, secrets);
        warnings.forEach(w -> ctx.log.accept("WARN " + w));
        int n = compiled.entries().size();
        if (!ctx.store.reserve(n)) {
            throw capacityExceeded();
        }
        Launch launch = new Launch(
                compiled, secrets, System.nanoTime(), () -> UUID.randomUUID().toString());
        Run run;
        try {
            run = Sonda.start(
                    compiled,
                    RunOptions.defaults()
                            .withRegistry(ctx.registry)
                            .withGateRegistry(ctx.gates)
                            .withWorkers(1)
                            .withDiagnostics(line -> ctx.log.accept(secrets.redact(line)))
                            .withObserver(launch));
        } catch (SondaException e) {
            ctx.store.unreserve(n);
            throw ApiException.unprocessable("gate bus registry: " + secrets.redact(e.getMessage()));
        } catch (RuntimeException e) {
            ctx.store.unreserve(n);
            throw ApiException.of(500, "internal_server_error", "runtime error: " + secrets.redact(e.toString()));
        }
        launch.started(run);
        ctx.store.add(launch.handles);
        for (ScenarioHandle h : launch.handles) {
            ctx.log.accept("INFO scenario launched id=" + h.id + " name=" + h.name());
        }
        ObjectNode out = Json.object();
        if (launch.handles.length == 1) {
            summary(out, launch.handles[0]);
        } else {
            ArrayNode list = out.putArray("scenarios");
            for (ScenarioHandle h : launch.handles) {
                summary(list.addObject(), h);
            }
        }
        if (!warnings.isEmpty()) {
            ArrayNode w = out.putArray("warnings");
            warnings.forEach(w::add);
        }
        return Response.json(201, out);
    }

    private static void summary(ObjectNode out, ScenarioHandle h) {
        out.put("id", h.id);
        out.put("name", h.name());
        out.put("state", h.snapshot().state());
    }

    private ScenarioPlan load(String text) {
        LoadLimits limits = LoadLimits.defaults().withMaxDocumentBytes(Math.max(1, ctx.settings.maxBodyBytes()));
        try {
            return ScenarioLoader.load(text, "request body", name -> null, limits);
        } catch (ScenarioParseException e) {
            String message = Secrets.NONE.redact(e.getMessage());
            if (message.contains("is not a v2 scenario")) {
                throw ApiException.badRequest(NOT_V2);
            }
            if (UNREADABLE.matcher(message).find()) {
                throw ApiException.badRequest(message);
            }
            throw ApiException.unprocessable("v2 scenario body failed to compile: " + oneLine(message));
        }
    }

    /** The secret values a plan carries in its sinks and encoders, for masking messages. */
    private Secrets secretsOf(ScenarioPlan plan) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (plan.defaults() != null && plan.defaults().sink() != null) {
            blocks.add(SpecJson.of(
                    ctx.registry,
                    SpecKind.SINK,
                    plan.defaults().sink(),
                    plan.defaults().sink().type()));
        }
        plan.entries().forEach(e -> {
            if (e.sink() != null) {
                blocks.add(SpecJson.of(
                        ctx.registry, SpecKind.SINK, e.sink(), e.sink().type()));
            }
            if (e.encoder() != null) {
                blocks.add(SpecJson.of(
                        ctx.registry, SpecKind.ENCODER, e.encoder(), e.encoder().type()));
            }
        });
        return Secrets.collect(blocks);
    }

    private CompiledPlan compile(ScenarioPlan plan, Secrets secrets) {
        try {
            return Sonda.compile(
                    plan, CompileOptions.defaults().withRegistry(ctx.registry).withPacks(ctx.packs));
        } catch (InvalidScenarioException e) {
            String detail =
                    secrets.redact(e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
            boolean graph = e.problems().stream()
                    .anyMatch(p -> p.path().contains(".after") || p.message().contains("pack '"));
            if (graph) {
                throw ApiException.badRequest("v2 scenario body failed to compile: " + oneLine(detail));
            }
            throw ApiException.unprocessable("configuration error: " + oneLine(detail));
        } catch (SondaException e) {
            throw ApiException.badRequest("v2 scenario body failed to compile: " + secrets.redact(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s.replace("\n", "; ");
    }

    /** §4.6 step 3: every cross-body ref whose upstream is not registered; nothing launches. */
    private void checkResolvable(CompiledPlan compiled, String ownName) {
        ArrayNode refs = Json.object().arrayNode();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (CompiledEntry e : compiled.entries()) {
            WhileClause w = e.whileClause();
            if (w == null || w.scenarioName() == null || w.scenarioName().equals(ownName)) {
                continue;
            }
            String by = e.id() == null ? "" : e.id();
            if (!ctx.gates.isRegistered(w.scenarioName(), w.ref())
                    && seen.add(List.of(w.scenarioName(), w.ref(), by))) {
                ObjectNode r = refs.addObject();
                r.put("scenario_name", w.scenarioName());
                r.put("entry_id", w.ref());
                r.put("referenced_by", by);
            }
        }
        if (!refs.isEmpty()) {
            ObjectNode out = Json.object();
            out.put("error", "unresolved_refs");
            out.set("unresolved_refs", refs);
            throw new ApiException(Response.json(422, out));
        }
    }

    /** §4.6 step 4: a name still in use by a stored, unfinished scenario or by registered buses. */
    private void checkConflicts(String name) {
        ArrayNode conflicts = Json.object().arrayNode();
        for (ScenarioHandle h : ctx.store.all()) {
            if (name.equals(h.launch.scenarioName)) {
                ScenarioHandle.Snapshot s = h.snapshot();
                if (s.stats().state() != EntryState.FINISHED) {
                    ObjectNode c = conflicts.addObject();
                    c.put("id", h.id);
                    c.put("name", h.name());
                    c.put("state", s.state());
                }
            }
        }
        if (conflicts.isEmpty() && ctx.gates.isRegistered(name)) {
            ObjectNode c = conflicts.addObject();
            c.put("id", "");
            c.put("name", name);
            c.put("state", "running");
        }
        if (!conflicts.isEmpty()) {
            ObjectNode out = Json.object();
            out.set("conflicting_scenarios", conflicts);
            out.put("error", "scenario_name '" + name + "' is already running");
            out.put(
                    "hint",
                    "DELETE the conflicting scenarios before posting a new cascade with the same scenario_name");
            throw new ApiException(Response.json(409, out));
        }
    }

    private List<String> warnings(CompiledPlan compiled, Secrets secrets) {
        List<String> out = new ArrayList<>();
        for (CompiledEntry e : compiled.entries()) {
            ObjectNode sink =
                    SpecJson.of(ctx.registry, SpecKind.SINK, e.sink(), e.sink().type());
            out.addAll(SinkWarnings.loopback(e.name(), sink, secrets));
            if (e.signal() instanceof Signal.Workload w
                    && (w.workload().scrape() != null || w.workload().control() != null)) {
                // ports chosen by a network client are not opened: the ticks still go to the sink
                out.add("scenario entry '" + e.name() + "' is a workload: the server does not open its"
                        + " scrape: or control: ports (sonda run does); its ticks go to its sink only");
            }
            String loki = SinkWarnings.lokiStreams(e.name(), e.signalType(), e.dynamicLabels(), sink);
            if (loki != null) {
                out.add(loki);
            }
        }
        return out;
    }

    private ApiException capacityExceeded() {
        Map<EntryState, Integer> byState = ctx.store.byState();
        ObjectNode counts = Json.object();
        for (String s : List.of("finished", "held", "paused", "pending", "running", "unresolved")) {
            counts.put(s, byState.get(EntryState.valueOf(s.toUpperCase(Locale.ROOT))));
        }
        ObjectNode out = Json.object();
        out.set("by_state", counts);
        out.put(
                "detail",
                ctx.store.size() + " scenarios active (max " + ctx.store.maxScenarios()
                        + "); DELETE finished or stuck scenarios to free slots");
        out.put("error", "capacity_exceeded");
        return new ApiException(Response.json(429, out));
    }

    // ---- GET /scenarios, GET /scenarios/{id}, stats, DELETE ---------------------------------------

    Response list() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("scenarios");
        for (ScenarioHandle h : ctx.store.all()) {
            describe(list.addObject(), h, h.snapshot());
        }
        return Response.json(200, out);
    }

    /** The fields a scenario shows in the list and first in its detail (§4.7, §4.8). */
    private static void describe(ObjectNode o, ScenarioHandle h, ScenarioHandle.Snapshot s) {
        o.put("id", h.id);
        o.put("name", h.name());
        o.put("state", s.state());
        o.put("elapsed_secs", s.elapsedSecs());
        o.put("degraded", s.degraded());
    }

    /** The sink's health, the tail of both the detail's {@code stats} (§4.8) and {@code /stats} (§4.9). */
    private static void sinkHealth(ObjectNode o, ScenarioHandle h, ScenarioHandle.Snapshot s) {
        EntryStats st = s.stats();
        o.put("consecutive_failures", s.consecutiveFailures());
        o.put("total_sink_failures", st.errors());
        o.put("last_sink_error", h.launch.secrets.redact(st.lastError()));
        putNullable(o, "last_successful_write_at", s.lastSuccessEpochNanos());
        o.put("degraded", s.degraded());
    }

    private ScenarioHandle find(String id) {
        ScenarioHandle h = ctx.store.get(id);
        if (h == null) {
            throw ApiException.notFound("scenario not found: " + id);
        }
        return h;
    }

    Response get(String id) {
        ScenarioHandle h = find(id);
        ScenarioHandle.Snapshot s = h.snapshot();
        EntryStats st = s.stats();
        ObjectNode out = Json.object();
        describe(out, h, s);
        ObjectNode stats = out.putObject("stats");
        stats.put("total_events", st.events());
        stats.put("current_rate", st.currentRate());
        stats.put("bytes_emitted", st.bytes());
        stats.put("errors", st.errors());
        sinkHealth(stats, h, s);
        if (st.state() == EntryState.UNRESOLVED) {
            ctx.gates.crossRef(h.launch.run(), h.entry.index()).ifPresent(ref -> {
                ObjectNode p = out.putObject("pending_ref");
                p.put("scenario_name", ref.scenarioName());
                p.put("entry_id", ref.entryId());
                p.put("if_unresolved", ref.ifUnresolved().name().toLowerCase(Locale.ROOT));
                p.put("registered_at", ref.registeredAt().toString());
                p.put("attempts", ref.attempts());
            });
        }
        out.set("config", ScenarioConfig.of(h, ctx.registry));
        return Response.json(200, out);
    }

    Response stats(String id) {
        ScenarioHandle h = find(id);
        ScenarioHandle.Snapshot s = h.snapshot();
        EntryStats st = s.stats();
        ObjectNode out = Json.object();
        out.put("total_events", st.events());
        out.put("current_rate", st.currentRate());
        out.put("target_rate", h.entry.rate());
        out.put("bytes_emitted", st.bytes());
        out.put("errors", st.errors());
        out.put("uptime_secs", s.elapsedSecs());
        out.put("state", s.state());
        out.put("in_gap", st.inGap());
        out.put("in_burst", st.inBurst());
        sinkHealth(out, h, s);
        out.put("current_state_secs", s.currentStateSecs());
        out.put(
                "cumulative_resolution_attempts",
                ctx.gates
                        .crossRef(h.launch.run(), h.entry.index())
                        .map(GateRegistry.CrossRef::attempts)
                        .orElse(0));
        return Response.json(200, out);
    }

    private static void putNullable(ObjectNode o, String key, Long value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    /**
     * §4.10: forgets the scenario first (concurrent reads get 404), frees its slot, stops its entry
     * and waits up to 5 s for its sink to be flushed and closed.
     */
    Response delete(String id) throws InterruptedException {
        ScenarioHandle h = ctx.store.remove(id);
        if (h == null) {
            throw ApiException.notFound("scenario not found: " + id);
        }
        Run run = h.launch.run();
        run.stopEntry(h.entry.index());
        boolean stopped = run.awaitEntry(h.entry.index(), Duration.ofSeconds(5));
        ObjectNode out = Json.object();
        out.put("id", h.id);
        out.put("status", stopped ? "stopped" : "force_stopped");
        out.put("total_events", run.stats().entries().get(h.entry.index()).events());
        ctx.log.accept("INFO scenario stopped id=" + h.id + " status=" + (stopped ? "stopped" : "force_stopped"));
        return Response.json(200, out);
    }

    // ---- scrape endpoints ------------------------------------------------------------------------

    Response metrics(String id) {
        return new Response(200, Response.PROMETHEUS, Exposition.scenario(find(id)), Map.of());
    }

    /** §4.12: label filters (AND-ed, on static labels) and {@code include_state}, in that order. */
    Response aggregate(String rawQuery) {
        List<String[]> labels = new ArrayList<>();
        String includeState = null;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("label")) {
                    int colon = value.indexOf(':');
                    if (colon < 0) {
                        throw ApiException.badRequest(
                                "label filter '" + value + "' is malformed: expected 'key:value'");
                    }
                    if (colon == 0) {
                        throw ApiException.badRequest("label filter '" + value + "' has an empty key");
                    }
                    if (colon == value.length() - 1) {
                        throw ApiException.badRequest("label filter '" + value + "' has an empty value");
                    }
                    labels.add(new String[] {value.substring(0, colon), value.substring(colon + 1)});
                } else if (key.equals("include_state")) {
                    includeState = value;
                }
            }
        }
        Set<String> states = includeState == null ? Set.copyOf(STATE_NAMES) : parseStates(includeState);
        List<ScenarioHandle> picked = ctx.store.all().stream()
                .sorted((a, b) -> a.id.compareTo(b.id))
                .filter(h -> labels.stream()
                        .allMatch(kv -> kv[1].equals(h.entry.labels().get(kv[0]))))
                .filter(h -> states.contains(h.snapshot().state()))
                .toList();
        return new Response(200, Response.PROMETHEUS, Exposition.aggregate(picked, ctx.log), Map.of());
    }

    private static Set<String> parseStates(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : value.split(",", -1)) {
            String t = token.trim();
            if (t.isEmpty()) {
                throw ApiException.badRequest("include_state requires at least one state name");
            }
            if (!STATE_NAMES.contains(t)) {
                throw ApiException.badRequest("unknown state name '" + t + "' in include_state — expected one of: "
                        + String.join(", ", STATE_NAMES));
            }
            out.add(t);
        }
        return out;
    }

    /** Percent-decoding with {@code +} as space; an invalid {@code %} sequence is kept as written. */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                    int j = i;
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    while (j < s.length() && s.charAt(j) == '%' && isHex(s, j + 1) && isHex(s, j + 2)) {
                        bytes.write(Integer.parseInt(s.substring(j + 1, j + 3), 16));
                        j += 3;
                    }
                    sb.append(bytes.toString(StandardCharsets.UTF_8));
                    i = j;
                } else {
                    sb.append(c == '+' ? ' ' : c);
                    i++;
                }
            }
            return sb.toString();
        }
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
