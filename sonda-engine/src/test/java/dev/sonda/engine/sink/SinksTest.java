package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.SinkSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {

    /** A second provider of {@code stdout}, to provoke the duplicate check. */
    public static final class DuplicateStdoutProvider implements SinkProvider {
        /** Called by ServiceLoader. */
        public DuplicateStdoutProvider() {}

        @Override
        public String type() {
            return "stdout";
        }

        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new MemorySink();
        }
    }

    /** A plug-in type. */
    static final class EchoProvider implements SinkProvider {
        @Override
        public String type() {
            return "sinks_test_echo";
        }

        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new MemorySink();
        }
    }

    @Test
    void theBuiltInsAreFoundThroughServiceLoader() {
        assertThat(Sinks.types()).contains("file", "http_push", "memory", "stdout", "tcp", "udp");
        assertThat(Sinks.load(SinksTest.class.getClassLoader()).get("udp")).isInstanceOf(UdpSink.Provider.class);
        assertThat(Sinks.create(SinkSpec.memory(), SinkContext.simple("e"))).isInstanceOf(MemorySink.class);
    }

    @Test
    void anUnknownTypeNamesTheKnownOnes() {
        SinkSpec spec = new SinkSpec.Generic("kafak", Map.of());
        assertThatThrownBy(() -> Sinks.create(spec, SinkContext.simple("e")))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("unknown sink type 'kafak'; known: ")
                .hasMessageContaining("file, http_push, loki, memory, stdout, tcp, udp");
    }

    @Test
    void theNetworkSinksOfLaterWorkAreNotAvailableYet() {
        SinkSpec[] later = {
            new SinkSpec.RemoteWrite("http://x/api/v1/write", null, null, null),
            new SinkSpec.Kafka("b:9092", "t", null, null, Map.of()),
            new SinkSpec.OtlpGrpc("http://x:4317", "metrics", null, null, null, Map.of())
        };
        for (SinkSpec spec : later) {
            assertThatThrownBy(() -> Sinks.create(spec, SinkContext.simple("e")))
                    .isInstanceOf(SinkException.class)
                    .hasMessage("sink type '" + spec.type() + "' is not available yet in this version");
        }
    }

    @Test
    void aProgrammaticProviderIsUsedForItsType() {
        Sinks.register(new EchoProvider());
        assertThat(Sinks.create(new SinkSpec.Generic("sinks_test_echo", Map.of()), SinkContext.simple("e")))
                .isInstanceOf(MemorySink.class);
        assertThat(Sinks.types()).contains("sinks_test_echo");
    }

    @Test
    void registeringASecondProviderForATypeNamesBothClasses() {
        assertThatThrownBy(() -> Sinks.register(new DuplicateStdoutProvider()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(StdoutSink.Provider.class.getName())
                .hasMessageContaining(DuplicateStdoutProvider.class.getName());
        assertThat(Sinks.create(SinkSpec.stdout(), SinkContext.simple("e"))).isInstanceOf(StdoutSink.class);
    }

    @Test
    void twoServiceLoadedProvidersOfOneTypeAreAnError(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(SinkProvider.class.getName()), DuplicateStdoutProvider.class.getName() + "\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, SinksTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Sinks.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("sink type 'stdout' is provided by both " + StdoutSink.Provider.class.getName()
                            + " and " + DuplicateStdoutProvider.class.getName()
                            + "; remove one of them from the class path");
        }
    }

    @Test
    void aProviderGivenTheWrongSpecRecordRefusesIt() {
        assertThatThrownBy(() -> new UdpSink.Provider().create(SinkSpec.memory(), SinkContext.simple("e")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects a " + SinkSpec.Udp.class.getName());
    }

    @Test
    void displayStringsAreTheReferences() {
        assertThat(Sinks.display(SinkSpec.stdout())).isEqualTo("stdout");
        assertThat(Sinks.display(SinkSpec.file("/tmp/out.prom"))).isEqualTo("file (/tmp/out.prom)");
        assertThat(Sinks.display(SinkSpec.tcp("localhost:9000"))).isEqualTo("tcp (localhost:9000)");
        assertThat(Sinks.display(SinkSpec.udp("127.0.0.1:8125"))).isEqualTo("udp (127.0.0.1:8125)");
        assertThat(Sinks.display(SinkSpec.httpPush("http://vm:8428/api/v1/import/prometheus")))
                .isEqualTo("http_push (http://vm:8428/api/v1/import/prometheus)");
        assertThat(Sinks.display(new SinkSpec.Loki("http://loki:3100", null, null, null, null)))
                .isEqualTo("loki (http://loki:3100)");
        assertThat(Sinks.display(new SinkSpec.RemoteWrite("http://p:9090/api/v1/write", null, Duration.ZERO, null)))
                .isEqualTo("remote_write (http://p:9090/api/v1/write)");
        assertThat(Sinks.display(new SinkSpec.Kafka("k1:9092,k2:9092", "metrics", null, null, Map.of())))
                .isEqualTo("kafka (k1:9092,k2:9092 / metrics)");
        assertThat(Sinks.display(new SinkSpec.OtlpGrpc("http://otel:4317", "logs", null, null, null, Map.of())))
                .isEqualTo("otlp_grpc (http://otel:4317)");
        assertThat(Sinks.display(SinkSpec.memory())).isEqualTo("memory");
        assertThat(Sinks.display(new SinkSpec.Generic("custom", Map.of()))).isEqualTo("custom");
    }
}
