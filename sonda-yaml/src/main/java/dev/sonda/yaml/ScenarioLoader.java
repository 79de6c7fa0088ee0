package dev.sonda.yaml;

import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads v2 scenario files (Sonda 1.20, {@code compiler/parse.rs}) into the IR, the same {@link
 * ScenarioPlan} the Java DSL builds.
 *
 * <p>Every entry point (a path, a stream, a classpath resource, a string) takes one bounded path,
 * within {@link LoadLimits} ({@linkplain LoadLimits#defaults() defaults} unless given):
 *
 * <ol>
 *   <li>Bytes are read up to {@link LoadLimits#maxDocumentBytes()} and must be UTF-8 (a byte order
 *       mark is skipped); the text must hold no control characters but tab, line feed and carriage
 *       return. A problem here names its byte offset, line and column.
 *   <li>Environment interpolation over the raw text: {@code ${NAME}}, {@code ${NAME:-default}},
 *       {@code $$}; names match {@code [A-Z_][A-Z0-9_]*}.
 *   <li>YAML syntax (Jackson over SnakeYAML), stopping at the first limit exceeded: a token longer
 *       than {@link LoadLimits#maxScalarLength()} on one line, nesting, aliases, expanded nodes and
 *       characters, a scalar or number too long, too many entries; scalars are read as YAML 1.2 core types, so any plain scalar fits
 *       a string field ({@code status: 200} is {@code "200"}), ints and floats fit number fields,
 *       and {@code .nan}, {@code .inf}, {@code -.inf} are doubles.
 *   <li>Version probe: the top-level {@code version} must be exactly the integer 2 (v1 files are
 *       rejected with the migration hint), then the {@code kind} probe. A file with no {@code
 *       version} whose top-level keys are a Mockingbird configuration's ({@code global}, {@code
 *       exporters}, {@code profiles}, {@code metrics}, {@code runtime}) is read as one: a plan of
 *       one {@code signal_type: workload} entry named {@code mockingbird}, with Mockingbird's
 *       defaults and lax values; the keys it ignores become warnings.
 *   <li>Shape: canonical ({@code scenarios:} list with optional {@code defaults:}), flat
 *       single-signal shorthand (entry fields at the top level), or {@code kind: composable} (a
 *       metric pack definition).
 *   <li>Fields: the file, {@code defaults}, entries, flat files, {@code after}, {@code while} and
 *       {@code delay} reject unknown keys ({@code unknown field `x`, expected one of ...}); {@code
 *       gaps}, {@code bursts}, spikes, dynamic labels, overrides, packs and every {@code type:}
 *       block ignore them. An unknown generator, log generator, encoder or sink {@code type} is
 *       kept as the IR's {@code Generic} spec for plug-ins; its other keys become properties with
 *       values of type {@code String}, {@code Long} (or {@code BigInteger} beyond 64 bits), {@code
 *       Double}, {@code Boolean}, {@code List} and {@code Map} (YAML nulls are left out).
 *   <li>The parse phase's per-entry checks in the reference's order, then {@link
 *       ScenarioPlan#problems()}.
 * </ol>
 *
 * <p>Every problem is collected, not only the first, and thrown together as a {@link
 * ScenarioParseException} with each problem's YAML path, line and column in the file as written;
 * problems that stop reading (invalid UTF-8, malformed YAML, a limit exceeded) come alone.
 * Rules that need other entries' generators or external files (after-math, cycles, pack
 * resolution, clock groups) belong to the engine's compiler and are not checked here.
 *
 * <p>The {@code expect:} block (read by {@code sonda test} only) and the legacy top-level {@code
 * category} are accepted and dropped: the IR has no place for them.
 */
public final class ScenarioLoader {
    private static final String FILE = "scenario file";
    private static final String TEXT = "scenario text";

    private ScenarioLoader() {}

    /**
     * Loads a scenario file within the {@linkplain LoadLimits#defaults() default limits},
     * interpolating {@code ${VAR}} references from the process environment.
     *
     * @param file the scenario file, UTF-8 (a byte order mark is skipped)
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan load(Path file) {
        return load(file, System::getenv, LoadLimits.defaults());
    }

    /**
     * Loads a scenario file within {@code limits}, interpolating {@code ${VAR}} references from the
     * process environment.
     *
     * @param file the scenario file, UTF-8 (a byte order mark is skipped)
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan load(Path file, LoadLimits limits) {
        return load(file, System::getenv, limits);
    }

    /**
     * Loads a scenario file within the {@linkplain LoadLimits#defaults() default limits},
     * interpolating {@code ${VAR}} references through {@code env}.
     *
     * @param file the scenario file, UTF-8 (a byte order mark is skipped)
     * @param env variable lookup: the value, or null when the variable is unset
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan load(Path file, Function<String, String> env) {
        return load(file, env, LoadLimits.defaults());
    }

    /**
     * Loads a scenario file within {@code limits}, interpolating {@code ${VAR}} references through
     * {@code env}. Reads at most {@link LoadLimits#maxDocumentBytes()} + 1 bytes of it.
     *
     * @param file the scenario file, UTF-8 (a byte order mark is skipped)
     * @param env variable lookup: the value, or null when the variable is unset
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the file cannot be read, with the reason (such as {@code no such
     *     file})
     */
    public static ScenarioPlan load(Path file, Function<String, String> env, LoadLimits limits) {
        return loadWithWarnings(file, env, limits, SpecRegistry.defaults()).plan();
    }

    /**
     * Loads a scenario file whose {@code type:} blocks are read by the providers of {@code
     * registry}, within the default limits.
     *
     * @param file the scenario file, UTF-8
     * @param env variable lookup: the value, or null when the variable is unset
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings (keys of a {@code type:} block its provider never reads)
     * @throws ScenarioParseException carrying every problem found, each with line and column
     * @throws SondaException if the file cannot be read
     */
    public static LoadResult loadWithWarnings(Path file, Function<String, String> env, SpecRegistry registry) {
        return loadWithWarnings(file, env, LoadLimits.defaults(), registry);
    }

    /**
     * Loads a scenario file within {@code limits} whose {@code type:} blocks are read by the
     * providers of {@code registry}. Reads at most {@link LoadLimits#maxDocumentBytes()} + 1 bytes.
     *
     * @param file the scenario file, UTF-8 (a byte order mark is skipped)
     * @param env variable lookup: the value, or null when the variable is unset
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the file cannot be read, with the reason (such as {@code no such
     *     file})
     */
    public static LoadResult loadWithWarnings(
            Path file, Function<String, String> env, LoadLimits limits, SpecRegistry registry) {
        Objects.requireNonNull(file, "scenario file");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registry, "registry");
        return fromBytes(readFile(file, limits), FILE, file.toString(), env, limits, registry);
    }

    /**
     * Loads scenario text from a stream within {@code limits}, interpolating {@code ${VAR}}
     * references from the process environment. Reads at most {@link LoadLimits#maxDocumentBytes()}
     * + 1 bytes and does not close the stream. For text from an untrusted client, such as an HTTP
     * request body, prefer {@link #load(InputStream, String, Function, LoadLimits)} with a lookup
     * that exposes only the variables meant to be shared.
     *
     * @param in the scenario text as UTF-8 (a byte order mark is skipped)
     * @param sourceName how messages name the text, such as {@code request body}
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the stream cannot be read
     */
    public static ScenarioPlan load(InputStream in, String sourceName, LoadLimits limits) {
        return load(in, sourceName, System::getenv, limits);
    }

    /**
     * Loads scenario text from a stream within {@code limits}, interpolating {@code ${VAR}}
     * references through {@code env}. Reads at most {@link LoadLimits#maxDocumentBytes()} + 1
     * bytes and does not close the stream.
     *
     * @param in the scenario text as UTF-8 (a byte order mark is skipped)
     * @param sourceName how messages name the text, such as {@code request body}
     * @param env variable lookup: the value, or null when the variable is unset ({@code name ->
     *     null} leaves only {@code ${NAME:-default}} references usable)
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the stream cannot be read
     */
    public static ScenarioPlan load(
            InputStream in, String sourceName, Function<String, String> env, LoadLimits limits) {
        return loadWithWarnings(in, sourceName, env, limits, SpecRegistry.defaults())
                .plan();
    }

    /**
     * Loads scenario text from a stream within {@code limits} whose {@code type:} blocks are read
     * by the providers of {@code registry}. Reads at most {@link LoadLimits#maxDocumentBytes()} + 1
     * bytes and does not close the stream.
     *
     * @param in the scenario text as UTF-8 (a byte order mark is skipped)
     * @param sourceName how messages name the text, such as {@code request body}
     * @param env variable lookup: the value, or null when the variable is unset
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if the stream cannot be read
     */
    public static LoadResult loadWithWarnings(
            InputStream in, String sourceName, Function<String, String> env, LoadLimits limits, SpecRegistry registry) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registry, "registry");
        byte[] bytes;
        try {
            bytes = ScenarioText.read(in, limits);
        } catch (IOException e) {
            throw new SondaException("failed to read scenario text " + sourceName + ": " + reason(e), e);
        }
        return fromBytes(bytes, TEXT, sourceName, env, limits, registry);
    }

    /**
     * Loads a scenario file from the classpath within the {@linkplain LoadLimits#defaults()
     * default limits}, through the thread's context class loader (else this class's loader),
     * interpolating {@code ${VAR}} references from the process environment. Messages name it
     * {@code classpath:<name>}.
     *
     * @param resourceName the resource path from the classpath root, such as {@code
     *     scenarios/cpu.yaml} (a leading {@code /} is ignored)
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if no such resource exists or it cannot be read
     */
    public static ScenarioPlan loadResource(String resourceName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loadResource(
                resourceName, loader == null ? ScenarioLoader.class.getClassLoader() : loader, LoadLimits.defaults());
    }

    /**
     * Loads a scenario file from the classpath of {@code loader} within the {@linkplain
     * LoadLimits#defaults() default limits}, interpolating {@code ${VAR}} references from the process
     * environment. Messages name it {@code classpath:<name>}.
     *
     * @param resourceName the resource path from the classpath root, such as {@code
     *     scenarios/cpu.yaml} (a leading {@code /} is ignored)
     * @param loader the class loader to find it with
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if no such resource exists or it cannot be read
     */
    public static ScenarioPlan loadResource(String resourceName, ClassLoader loader) {
        return loadResource(resourceName, loader, LoadLimits.defaults());
    }

    /**
     * Loads a scenario file from the classpath of {@code loader} within {@code limits},
     * interpolating {@code ${VAR}} references from the process environment. Messages name it
     * {@code classpath:<name>}.
     *
     * @param resourceName the resource path from the classpath root, such as {@code
     *     scenarios/cpu.yaml} (a leading {@code /} is ignored)
     * @param loader the class loader to find it with
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if no such resource exists or it cannot be read
     */
    public static ScenarioPlan loadResource(String resourceName, ClassLoader loader, LoadLimits limits) {
        return loadResourceWithWarnings(resourceName, loader, limits, SpecRegistry.defaults())
                .plan();
    }

    /**
     * Loads a scenario file from the classpath of {@code loader} within {@code limits}, whose
     * {@code type:} blocks are read by the providers of {@code registry}, interpolating {@code
     * ${VAR}} references from the process environment. Messages name it {@code
     * classpath:<name>}.
     *
     * @param resourceName the resource path from the classpath root, such as {@code
     *     scenarios/cpu.yaml} (a leading {@code /} is ignored)
     * @param loader the class loader to find it with
     * @param limits the bounds on size, nesting, aliases, scalars and entries
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings (keys of a {@code type:} block its provider never reads)
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (not UTF-8, a control character, a limit exceeded)
     * @throws SondaException if no such resource exists or it cannot be read
     */
    public static LoadResult loadResourceWithWarnings(
            String resourceName, ClassLoader loader, LoadLimits limits, SpecRegistry registry) {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registry, "registry");
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        String sourceName = "classpath:" + name;
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new SondaException("failed to read scenario file " + sourceName
                        + ": no such resource (names are paths from the classpath root, such as the path under"
                        + " src/test/resources)");
            }
            bytes = ScenarioText.read(in, limits);
        } catch (IOException e) {
            throw new SondaException("failed to read scenario file " + sourceName + ": " + reason(e), e);
        }
        return fromBytes(bytes, FILE, sourceName, System::getenv, limits, registry);
    }

    /**
     * Loads scenario text within the {@linkplain LoadLimits#defaults() default limits},
     * interpolating {@code ${VAR}} references from the process environment.
     *
     * @param yaml the scenario text (a leading byte order mark is skipped)
     * @param sourceName how messages name the text, such as a file path
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (a control character, a limit exceeded)
     */
    public static ScenarioPlan load(String yaml, String sourceName) {
        return load(yaml, sourceName, System::getenv, LoadLimits.defaults());
    }

    /**
     * Loads scenario text within {@code limits}, interpolating {@code ${VAR}} references from the
     * process environment.
     *
     * @param yaml the scenario text (a leading byte order mark is skipped)
     * @param sourceName how messages name the text, such as a file path
     * @param limits the bounds on size (counted as UTF-8), nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (a control character, a limit exceeded)
     */
    public static ScenarioPlan load(String yaml, String sourceName, LoadLimits limits) {
        return load(yaml, sourceName, System::getenv, limits);
    }

    /**
     * Loads scenario text within the {@linkplain LoadLimits#defaults() default limits},
     * interpolating {@code ${VAR}} references through {@code env}.
     *
     * @param yaml the scenario text (a leading byte order mark is skipped)
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (a control character, a limit exceeded)
     */
    public static ScenarioPlan load(String yaml, String sourceName, Function<String, String> env) {
        return load(yaml, sourceName, env, LoadLimits.defaults());
    }

    /**
     * Loads scenario text within {@code limits}, interpolating {@code ${VAR}} references through
     * {@code env}. Every other entry point reads its bytes, decodes them as UTF-8 and continues
     * here.
     *
     * @param yaml the scenario text (a leading byte order mark is skipped)
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @param limits the bounds on size (counted as UTF-8), nesting, aliases, scalars and entries
     * @return the plan
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (a control character, a limit exceeded)
     */
    public static ScenarioPlan load(String yaml, String sourceName, Function<String, String> env, LoadLimits limits) {
        return loadWithWarnings(yaml, sourceName, env, limits, SpecRegistry.defaults())
                .plan();
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
     * a {@code type:} block that its provider never reads), within the default limits.
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
        return loadWithWarnings(yaml, sourceName, env, LoadLimits.defaults(), registry);
    }

    /**
     * Loads scenario text within {@code limits} whose {@code type:} blocks are read by the
     * providers of {@code registry}: the one bounded path every entry point ends in.
     *
     * @param yaml the scenario text (a leading byte order mark is skipped)
     * @param sourceName how messages name the text, such as a file path
     * @param env variable lookup: the value, or null when the variable is unset
     * @param limits the bounds on size (counted as UTF-8), nesting, aliases, scalars and entries
     * @param registry the providers that read the generator, log generator, encoder and sink blocks
     * @return the plan and the warnings
     * @throws ScenarioParseException carrying every problem found, each with line and column; or
     *     the one problem that stopped reading (a control character, a limit exceeded)
     */
    public static LoadResult loadWithWarnings(
            String yaml, String sourceName, Function<String, String> env, LoadLimits limits, SpecRegistry registry) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registry, "registry");
        try {
            return fromText(ScenarioText.check(yaml, TEXT, limits), sourceName, env, limits, registry);
        } catch (Rejected r) {
            throw r.toException(sourceName);
        }
    }

    private static LoadResult fromBytes(
            byte[] bytes,
            String noun,
            String sourceName,
            Function<String, String> env,
            LoadLimits limits,
            SpecRegistry registry) {
        Objects.requireNonNull(env, "env");
        try {
            return fromText(ScenarioText.decode(bytes, noun, limits), sourceName, env, limits, registry);
        } catch (Rejected r) {
            throw r.toException(sourceName);
        }
    }

    /** The one bounded path behind every entry point, from checked text to a plan. */
    private static LoadResult fromText(
            String yaml, String sourceName, Function<String, String> env, LoadLimits limits, SpecRegistry registry) {
        Diagnostics diag = new Diagnostics();
        YamlTree.Node root = parse(yaml, sourceName, env, limits, diag);
        if (MockingbirdReader.recognises(root)) {
            ScenarioPlan plan = new MockingbirdReader(diag, env).read((YamlTree.Mapping) root);
            if (!diag.isEmpty()) {
                throw new ScenarioParseException(sourceName, diag.sorted());
            }
            return new LoadResult(plan, diag.warnings());
        }
        PlanReader reader = new PlanReader(sourceName, diag, registry);
        ScenarioPlan plan = reader.read(root);
        if (!diag.isEmpty()) {
            throw new ScenarioParseException(
                    sourceName, diag.sorted(), reader.complete() ? plan.withOrigin(reader.sourceMap()) : null);
        }
        return new LoadResult(plan.withOrigin(reader.sourceMap()), diag.warnings());
    }

    /**
     * Interpolates checked text and parses it into a tree within {@code limits}: the steps every
     * loader of this package takes before reading the tree (this class and {@link
     * FlatScenarioLoader}). Syntax and limit problems go to {@code diag}.
     *
     * @throws ScenarioParseException naming the line and column of a variable without value or
     *     default, or of a malformed reference
     */
    static YamlTree.Node parse(
            String yaml, String sourceName, Function<String, String> env, LoadLimits limits, Diagnostics diag) {
        EnvInterpolation text;
        try {
            text = EnvInterpolation.apply(yaml, env, limits.maxDocumentBytes());
        } catch (EnvInterpolation.Failure f) {
            throw interpolationFailure(sourceName, f);
        }
        return YamlTree.parse(text, diag, limits);
    }

    /** An interpolation failure as the one problem of a parse exception, at its line and column. */
    private static ScenarioParseException interpolationFailure(String sourceName, EnvInterpolation.Failure f) {
        return new ScenarioParseException(
                sourceName, List.of(new LocatedProblem(new Problem("", f.getMessage()), f.line, f.column)));
    }

    /**
     * Applies the scenario format's environment interpolation to a text, as every loader does
     * before parsing: {@code ${VAR}} and {@code ${VAR:-default}} become the variable's value (or the
     * default when it is unset or empty), {@code $$} a literal {@code $}. For tools that read other
     * blocks of a scenario file themselves (such as {@code sonda test}'s {@code expect:}).
     *
     * @param text the file's text
     * @param sourceName the file's name, for the message of a failure
     * @param env the environment lookup: the value, or null when unset
     * @return the text with every reference replaced
     * @throws ScenarioParseException naming the line and column of a variable without value or
     *     default, or of a malformed reference
     * @throws NullPointerException if an argument is null
     */
    public static String interpolate(String text, String sourceName, Function<String, String> env) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(env, "env");
        try {
            return EnvInterpolation.apply(text, env).text();
        } catch (EnvInterpolation.Failure f) {
            throw interpolationFailure(sourceName, f);
        }
    }

    /**
     * A scenario file's bytes, within the limits; the one file read of every loader.
     *
     * @throws SondaException "failed to read scenario file F: why" when it cannot be read
     */
    static byte[] readFile(Path file, LoadLimits limits) {
        try (InputStream in = Files.newInputStream(file)) {
            return ScenarioText.read(in, limits);
        } catch (IOException e) {
            throw new SondaException("failed to read scenario file " + file + ": " + reason(e), e);
        }
    }

    /** An I/O failure in words, without repeating the file name the caller already gives. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
