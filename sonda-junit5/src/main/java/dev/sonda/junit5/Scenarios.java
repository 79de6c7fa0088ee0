package dev.sonda.junit5;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.yaml.LoadLimits;
import dev.sonda.yaml.LoadResult;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads YAML scenario files for tests, strictly: a key Sonda does not read, anywhere in the file,
 * is an error with its path, line, column and a did-you-mean, not a silent default. The same
 * loading {@link SondaScenario} does for its {@code value}; use it to run a file with {@link
 * Captured#simulate}, to compare a file with its DSL twin, or to feed a property test.
 *
 * <pre>{@code
 * ScenarioPlan fromYaml = Scenarios.fromClasspath("scenarios/cpu-sustained.yaml");
 * assertThat(fromYaml).isEqualTo(CpuPlans.sustained());        // the DSL twin
 * Captured captured = Captured.simulate(fromYaml);
 * }</pre>
 *
 * <p>Unknown top-level and entry keys are errors for every loader (as in the reference); unknown
 * keys inside a {@code generator:}, {@code log_generator:}, {@code encoder:} or {@code sink:} block
 * are warnings for {@link ScenarioLoader#loadWithWarnings} (so files stay compatible with the
 * reference) and errors here. Files are read as UTF-8 within {@link LoadLimits#defaults()}, {@code
 * ${VAR}} references filled from the environment. Stateless.
 */
public final class Scenarios {
    private Scenarios() {}

    /**
     * Loads a scenario file from the classpath, through the thread's context class loader (else
     * this class's): a resource under {@code src/test/resources} in a Maven or Gradle build.
     *
     * @param resource the path from the classpath root, such as {@code scenarios/cpu.yaml} (a
     *     leading {@code /} is ignored)
     * @return the plan
     * @throws ScenarioParseException if the file breaks a rule of the format or has a key Sonda
     *     does not read; every problem is listed with its line and column
     * @throws SondaException if there is no such resource or it cannot be read
     */
    public static ScenarioPlan fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return strict(classpath(resource, loader == null ? Scenarios.class.getClassLoader() : loader));
    }

    /**
     * Loads a scenario file from disk.
     *
     * @param file the file, UTF-8
     * @return the plan
     * @throws ScenarioParseException if the file breaks a rule of the format or has a key Sonda
     *     does not read
     * @throws SondaException if the file cannot be read
     */
    public static ScenarioPlan fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return strict(ScenarioLoader.loadWithWarnings(file, System::getenv, SpecRegistry.defaults()));
    }

    /**
     * Loads scenario text, such as a text block in the test.
     *
     * @param yaml the scenario text
     * @return the plan
     * @throws ScenarioParseException if the text breaks a rule of the format or has a key Sonda
     *     does not read; messages name it {@code scenario text}
     */
    public static ScenarioPlan fromString(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return strict(ScenarioLoader.loadWithWarnings(yaml, "scenario text", System::getenv, SpecRegistry.defaults()));
    }

    /**
     * Loads a classpath resource with its warnings.
     *
     * @param resource the resource path
     * @param loader where to look
     * @return the plan and the warnings
     */
    static LoadResult classpath(String resource, ClassLoader loader) {
        Objects.requireNonNull(resource, "resource");
        return ScenarioLoader.loadResourceWithWarnings(
                resource, loader, LoadLimits.defaults(), SpecRegistry.defaults());
    }

    /**
     * The plan of a load, or the failure its warnings make under strict loading.
     *
     * @param result the load
     * @return the plan, when there is no warning
     * @throws ScenarioParseException listing every warning as a located problem
     */
    static ScenarioPlan strict(LoadResult result) {
        List<LocatedProblem> warnings = result.warnings();
        if (warnings.isEmpty()) {
            return result.plan();
        }
        String source = result.plan().origin() == null
                ? "scenario text"
                : result.plan().origin().sourceName();
        throw new ScenarioParseException(source, warnings);
    }
}
