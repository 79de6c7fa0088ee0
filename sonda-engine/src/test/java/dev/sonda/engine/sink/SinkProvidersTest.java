package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkProvidersTest {

    /** A second provider of {@code stdout}, to provoke the conflict. */
    public static final class DuplicateStdoutProvider implements SinkProvider {
        /** For ServiceLoader. */
        public DuplicateStdoutProvider() {}

        @Override
        public String type() {
            return "stdout";
        }

        @Override
        public Class<SinkSpec.Stdout> specClass() {
            return SinkSpec.Stdout.class;
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.Stdout();
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {}

        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new MemorySink(), context);
        }
    }

    @Test
    void theBuiltInsAreFoundThroughServiceLoader() {
        SpecRegistry registry = SpecRegistry.defaults();
        assertThat(registry.types(SpecKind.SINK))
                .contains("file", "http_push", "loki", "memory", "stdout", "tcp", "udp");
        assertThat(registry.find(SpecKind.SINK, "udp", SinkProvider.class))
                .get()
                .isInstanceOf(UdpSink.Provider.class);
    }

    @Test
    void anUnknownTypeIsReportedWithADidYouMeanAndEveryKnownName() {
        Problems problems = new Problems();
        Object spec = SpecRegistry.defaults()
                .resolve(SpecKind.SINK, new SinkSpec.Generic("stdut", Map.of()), "scenarios[1].sink", problems);
        assertThat(spec).isNull();
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("scenarios[1].sink.type");
            assertThat(p.message())
                    .startsWith("unknown sink type 'stdut'; did you mean 'stdout'? known: ")
                    .contains("file, http_push, loki, memory, stdout, tcp, udp");
        });
    }

    @Test
    void aTypeOfAnOptionalModuleNamesTheModuleToAdd() {
        String message = SpecRegistry.builder().build().unknownType(SpecKind.SINK, "kafka");
        assertThat(message)
                .isEqualTo("sink type 'kafka' needs the sonda-kafka module: add the dependency dev.sonda:sonda-kafka"
                        + " to the class path (the sonda command includes it)");
    }

    @Test
    void aProgrammaticProviderServesItsTypeWithoutTheClassPath() {
        SinkProvider echo = new SinkProvider() {
            @Override
            public String type() {
                return "sinks_test_echo";
            }

            @Override
            public Class<SinkSpec.Generic> specClass() {
                return SinkSpec.Generic.class;
            }

            @Override
            public SinkSpec read(SpecBlock block) {
                return new SinkSpec.Generic("sinks_test_echo", block.plainValues(java.util.Set.of("type")));
            }

            @Override
            public void write(SinkSpec spec, SpecWriter out) {}

            @Override
            public Sink create(SinkSpec spec, SinkContext context) {
                return EncodingSink.of(new MemorySink(), context);
            }
        };
        SpecRegistry registry = SpecRegistry.defaults().toBuilder().add(echo).build();
        assertThat(registry.types(SpecKind.SINK)).contains("sinks_test_echo", "stdout");
        assertThat(SpecRegistry.defaults().types(SpecKind.SINK)).doesNotContain("sinks_test_echo");
    }

    @Test
    void twoProvidersOfOneTypeNameBothClasses() {
        assertThatThrownBy(() -> SpecRegistry.defaults().toBuilder()
                        .add(new DuplicateStdoutProvider())
                        .build())
                .isInstanceOf(SondaException.class)
                .hasMessage("sink type 'stdout' is provided by both " + StdoutSink.Provider.class.getName() + " and "
                        + DuplicateStdoutProvider.class.getName() + "; remove one of them from the class path");
    }

    @Test
    void twoServiceLoadedProvidersOfOneTypeAreAnError(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve("dev.sonda.api.spi.SpecProvider"), DuplicateStdoutProvider.class.getName() + "\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, SinkProvidersTest.class.getClassLoader())) {
            assertThatThrownBy(() -> SpecRegistry.load(loader))
                    .isInstanceOf(SondaException.class)
                    .hasMessageContaining("sink type 'stdout' is provided by both");
        }
    }

    @Test
    void displayStringsAreTheReferences() {
        assertThat(display(SinkSpec.stdout())).isEqualTo("stdout");
        assertThat(display(SinkSpec.file("/tmp/out.prom"))).isEqualTo("file (/tmp/out.prom)");
        assertThat(display(SinkSpec.tcp("localhost:9000"))).isEqualTo("tcp (localhost:9000)");
        assertThat(display(SinkSpec.udp("127.0.0.1:8125"))).isEqualTo("udp (127.0.0.1:8125)");
        assertThat(display(SinkSpec.httpPush("http://vm:8428/api/v1/import/prometheus")))
                .isEqualTo("http_push (http://vm:8428/api/v1/import/prometheus)");
        assertThat(display(new SinkSpec.Loki("http://loki:3100", null, null, null, null)))
                .isEqualTo("loki (http://loki:3100)");
        assertThat(display(SinkSpec.memory())).isEqualTo("memory");
    }

    @Test
    void aUrlThatIsNotHttpIsReportedBeforeTheRunStarts() {
        Problems problems = new Problems();
        SpecRegistry.defaults()
                .resolve(SpecKind.SINK, SinkSpec.httpPush("localhost:9090"), "scenarios[0].sink", problems);
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("scenarios[0].sink.url");
            assertThat(p.message())
                    .isEqualTo("invalid HTTP push URL 'localhost:9090' must start with http:// or https://");
        });
    }

    private static String display(SinkSpec spec) {
        return TestSupport.provider(spec.type()).display(spec);
    }
}
