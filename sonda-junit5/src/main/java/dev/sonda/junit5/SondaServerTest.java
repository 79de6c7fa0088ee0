package dev.sonda.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link dev.sonda.server.SondaServer} for a test on 127.0.0.1 and a free port, and
 * hands it to the test as a parameter; it is closed after the test (every scenario stopped, its
 * sinks flushed).
 *
 * <pre>
 * &#64;SondaServerTest
 * class AlertPipelineTest {
 *     &#64;Test
 *     void scrapesAScenario(SondaServer server) throws Exception {
 *         URI scenarios = server.baseUri().resolve("/scenarios");
 *         HttpResponse&lt;String&gt; created = HttpClient.newHttpClient().send(
 *                 HttpRequest.newBuilder(scenarios)
 *                         .header("Content-Type", "application/yaml")
 *                         .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
 *                 HttpResponse.BodyHandlers.ofString());
 *         assertThat(created.statusCode()).isEqualTo(201);
 *     }
 * }
 * </pre>
 *
 * <p><b>Where it goes.</b> On a test class one server serves every test of the class ({@code
 * @Nested} classes included), started before its {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} methods; scenarios one test POSTs are still there for the next. On a test
 * method the test gets a server of its own. The nearest annotation wins, and it may sit on a
 * composed annotation or a superclass. A {@code SondaServer} parameter of a class that only
 * registers {@link SondaServerExtension} gets a server with the defaults, per test.
 *
 * <p>The attributes are the builder's settings; the defaults are the builder's defaults (no API
 * key, no scenario cap, no file access).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SondaServerExtension.class)
public @interface SondaServerTest {
    /**
     * The API key every route but {@code /health} requires as {@code Authorization: Bearer
     * <key>}; empty (the default) for none.
     *
     * @return the key
     */
    String apiKey() default "";

    /**
     * The most scenarios stored at once; 0 (the default) is unlimited.
     *
     * @return the cap
     */
    int maxScenarios() default 0;

    /**
     * Directories under which file sinks and csv_replay files are allowed, relative to the working
     * directory (the module directory under Maven); none by default.
     *
     * @return the directories
     */
    String[] allowDirs() default {};

    /**
     * The request timeout in milliseconds; default 30,000.
     *
     * @return the timeout
     */
    long requestTimeoutMillis() default 30_000;
}
