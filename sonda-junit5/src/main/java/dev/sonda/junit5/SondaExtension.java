package dev.sonda.junit5;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunStats;
import dev.sonda.yaml.LoadResult;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioParseException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit Jupiter extension behind {@link SondaScenario}; {@code @SondaScenario} registers it,
 * so tests rarely name it. It runs the scenario a test's nearest {@code @SondaScenario} describes
 * and resolves {@link Captured} and {@link SondaRun} parameters of test, lifecycle and {@code
 * @Nested} methods.
 *
 * <p>Lifecycle: a class-level scenario starts in {@code beforeAll} and ends in {@code afterAll};
 * a method-level one starts in {@code beforeEach} and ends in {@code afterEach}. A simulated run
 * is complete before the test starts (its failures fail the test right there); a system-clock run
 * is stopped at the end, its sinks flushed and closed, and its background failures rethrown as a
 * {@link dev.sonda.engine.RunFailedException}. Runs live in the test's {@link
 * ExtensionContext.Store}, so nested tests find the nearest one and parallel tests never share
 * one by accident.
 *
 * <p>Stateless and thread-safe; JUnit creates it through the public no-argument constructor.
 */
public final class SondaExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SondaExtension.class);
    private static final String KEY = "scenario-run";

    /**
     * Parameter types a test may reach for by mistake, with what to use instead; every other type
     * is left to other resolvers.
     */
    private static final Map<Class<?>, String> MISTAKES = Map.of(
            Series.class,
                    "a Series is picked from the capture: declare a Captured parameter and call"
                            + " captured.series(\"name\")",
            Sample.class, "declare a Captured parameter and read captured.samples() or captured.series(\"name\")",
            SampleStream.class, "declare a SondaRun parameter and call run.samples()",
            LogRecord.class, "declare a Captured parameter and read captured.logs()",
            Logs.class, "declare a Captured parameter and call captured.logs()",
            Run.class, "declare a SondaRun parameter: it controls the scenario's run",
            RunStats.class, "declare a SondaRun parameter and call run.stats()");

    /** Creates the extension; JUnit calls this. */
    public SondaExtension() {}

    /**
     * Runs the scenario of a class-level {@link SondaScenario}, if the test class (or a superclass
     * or a composed annotation on it) carries one.
     *
     * @param context the class's context
     * @throws ExtensionConfigurationException if the annotation or its scenario is unusable
     * @throws dev.sonda.engine.RunFailedException if a simulated run failed
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<SondaScenario> annotation = AnnotationSupport.findAnnotation(testClass, SondaScenario.class);
        if (annotation.isPresent()) {
            start(context, annotation.get(), testClass, "class " + testClass.getName());
        }
    }

    /**
     * Runs the scenario of a method-level {@link SondaScenario}, if the test method (or a composed
     * annotation on it) carries one.
     *
     * @param context the test's context
     * @throws ExtensionConfigurationException if the annotation or its scenario is unusable
     * @throws dev.sonda.engine.RunFailedException if a simulated run failed
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Optional<SondaScenario> annotation = AnnotationSupport.findAnnotation(method, SondaScenario.class);
        if (annotation.isPresent()) {
            Class<?> testClass = context.getRequiredTestClass();
            start(
                    context,
                    annotation.get(),
                    testClass,
                    "method " + testClass.getName() + "." + method.getName() + "()");
        }
    }

    /**
     * Ends the test's own run, if it has one, and rethrows its failures.
     *
     * @param context the test's context
     * @throws dev.sonda.engine.RunFailedException if the background work failed
     */
    @Override
    public void afterEach(ExtensionContext context) {
        finish(context);
    }

    /**
     * Ends the class's own run, if it has one, and rethrows its failures.
     *
     * @param context the class's context
     * @throws dev.sonda.engine.RunFailedException if the background work failed
     */
    @Override
    public void afterAll(ExtensionContext context) {
        finish(context);
    }

    /**
     * Claims {@link Captured} and {@link SondaRun} parameters, and a few Sonda types that only
     * look injectable (such as {@link Series} and {@link Run}) so that they fail with a hint.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return whether this extension answers for the parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Captured.class || type == SondaRun.class || MISTAKES.containsKey(type);
    }

    /**
     * Provides the nearest run's {@link Captured} or {@link SondaRun}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return the capture or the run control
     * @throws ParameterResolutionException for a Sonda type that is not injected (the message says
     *     what to declare instead), or when no {@link SondaScenario} applies to the method
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Class<?> type = parameter.getType();
        String what = "parameter [" + type.getSimpleName() + " " + parameter.getName() + "] of "
                + parameter.getDeclaringExecutable().getDeclaringClass().getName() + "."
                + parameter.getDeclaringExecutable().getName() + "()";
        String hint = MISTAKES.get(type);
        if (hint != null) {
            throw new ParameterResolutionException("@SondaScenario cannot inject " + what + ": it provides Captured and"
                    + " SondaRun parameters only; " + hint);
        }
        Stored stored = extensionContext.getStore(NAMESPACE).get(KEY, Stored.class);
        if (stored == null) {
            throw new ParameterResolutionException("No @SondaScenario applies to " + what + ": annotate the test"
                    + " method or its class with @SondaScenario to receive a " + type.getSimpleName()
                    + " (a class-level scenario is available to @BeforeAll methods, a method-level one only to"
                    + " that test and its @BeforeEach/@AfterEach methods)");
        }
        return type == Captured.class ? stored.run.captured() : stored.run.control();
    }

    private static void start(ExtensionContext context, SondaScenario annotation, Class<?> testClass, String where) {
        boolean simulated = annotation.clock() == SondaScenario.Clock.SIMULATED;
        Instant start = startInstant(context, annotation, where);
        Long seed = seed(context, annotation, where);
        List<String> warnings = new ArrayList<>();
        ScenarioPlan plan = plan(annotation, testClass, where, warnings);
        CompiledPlan compiled;
        try {
            compiled = ScenarioRun.compile(plan, simulated, seed);
        } catch (InvalidScenarioException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": " + e.getMessage(), e);
        }
        for (String w : warnings) {
            System.err.println(w);
        }
        ScenarioRun run = ScenarioRun.start(compiled, simulated, start, annotation.keepSinks(), warnings);
        context.getStore(NAMESPACE).put(KEY, new Stored(run));
        if (simulated) {
            run.finish();
        }
    }

    private static void finish(ExtensionContext context) {
        Stored stored = context.getStore(NAMESPACE).remove(KEY, Stored.class);
        if (stored != null) {
            stored.run.finish();
        }
    }

    private static Instant startInstant(ExtensionContext context, SondaScenario annotation, String where) {
        boolean own = !annotation.start().isEmpty();
        if (annotation.clock() == SondaScenario.Clock.SYSTEM) {
            if (own) {
                throw new ExtensionConfigurationException("@SondaScenario on " + where + ": start = \""
                        + annotation.start() + "\" applies to the simulated clock only; remove it, or use clock ="
                        + " SIMULATED");
            }
            return null;
        }
        Optional<String> parameter =
                own ? Optional.empty() : context.getConfigurationParameter(SondaScenario.START_PARAMETER);
        String text = own ? annotation.start() : parameter.orElse(SondaScenario.DEFAULT_START);
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            String source = own
                    ? "start = \"" + text + "\""
                    : "configuration parameter " + SondaScenario.START_PARAMETER + " = \"" + text + "\"";
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": " + source + " is not an ISO-8601 instant such as "
                            + SondaScenario.DEFAULT_START,
                    e);
        }
    }

    /** The annotation's seed, else the configuration parameter's, else null. */
    private static Long seed(ExtensionContext context, SondaScenario annotation, String where) {
        long[] own = annotation.seed();
        if (own.length > 1) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": seed takes one value, got "
                    + own.length + " (" + java.util.Arrays.toString(own) + ")");
        }
        if (own.length == 1) {
            return own[0];
        }
        Optional<String> parameter = context.getConfigurationParameter(SondaScenario.SEED_PARAMETER);
        if (parameter.isEmpty() || parameter.get().isBlank()) {
            return null;
        }
        String text = parameter.get().strip();
        try {
            return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": configuration parameter " + SondaScenario.SEED_PARAMETER + " = \""
                            + text + "\" is not a 64-bit integer such as 42",
                    e);
        }
    }

    private static ScenarioPlan plan(
            SondaScenario annotation, Class<?> testClass, String where, List<String> warnings) {
        boolean resource = !annotation.value().isEmpty();
        boolean method = !annotation.plan().isEmpty();
        if (resource == method) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": set exactly one of value (a"
                    + " classpath YAML resource) and plan (a static method returning a ScenarioPlan), "
                    + (resource ? "not both" : "got neither"));
        }
        return resource
                ? fromResource(annotation.value(), testClass, where, annotation.strict(), warnings)
                : fromMethod(annotation.plan(), testClass, where);
    }

    private static ScenarioPlan fromResource(
            String name, Class<?> testClass, String where, boolean strict, List<String> warnings) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = testClass.getClassLoader();
        if (loader == null || loader.getResource(path) == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            loader = context != null && context.getResource(path) != null ? context : null;
        }
        if (loader == null) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": classpath resource '" + name
                    + "' not found (paths are resolved from the classpath root, such as src/test/resources/" + path
                    + ")");
        }
        try {
            LoadResult result = Scenarios.classpath(path, loader);
            if (strict) {
                return Scenarios.strict(result);
            }
            for (LocatedProblem w : result.warnings()) {
                warnings.add("sonda: warning: " + w.render("classpath:" + path));
            }
            return result.plan();
        } catch (ScenarioParseException e) {
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": " + e.getMessage()
                            + (strict && !e.located().isEmpty()
                                    ? "\n(@SondaScenario is strict: a key Sonda does not read fails the test; fix the"
                                            + " key, or set strict = false to accept it with a warning)"
                                    : ""),
                    e);
        } catch (SondaException e) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": " + e.getMessage(), e);
        }
    }

    private static ScenarioPlan fromMethod(String name, Class<?> testClass, String where) {
        Method method = null;
        for (Class<?> c = testClass; c != null && method == null; c = c.getEnclosingClass()) {
            method = ReflectionSupport.findMethod(c, name).orElse(null);
        }
        if (method == null) {
            List<Method> others = ReflectionSupport.findMethods(
                    testClass, m -> m.getName().equals(name), HierarchyTraversalMode.TOP_DOWN);
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": plan method '" + name + "'"
                    + (others.isEmpty()
                            ? " not found in " + testClass.getName() + ", its superclasses or enclosing classes"
                            : " must take no parameters, found " + others.get(0).toGenericString())
                    + "; expected static ScenarioPlan " + name + "()");
        }
        String signature = method.getDeclaringClass().getName() + "." + name + "()";
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": plan method " + signature + " must be static");
        }
        if (!ScenarioPlan.class.isAssignableFrom(method.getReturnType())) {
            throw new ExtensionConfigurationException("@SondaScenario on " + where + ": plan method " + signature
                    + " must return dev.sonda.api.ScenarioPlan, not "
                    + method.getReturnType().getName()
                    + " (finish a DSL stage with build() or buildPlan())");
        }
        Object plan;
        try {
            plan = ReflectionSupport.invokeMethod(method, null);
        } catch (Exception e) {
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": plan method " + signature + " threw " + e, e);
        }
        if (plan == null) {
            throw new ExtensionConfigurationException(
                    "@SondaScenario on " + where + ": plan method " + signature + " returned null");
        }
        return (ScenarioPlan) plan;
    }

    /** A run in a context's store; JUnit closes it with the context if nothing else did. */
    private static final class Stored implements ExtensionContext.Store.CloseableResource {
        private final ScenarioRun run;

        Stored(ScenarioRun run) {
            this.run = run;
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
