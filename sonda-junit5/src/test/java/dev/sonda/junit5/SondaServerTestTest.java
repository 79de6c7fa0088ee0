package dev.sonda.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.sonda.server.SondaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link SondaServerTest} and {@link SondaServerExtension}, run through the {@link EngineTestKit}:
 * the fixtures below are test classes Surefire skips (nested), so only the kit runs them; they
 * record what they saw in static lists the assertions read.
 */
class SondaServerTestTest {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    static HttpResponse<String> get(URI uri, String key) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
            if (key != null) {
                b.header("Authorization", "Bearer " + key);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean refusesConnections(URI base) {
        try {
            HTTP.send(
                    HttpRequest.newBuilder(base.resolve("health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return false;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @SondaServerTest(apiKey = "class-key")
    static class SharedServer {
        static final List<URI> SEEN = new CopyOnWriteArrayList<>();

        @BeforeAll
        static void before(SondaServer server) {
            SEEN.add(server.baseUri());
        }

        @Test
        void first(SondaServer server) {
            SEEN.add(server.baseUri());
            assertThat(get(server.baseUri().resolve("scenarios"), null).statusCode())
                    .isEqualTo(401);
            assertThat(get(server.baseUri().resolve("scenarios"), "class-key").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void second(SondaServer server) {
            SEEN.add(server.baseUri());
        }
    }

    @Test
    void aClassLevelServerServesEveryTestOfTheClassAndIsClosedAfterIt() {
        SharedServer.SEEN.clear();

        run(SharedServer.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SharedServer.SEEN).hasSize(3).containsOnly(SharedServer.SEEN.get(0));
        assertThat(SharedServer.SEEN.get(0).getHost()).isEqualTo("127.0.0.1");
        assertThat(refusesConnections(SharedServer.SEEN.get(0))).isTrue();
    }

    static class OwnServers {
        static final List<URI> SEEN = new CopyOnWriteArrayList<>();

        @Test
        @SondaServerTest(maxScenarios = 3)
        void annotated(SondaServer server) {
            SEEN.add(server.baseUri());
            assertThat(get(server.baseUri().resolve("metrics"), null).body())
                    .contains("sonda_server_max_scenarios 3\n");
        }

        @Test
        @ExtendWith(SondaServerExtension.class)
        void onlyTheParameter(SondaServer server) {
            SEEN.add(server.baseUri());
            assertThat(get(server.baseUri().resolve("health"), null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aMethodLevelServerOrABareParameterGivesTheTestItsOwnServer() {
        OwnServers.SEEN.clear();

        run(OwnServers.class).assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(OwnServers.SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(OwnServers.SEEN).allMatch(SondaServerTestTest::refusesConnections);
    }

    @ExtendWith(SondaServerExtension.class)
    static class BeforeAllWithoutAnnotation {
        @BeforeAll
        static void before(SondaServer server) {}

        @Test
        void test() {}
    }

    @Test
    void aBeforeAllParameterWithoutAClassAnnotationFailsSayingWhatToDo() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BeforeAllWithoutAnnotation.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(finishedWithFailure(
                                instanceOf(ParameterResolutionException.class),
                                message(m -> m.contains("annotate the test class with @SondaServerTest")))));
    }

    @SondaServerTest(allowDirs = "no/such/dir")
    static class BadAllowDir {
        @Test
        void test(SondaServer server) {}
    }

    @Test
    void aServerThatCannotStartFailsNamingTheAnnotationAndTheReason() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BadAllowDir.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(finishedWithFailure(message(m -> m.startsWith("@SondaServerTest on class "
                                + BadAllowDir.class.getName() + ": --allow-dir no/such/dir: does not exist")))));
    }
}
