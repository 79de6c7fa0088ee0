package dev.sonda.cli;

import dev.sonda.api.Bursts;
import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What {@code sonda metrics} and {@code sonda logs} share (the seed README's "CLI Reference"): one
 * entry built from flags, or read from {@code --scenario FILE} (a seed single-scenario file or a v2
 * file of one entry) with the flags over it, then run exactly as {@code sonda run} runs a file: the
 * same checks and messages, the same status lines.
 *
 * <p>The generator block is built by the type's provider from the flags, so every registered type
 * works: a flag sets its YAML key (such as {@code --period-secs} → {@code period_secs}) when the
 * type reads that key, and is ignored with a warning otherwise; {@code --param key=value} sets any
 * key. Over a file's generator of the same type the flags change only their keys; another type
 * starts a new block. Keys a type requires that no flag gave take the seed's flag defaults.
 */
abstract class SignalCommand implements Callable<Integer> {
    /** The seed README's flag defaults, resources that name types (such as the default value mode). */
    private static final String DEFAULTS = "flag-defaults.properties";

    private final SignalType signal;
    private final SpecKind generatorKind;
    private final String typeOption;

    @ParentCommand
    SondaCommand root;

    @Mixin
    ClockOptions clock;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description = "A scenario file (seed single-scenario or v2 with one entry), or @name; flags override it.")
    String scenario;

    @Option(names = "--rate", paramLabel = "RATE", description = "Events per second, above 0 (fractions allowed).")
    Double rate;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Run time such as 30s, 5m, 1h, 100ms; absent: until Ctrl+C.")
    String duration;

    @Option(names = "--gap-every", paramLabel = "D", description = "Gap recurrence, such as 2m (with --gap-for).")
    String gapEvery;

    @Option(names = "--gap-for", paramLabel = "D", description = "Gap length in each cycle, below --gap-every.")
    String gapFor;

    @Option(names = "--burst-every", paramLabel = "D", description = "Burst recurrence, such as 10s.")
    String burstEvery;

    @Option(names = "--burst-for", paramLabel = "D", description = "Burst length in each cycle, below --burst-every.")
    String burstFor;

    @Option(names = "--burst-multiplier", paramLabel = "X", description = "Rate multiplier during a burst, above 0.")
    Double burstMultiplier;

    @Mixin
    OutputOptions out;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "RNG seed of the generator (0 to 18446744073709551615); absent: 0.")
    String seed;

    @Option(
            names = "--param",
            paramLabel = "key=value",
            description = "Set any key of the generator block, as in YAML (repeatable), such as step_size=2.")
    List<String> params = List.of();

    /** The generator type the flags choose ({@code --value-mode}, {@code --mode}), or null. */
    abstract String chosenType();

    /** The entry's name from the flags, or null. */
    abstract String nameFlag();

    /** The generator-key flags given, in order. */
    abstract List<KeyFlag> keyFlags();

    /** Keys a type requires that no flag gave, with the seed's defaults. */
    abstract Map<String, Object> keyDefaults();

    /**
     * Checks the flags a run without {@code --scenario} needs, in the seed's order.
     *
     * @throws CliException (exit 2) {@code --name is required when no --scenario file is provided}
     */
    abstract void requireFlags();

    /** The entry's name without a file, or null when the seed requires the flag. */
    abstract String freshName();

    /** The entry's rate without a file. */
    abstract Double freshRate();

    /** The entry of a run without a file: the flags' name and rate, or the seed's defaults. */
    private Entry fresh(Object generator) {
        return new EntryEdit(freshName(), signalWith(generator), freshRate()).build();
    }

    /** The generator spec of an entry of this signal. */
    abstract Object generatorOf(Entry e);

    /** An entry's signal with another generator. */
    abstract Signal signalWith(Object generator);

    /**
     * One flag that sets a key of the generator block.
     *
     * @param option the flag, such as {@code --period-secs}
     * @param key the key it sets, such as {@code period_secs}
     * @param alias the key it sets instead when the type does not read {@code key} but reads this
     *     one (the seed's {@code --offset} is a constant's value), or null
     * @param value the value (a number, string, list or map as YAML would give), or null when the
     *     flag is absent
     */
    record KeyFlag(String option, String key, String alias, Object value) {}

    /**
     * Creates the command.
     *
     * @param signal the signal it emits
     * @param generatorKind its generator kind: metric or log generator
     * @param typeOption the flag that chooses the generator type, for messages
     */
    SignalCommand(SignalType signal, SpecKind generatorKind, String typeOption) {
        this.signal = signal;
        this.generatorKind = generatorKind;
        this.typeOption = typeOption;
    }

    @Override
    public Integer call() throws Exception {
        root.checkQuietVerbose();
        SpecRegistry registry = SpecRegistry.defaults();
        ScenarioPlan base = null;
        Entry entry = null;
        String source = scenario;
        if (scenario != null) {
            Path file = ScenarioFiles.resolve(scenario, root.catalog);
            base = ScenarioFiles.loadFlat(file, scenario, signal, registry);
            ScenarioFiles.refuseCrossPost(base, scenario);
            entry = single(base);
        } else {
            requireFlags();
        }
        Object generator = generator(registry, entry == null ? null : generatorOf(entry));
        if (entry == null) {
            entry = fresh(generator);
            source = "(command line)";
        }
        EntryEdit edit = new EntryEdit(entry);
        edit.signal = signalWith(generator);
        if (nameFlag() != null) {
            edit.name = nameFlag();
        }
        if (rate != null) {
            edit.rate = rate;
        }
        Duration d = Flags.duration("--duration", duration);
        if (d != null) {
            edit.duration = d;
        }
        edit.gaps = gaps(edit.gaps);
        edit.bursts = bursts(edit.bursts);
        Map<String, String> merged = new LinkedHashMap<>(edit.labels);
        merged.putAll(out.labels());
        edit.labels = merged;
        EncoderSpec enc = out.encoder(registry);
        if (enc != null) {
            edit.encoder = enc;
        }
        SinkSpec snk = out.sink(registry);
        if (snk != null) {
            edit.sink = snk;
        }
        if (out.onSinkError() != null) {
            edit.onSinkError = out.onSinkError();
        }
        ScenarioPlan plan = base == null
                ? ScenarioPlan.of(Defaults.NONE, List.of(edit.build()))
                : ScenarioFiles.withEntries(base, List.of(edit.build()));
        if (scenario == null) {
            List<Problem> problems = plan.problems();
            if (!problems.isEmpty()) {
                throw ScenarioFiles.invalid(
                        "invalid flags", problems.stream().map(this::asFlag).toList());
            }
        }
        String context = scenario == null ? "invalid flags" : "failed to compile scenario " + scenario;
        CompiledPlan compiled = Execution.compile(plan, EntryOverrides.NONE, root.catalog, registry, context);
        if (root.dryRun) {
            DryRun.print(source, compiled, root.format, System.err, System.out);
            return 0;
        }
        Execution.run(compiled, root, clock.simulatedOrNull());
        return 0;
    }

    /** A problem of the entry built from flags, at the flag that sets the key: {@code --rate: rate must be positive}. */
    private Problem asFlag(Problem p) {
        String path = p.path().replaceFirst("^scenarios\\[0]\\.?", "");
        String key = path.split("[.\\[]", 2)[0];
        String flag =
                switch (key) {
                    case "name", "rate", "duration", "encoder", "sink", "seed" -> "--" + key;
                    case "labels" -> "--label";
                    case "gaps" -> "--gap-every/--gap-for";
                    case "bursts" -> "--burst-every/--burst-for/--burst-multiplier";
                    case "on_sink_error" -> "--on-sink-error";
                    case "generator", "log_generator" -> typeOption;
                    default -> path;
                };
        return new Problem(flag, p.message());
    }

    /** The one entry of a file this command runs. */
    private Entry single(ScenarioPlan plan) {
        if (plan.entries().size() != 1 || plan.entries().get(0).signalType() != signal) {
            throw new CliException(
                    "sonda " + signal.yamlName() + " runs one " + signal.yamlName() + " entry, but " + scenario
                            + " has " + plan.entries().size() + " entr"
                            + (plan.entries().size() == 1 ? "y" : "ies")
                            + (plan.entries().size() == 1
                                    ? " of signal_type "
                                            + plan.entries().get(0).signalType().yamlName()
                                    : "")
                            + "; run it with: sonda run " + scenario,
                    2);
        }
        return plan.entries().get(0);
    }

    private Gaps gaps(Gaps current) {
        if (gapEvery == null && gapFor == null) {
            return current;
        }
        if (gapFor == null) {
            throw new CliException("--gap-for is required when --gap-every is provided", 2);
        }
        if (gapEvery == null) {
            throw new CliException("--gap-every is required when --gap-for is provided", 2);
        }
        return new Gaps(Flags.duration("--gap-every", gapEvery), Flags.duration("--gap-for", gapFor));
    }

    private Bursts bursts(Bursts current) {
        if (burstEvery == null && burstFor == null && burstMultiplier == null) {
            return current;
        }
        if (burstEvery == null || burstFor == null || burstMultiplier == null) {
            throw new CliException(
                    "--burst-every, --burst-for, and --burst-multiplier must all be provided together", 2);
        }
        return new Bursts(
                Flags.duration("--burst-every", burstEvery), Flags.duration("--burst-for", burstFor), burstMultiplier);
    }

    /**
     * The generator: the file's (changed by the flags), or a new block of the chosen type.
     *
     * @param fileSpec the file's generator, or null
     */
    private Object generator(SpecRegistry registry, Object fileSpec) {
        SpecKind kind = generatorKind;
        Map<String, Object> fileBlock = fileSpec == null ? null : written(registry, kind, fileSpec);
        String fileType = fileBlock == null ? null : String.valueOf(fileBlock.get("type"));
        String type = chosenType() != null ? chosenType() : fileType != null ? fileType : defaultType();
        if (type == null) {
            return null;
        }
        if (registry.find(kind, type).isEmpty()) {
            throw new CliException(registry.unknownType(kind, type), 2);
        }
        List<KeyFlag> given = keyFlags().stream().filter(f -> f.value() != null).toList();
        boolean sameType = type.equals(fileType);
        if (sameType && given.isEmpty() && params.isEmpty()) {
            return fileSpec;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        if (sameType) {
            block.putAll(fileBlock);
            block.remove("type");
        }
        Problems probeProblems = new Problems();
        MapSpecBlock probe = new MapSpecBlock(type, Map.of(), kind.yamlKey(), probeProblems);
        try {
            registry.read(kind, probe);
        } catch (RuntimeException e) {
            // a provider that cannot even read an empty block: the real read below reports it
        }
        List<String> reads = new ArrayList<>(probe.readKeys());
        reads.remove("type");
        for (KeyFlag f : given) {
            String key =
                    reads.contains(f.key()) || f.alias() == null || !reads.contains(f.alias()) ? f.key() : f.alias();
            if (reads.contains(key)) {
                block.put(key, f.value());
            } else {
                System.err.println("warning: " + f.option() + " sets '" + f.key() + "', which " + kind.displayName()
                        + " type '" + type + "' does not read (it reads " + String.join(", ", reads) + "); ignored");
            }
        }
        for (String key : reads) {
            boolean required =
                    probeProblems.list().stream().anyMatch(p -> p.message().equals(SpecMessages.missing(key)));
            if (required && !block.containsKey(key) && keyDefaults().containsKey(key)) {
                block.put(key, keyDefaults().get(key));
            }
        }
        block.putAll(params());
        return build(registry, kind, type, block);
    }

    private Object build(SpecRegistry registry, SpecKind kind, String type, Map<String, Object> block) {
        Problems problems = new Problems();
        Object spec = registry.read(kind, new MapSpecBlock(type, block, kind.yamlKey(), problems));
        if (spec != null && problems.isEmpty()) {
            spec = registry.resolve(kind, spec, kind.yamlKey(), problems);
        }
        if (!problems.isEmpty()) {
            throw new CliException(
                    "invalid " + typeOption + " " + type + ": "
                            + problems.list().stream().map(this::withFlagHint).collect(Collectors.joining("; ")),
                    2);
        }
        return spec;
    }

    /** A problem, with the flag that sets a missing key when there is one. */
    private String withFlagHint(Problem p) {
        for (KeyFlag f : keyFlags()) {
            if (p.message().equals(SpecMessages.missing(f.key()))) {
                return p + " (set it with " + f.option() + ")";
            }
        }
        return p + (p.message().startsWith("missing required key") ? " (set it with --param key=value)" : "");
    }

    /** A spec as its provider writes it, {@code type} included. */
    private static Map<String, Object> written(SpecRegistry registry, SpecKind kind, Object spec) {
        MapSpecWriter out = new MapSpecWriter();
        registry.write(kind, spec, out);
        return out.map();
    }

    /** {@code --param} values read as YAML scalars or flow collections would be. */
    private Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--param \"" + p + "\" must be in key=value format", 2);
            }
            out.put(p.substring(0, eq), YamlValues.parse(p.substring(eq + 1)));
        }
        return out;
    }

    /** The generator type when neither a flag nor a file chooses one: the seed's default, or none. */
    private String defaultType() {
        return flagDefault(signal.yamlName() + ".generator");
    }

    /**
     * A default of the seed README's flags that names a type, from {@code flag-defaults.properties}.
     *
     * @param key such as {@code metrics.generator}
     * @return the value, or null
     */
    static String flagDefault(String key) {
        Properties p = new Properties();
        try (InputStream in = SignalCommand.class.getResourceAsStream(DEFAULTS)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty(key);
    }

    /**
     * {@code --seed} as the unsigned 64-bit value YAML would give.
     *
     * @return a {@code Long} or a {@code BigInteger}, or null
     * @throws CliException (exit 2) when it is not such a number
     */
    Object seedValue() {
        if (seed == null) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(seed);
            if (v.signum() < 0 || v.bitLength() > 64) {
                throw new NumberFormatException();
            }
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        } catch (NumberFormatException e) {
            throw new CliException(
                    "invalid --seed \"" + seed + "\": expected an integer from 0 to 18446744073709551615", 2);
        }
    }
}
