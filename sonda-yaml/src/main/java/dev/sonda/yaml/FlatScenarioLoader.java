package dev.sonda.yaml;

import dev.sonda.api.PlanKind;
import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.yaml.YamlTree.Kind;
import dev.sonda.yaml.YamlTree.Mapping;
import dev.sonda.yaml.YamlTree.Node;
import dev.sonda.yaml.YamlTree.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads the single-scenario files of the seed README ("YAML Scenario Files" and "Log Scenario
 * Files"), which {@code sonda metrics --scenario} and {@code sonda logs --scenario} read: one
 * scenario at the top level and no {@code version:}, such as
 *
 * <pre>{@code
 * name: interface_oper_state
 * rate: 1000
 * duration: 30s
 * generator: {type: sine, amplitude: 5.0, period_secs: 30, offset: 10.0}
 * gaps: {every: 2m, for: 20s}
 * labels: {hostname: t0-a1}
 * encoder: {type: prometheus_text}
 * sink: {type: stdout}
 * }</pre>
 *
 * <p>Such a file is the v2 flat shorthand of one entry of the signal the command names, with the
 * log generator under {@code generator:} instead of {@code log_generator:}: the loader reads it
 * into the same {@link ScenarioPlan} as {@code version: 2}, {@code kind: runnable}, {@code
 * signal_type: metrics|logs} and those keys, with every rule, default and message of {@link
 * ScenarioLoader}, each problem located in the file as written. Its top-level keys are the seed's
 * ({@link #KEYS}); any other is refused with a did-you-mean. A log file's problems are reported
 * at {@code generator...} as the file writes it.
 *
 * <p>A file that has a top-level {@code version:} is read by {@link ScenarioLoader} unchanged, so
 * the commands take v2 files as well.
 */
public final class FlatScenarioLoader {
    /** The top-level keys of a seed single-scenario file, as the seed README lists them. */
    public static final List<String> KEYS = List.of(
            "name",
            "rate",
            "duration",
            "generator",
            "gaps",
            "bursts",
            "labels",
            "encoder",
            "sink",
            "phase_offset",
            "clock_group");

    private static final String GENERATOR = "generator";
    private static final String LOG_GENERATOR = "log_generator";

    private FlatScenarioLoader() {}

    /**
     * Loads a scenario file of either form within the default limits: a seed single-scenario file
     * (no {@code version:}) as one entry of {@code signal}, or a v2 file as {@link ScenarioLoader}
     * reads it.
     *
     * @param file the file, UTF-8 (a byte order mark is skipped)
     * @param signal the signal a file without {@code version:} describes: {@link
     *     SignalType#METRICS} or {@link SignalType#LOGS}
     * @param env variable lookup for {@code ${VAR}}: the value, or null when unset
     * @param registry the providers that read the {@code type:} blocks
     * @return the plan and the warnings (keys of a {@code type:} block its provider never reads)
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws SondaException if the file cannot be read, with the reason
     * @throws IllegalArgumentException if {@code signal} is neither metrics nor logs
     */
    public static LoadResult load(Path file, SignalType signal, Function<String, String> env, SpecRegistry registry) {
        Objects.requireNonNull(file, "scenario file");
        LoadLimits limits = LoadLimits.defaults();
        byte[] bytes = ScenarioLoader.readFile(file, limits);
        String source = file.toString();
        try {
            return read(ScenarioText.decode(bytes, "scenario file", limits), source, signal, env, registry, limits);
        } catch (Rejected r) {
            throw r.toException(source);
        }
    }

    /**
     * Loads scenario text of either form within the default limits, as {@link #load(Path,
     * SignalType, Function, SpecRegistry)} loads a file.
     *
     * @param yaml the scenario text
     * @param sourceName how messages name the text, such as a file path
     * @param signal the signal a text without {@code version:} describes: metrics or logs
     * @param env variable lookup for {@code ${VAR}}
     * @param registry the providers that read the {@code type:} blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws IllegalArgumentException if {@code signal} is neither metrics nor logs
     */
    public static LoadResult load(
            String yaml, String sourceName, SignalType signal, Function<String, String> env, SpecRegistry registry) {
        Objects.requireNonNull(yaml, "yaml");
        LoadLimits limits = LoadLimits.defaults();
        try {
            return read(ScenarioText.check(yaml, "scenario text", limits), sourceName, signal, env, registry, limits);
        } catch (Rejected r) {
            throw r.toException(sourceName);
        }
    }

    private static LoadResult read(
            String text,
            String sourceName,
            SignalType signal,
            Function<String, String> env,
            SpecRegistry registry,
            LoadLimits limits) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(registry, "registry");
        if (signal != SignalType.METRICS && signal != SignalType.LOGS) {
            throw new IllegalArgumentException("a single-scenario file describes metrics or logs, not " + signal);
        }
        Diagnostics diag = new Diagnostics();
        Node root = ScenarioLoader.parse(text, sourceName, env, limits, diag);
        boolean v1 = root instanceof Mapping m && !m.values().containsKey("version");
        boolean logs = signal == SignalType.LOGS;
        if (v1) {
            Mapping m = (Mapping) root;
            Obj.of(m, "", diag, null).strict(KEYS);
            if (!m.values().containsKey(GENERATOR)) {
                diag.add("", "missing required key '" + GENERATOR + "'", m.loc());
            }
            if (!diag.isEmpty()) {
                throw new ScenarioParseException(sourceName, diag.sorted());
            }
            root = asV2(m, signal);
        }
        PlanReader reader = new PlanReader(sourceName, diag, registry);
        ScenarioPlan plan = reader.read(root);
        if (!diag.isEmpty()) {
            List<LocatedProblem> problems = diag.sorted();
            throw new ScenarioParseException(sourceName, v1 && logs ? asWritten(problems) : problems);
        }
        List<LocatedProblem> warnings = v1 && logs ? asWritten(diag.warnings()) : diag.warnings();
        return new LoadResult(plan.withOrigin(reader.sourceMap()), warnings);
    }

    /** The v2 flat file a seed file means: the version, kind and signal added, nodes and positions kept. */
    private static Mapping asV2(Mapping m, SignalType signal) {
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Loc> keys = new LinkedHashMap<>();
        values.put("version", new Scalar(Kind.INT, Integer.toString(ScenarioPlan.VERSION), m.loc()));
        values.put("kind", new Scalar(Kind.STRING, PlanKind.RUNNABLE.yamlName(), m.loc()));
        values.put("signal_type", new Scalar(Kind.STRING, signal.yamlName(), m.loc()));
        keys.put("version", m.loc());
        keys.put("kind", m.loc());
        keys.put("signal_type", m.loc());
        for (Map.Entry<String, Node> e : m.values().entrySet()) {
            String key = signal == SignalType.LOGS && e.getKey().equals(GENERATOR) ? LOG_GENERATOR : e.getKey();
            values.put(key, e.getValue());
            keys.put(key, m.keys().getOrDefault(e.getKey(), m.loc()));
        }
        return new Mapping(values, keys, m.loc());
    }

    /** Problems at {@code log_generator...} reported at {@code generator...}, as a seed log file writes it. */
    private static List<LocatedProblem> asWritten(List<LocatedProblem> problems) {
        List<LocatedProblem> out = new ArrayList<>(problems.size());
        for (LocatedProblem p : problems) {
            String path = p.problem().path();
            if (path.equals(LOG_GENERATOR) || path.startsWith(LOG_GENERATOR + ".")) {
                path = GENERATOR + path.substring(LOG_GENERATOR.length());
            }
            out.add(new LocatedProblem(new Problem(path, p.problem().message()), p.line(), p.column()));
        }
        return out;
    }
}
