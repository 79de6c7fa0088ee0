package dev.sonda.yaml;

import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads v2 scenario files (Sonda 1.20, {@code compiler/parse.rs}) into the IR, the same {@link
 * ScenarioPlan} the Java DSL builds.
 *
 * <p>The pipeline follows the reference's parse phase:
 *
 * <ol>
 *   <li>Environment interpolation over the raw text: {@code ${NAME}}, {@code ${NAME:-default}},
 *       {@code $$}; names match {@code [A-Z_][A-Z0-9_]*}.
 *   <li>YAML syntax (Jackson); scalars are read as YAML 1.2 core types, so any plain scalar fits
 *       a string field ({@code status: 200} is {@code "200"}), ints and floats fit number fields,
 *       and {@code .nan}, {@code .inf}, {@code -.inf} are doubles.
 *   <li>Version probe: the top-level {@code version} must be exactly the integer 2 (v1 files are
 *       rejected with the migration hint), then the {@code kind} probe.
 *   <li>Shape: canonical ({@code scenarios:} list with optional {@code defaults:}), flat
 *       single-signal shorthand (entry fields at the top level), or {@code kind: composable} (a
 *       metric pack definition).
 *   <li>Fields: the file, {@code defaults}, entries, flat files, {@code after}, {@code while} and
 *       {@code delay} reject unknown keys ({@code unknown key 'ratee'; did you mean 'rate'? known:
 *       ...}); {@code gaps}, {@code bursts}, spikes, dynamic labels, overrides and packs ignore
 *       them. Every {@code generator}, {@code log_generator}, {@code encoder} and {@code sink}
 *       block is read by the provider of its {@code type} in a {@link SpecRegistry} ({@link
 *       SpecRegistry#defaults()} unless one is given); keys the provider never reads are warnings
 *       ({@link #loadWithWarnings}). A type no provider serves is kept as the IR's {@code Generic}
 *       spec; its other keys become properties with values of type {@code String}, {@code Long}
 *       (or {@code BigInteger} beyond 64 bits), {@code Double}, {@code Boolean}, {@code List} and
 *       {@code Map} (YAML nulls are left out).
 *   <li>The parse phase's per-entry checks in the reference's order, then {@link
 *       ScenarioPlan#problems()}.
 * </ol>
 *
 * <p>Every problem is collected, not only the first, and thrown together as a {@link
 * ScenarioParseException} with each problem's YAML path, line and column in the file as written.
 * Rules that need other entries' generators or external files (after-math, cycles, pack
 * resolution, clock groups) belong to the engine's compiler and are not checked here.
 *
 * <p>The {@code expect:} block (read by {@code sonda test} only) and the legacy top-level {@code
 * category} are accepted and dropped: the IR has no place for them.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    /**
     * Loads a scenario file, interpolating {@code ${VAR}} references from the process environment.
     *
     * @param file the scenario file, UTF-8
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Loads a scenario file, interpolating {@code ${VAR}} references through {@code env}.
     *
     * @param file the scenario file, UTF-8
     * @param env variable lookup: the value, or null when the variable is unset
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan load(Path file, Function<String, String> env) {
        return loadWithWarnings(file, env, SpecRegistry.defaults()).plan();
    }

    /**
     * Loads scenario text, interpolating {@code ${VAR}} references from the process environment.
     *
     * @param yaml the scenario text
     * @param sourceName how messages name the text, such as a file path
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column
     */
    public static ScenarioPlan load(String yaml, String sourceName) {
        return load(yaml, sourceName, System::getenv);
    }

    /**
     * Loads scenario text, interpolating {@code ${VAR}} references through {@code env}.
     *
     * @param yaml the scenario text
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column
     */
    public static ScenarioPlan load(String yaml, String sourceName, Function<String, String> env) {
        return load(yaml, sourceName, env, SpecRegistry.defaults());
    }

    /**
     * Loads a scenario file whose {@code type:} blocks are read by the providers of {@code
     * registry}.
     *
     * @param file the scenario file, UTF-8
     * @param env variable lookup: the value, or null when the variable is unset
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws SondaException if the file cannot be read
     */
    public static LoadResult loadWithWarnings(Path file, Function<String, String> env, SpecRegistry registry) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SondaException("failed to read scenario file " + file + ": " + e.getMessage(), e);
        }
        return loadWithWarnings(text, file.toString(), env, registry);
    }

    /**
     * Loads scenario text whose {@code type:} blocks are read by the providers of {@code registry}.
     *
     * @param yaml the scenario text
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column
     */
    public static ScenarioPlan load(
            String yaml, String sourceName, Function<String, String> env, SpecRegistry registry) {
        return loadWithWarnings(yaml, sourceName, env, registry).plan();
    }

    /**
     * Loads scenario text, and returns the plan with the warnings found while reading it (keys of
     * a {@code type:} block that its provider never reads).
     *
     * <p>A block whose {@code type} no provider of {@code registry} serves is kept as the IR's
     * {@code Generic} spec, without a problem here: the engine's compiler reports an unknown type,
     * or a registry with the plug-in serves it.
     *
     * @param yaml the scenario text
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column
     */
    public static LoadResult loadWithWarnings(
            String yaml, String sourceName, Function<String, String> env, SpecRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(env, "env");
        EnvInterpolation text;
        try {
            text = EnvInterpolation.apply(yaml, env);
        } catch (EnvInterpolation.Failure f) {
            throw new ScenarioParseException(
                    sourceName, List.of(new LocatedProblem(new Problem("", f.getMessage()), f.line, f.column)));
        }
        Diagnostics diag = new Diagnostics();
        YamlTree.Node root;
        try {
            root = YamlTree.parse(text, diag);
        } catch (YamlTree.SyntaxError e) {
            throw new ScenarioParseException(
                    sourceName,
                    List.of(new LocatedProblem(new Problem("", e.getMessage()), e.loc.line(), e.loc.column())));
        }
        ScenarioPlan plan = new PlanReader(sourceName, diag, registry).read(root);
        if (!diag.isEmpty()) {
            throw new ScenarioParseException(sourceName, diag.sorted());
        }
        return new LoadResult(plan, diag.warnings());
    }
}
