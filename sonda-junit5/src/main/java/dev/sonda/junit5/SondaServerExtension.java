package dev.sonda.junit5;

import dev.sonda.api.SondaException;
import dev.sonda.server.SondaServer;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The JUnit Jupiter extension behind {@link SondaServerTest}: it starts the server the nearest
 * annotation describes and resolves {@link SondaServer} parameters of test, lifecycle and {@code
 * @Nested} methods and constructors. Servers live in the test's {@link ExtensionContext.Store},
 * closed by JUnit with their context, so parallel tests never share one by accident.
 *
 * <p>Stateless and thread-safe; JUnit creates it through the public no-argument constructor.
 */
public final class SondaServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SondaServerExtension.class);
    private static final String KEY = "server";

    /** Creates the extension; JUnit calls this. */
    public SondaServerExtension() {}

    /**
     * Starts the server of a class-level {@link SondaServerTest}, if the class carries one.
     *
     * @param context the class's context
     * @throws ExtensionConfigurationException if the server cannot start (the message says why)
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        AnnotationSupport.findAnnotation(testClass, SondaServerTest.class)
                .ifPresent(a -> start(context, a, "class " + testClass.getName()));
    }

    /**
     * Starts the server of a method-level {@link SondaServerTest}, if the test method carries one.
     *
     * @param context the test's context
     * @throws ExtensionConfigurationException if the server cannot start
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        AnnotatedElement method = context.getRequiredTestMethod();
        AnnotationSupport.findAnnotation(method, SondaServerTest.class)
                .ifPresent(a -> start(context, a, "method " + context.getRequiredTestMethod()));
    }

    /**
     * Closes the test's own server, if it has one.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        close(context);
    }

    /**
     * Closes the class's own server, if it has one.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    /**
     * Claims {@link SondaServer} parameters.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return whether the parameter is a {@link SondaServer}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SondaServer.class;
    }

    /**
     * The nearest server: the test's own, else its class's (or an enclosing class's); for a test
     * under no {@link SondaServerTest}, a server with the defaults started for that test.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return the running server
     * @throws ParameterResolutionException if no server applies and none can be started here (a
     *     class-level parameter, such as of a {@code @BeforeAll} method, without a class-level
     *     annotation)
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Stored stored = extensionContext.getStore(NAMESPACE).get(KEY, Stored.class);
        if (stored != null) {
            return stored.server;
        }
        Parameter p = parameterContext.getParameter();
        if (extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("No @SondaServerTest applies to parameter [SondaServer "
                    + p.getName() + "] of " + p.getDeclaringExecutable() + ": annotate the test class with"
                    + " @SondaServerTest to receive a server in @BeforeAll methods and constructors");
        }
        SondaServer server =
                SondaServer.builder().log(SondaServerExtension::log).start();
        extensionContext.getStore(NAMESPACE).put(KEY, new Stored(server));
        return server;
    }

    /** Server log lines: only failures reach the test output. */
    private static void log(String line) {
        if (line.startsWith("ERROR")) {
            System.err.println("sonda-server: " + line);
        }
    }

    private static void start(ExtensionContext context, SondaServerTest a, String where) {
        SondaServer.Builder b = SondaServer.builder()
                .maxScenarios(a.maxScenarios())
                .requestTimeout(Duration.ofMillis(a.requestTimeoutMillis()))
                .log(SondaServerExtension::log);
        if (!a.apiKey().isEmpty()) {
            b.apiKey(a.apiKey());
        }
        for (String dir : a.allowDirs()) {
            b.allowDir(Path.of(dir));
        }
        try {
            context.getStore(NAMESPACE).put(KEY, new Stored(b.start()));
        } catch (IllegalArgumentException | SondaException e) {
            throw new ExtensionConfigurationException("@SondaServerTest on " + where + ": " + e.getMessage(), e);
        }
    }

    private static void close(ExtensionContext context) {
        Optional.ofNullable(context.getStore(NAMESPACE).remove(KEY, Stored.class))
                .ifPresent(Stored::close);
    }

    /** A server in a context's store; JUnit closes it with the context if nothing else did. */
    private static final class Stored implements ExtensionContext.Store.CloseableResource {
        private final SondaServer server;

        Stored(SondaServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
