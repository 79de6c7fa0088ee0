package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.SondaException;
import dev.sonda.api.encoder.EncoderSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodersTest {

    @Test
    void builtInSpecsGiveTheBuiltInEncoders() {
        assertThat(Encoders.metricEncoder(new EncoderSpec.PrometheusText(null)))
                .isInstanceOf(PrometheusTextEncoder.class);
        assertThat(Encoders.metricEncoder(new EncoderSpec.InfluxLp("v", 2)))
                .isInstanceOf(InfluxLineProtocolEncoder.class);
        assertThat(Encoders.metricEncoder(new EncoderSpec.JsonLines(3))).isInstanceOf(JsonLinesEncoder.class);
    }

    @Test
    void syslogCannotEncodeMetrics() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Syslog(null, null)))
                .isInstanceOf(EncodeException.class)
                .isInstanceOf(SondaException.class)
                .hasMessage("metric encoding not supported by syslog encoder");
    }

    @Test
    void remoteWriteAndOtlpAreNotSupportedYet() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.RemoteWrite()))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("remote_write")
                .hasMessageContaining("not supported yet in this version");
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Otlp()))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("otlp")
                .hasMessageContaining("not supported yet in this version");
    }

    @Test
    void aPrecisionAbove17IsRejected() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.PrometheusText(18)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoder precision must be 0..=17, got 18");
        assertThatThrownBy(() -> new JsonLinesEncoder(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InfluxLineProtocolEncoder(null, 99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGenericSpecIsServedByTheServiceLoadedProvider() {
        MetricEncoder encoder = Encoders.metricEncoder(
                new EncoderSpec.Generic(PlainTestEncoderProvider.TYPE, Map.of("separator", ":")));
        ByteBuf out = new ByteBuf();

        encoder.encode(encoder.series("m", Labels.empty()), 1.5, 0, out);

        assertThat(out).hasToString("m:1.5\n");
        assertThat(Encoders.defaultRegistry().provider(PlainTestEncoderProvider.TYPE))
                .isPresent();
    }

    @Test
    void aProgrammaticallyRegisteredProviderServesItsType() {
        String type = "test_programmatic_" + UUID.randomUUID().toString().replace("-", "");
        Encoders.register(new NamedProvider(type));

        MetricEncoder encoder = Encoders.metricEncoder(new EncoderSpec.Generic(type, Map.of()));

        assertThat(encoder).isInstanceOf(PrometheusTextEncoder.class);
    }

    @Test
    void anUnknownGenericTypeIsAnError() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Generic("no_such_format", Map.of())))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("unknown encoder type \"no_such_format\"");
    }

    @Test
    void twoProvidersForOneTypeAreAnErrorNamingBothClasses() {
        EncoderRegistry registry = new EncoderRegistry();
        registry.register(new PlainTestEncoderProvider());

        assertThatThrownBy(() -> registry.register(new PlainTestEncoderProvider.Duplicate()))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("two encoder providers for type \"test_plain\"")
                .hasMessageContaining(PlainTestEncoderProvider.class.getName())
                .hasMessageContaining(PlainTestEncoderProvider.Duplicate.class.getName());
    }

    @Test
    void twoServiceLoadedProvidersForOneTypeAreAnErrorNamingBothClasses(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(EncoderProvider.class.getName()),
                PlainTestEncoderProvider.Duplicate.class.getName() + "\n");
        EncoderRegistry registry = new EncoderRegistry();

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> registry.registerServices(loader))
                    .isInstanceOf(EncodeException.class)
                    .hasMessageContaining(PlainTestEncoderProvider.class.getName())
                    .hasMessageContaining(PlainTestEncoderProvider.Duplicate.class.getName());
        }
        assertThat(registry.provider(PlainTestEncoderProvider.TYPE))
                .as("all or nothing")
                .isEmpty();
    }

    @Test
    void aProviderCannotClaimABuiltInType() {
        EncoderRegistry registry = new EncoderRegistry();

        assertThatThrownBy(() -> registry.register(new NamedProvider("prometheus_text")))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("built-in encoder type \"prometheus_text\"")
                .hasMessageContaining(NamedProvider.class.getName());
    }

    @Test
    void aFreshRegistryBuildsBuiltInsWithoutPlugIns() {
        EncoderRegistry registry = new EncoderRegistry();

        assertThat(registry.metricEncoder(new EncoderSpec.JsonLines(null))).isInstanceOf(JsonLinesEncoder.class);
        assertThat(registry.provider(PlainTestEncoderProvider.TYPE)).isEmpty();
        assertThatThrownBy(
                        () -> registry.metricEncoder(new EncoderSpec.Generic(PlainTestEncoderProvider.TYPE, Map.of())))
                .isInstanceOf(EncodeException.class);
    }

    @Test
    void aProviderReturningNullIsAnError() {
        EncoderRegistry registry = new EncoderRegistry();
        registry.register(new EncoderProvider() {
            @Override
            public String type() {
                return "test_null";
            }

            @Override
            public MetricEncoder create(EncoderSpec spec) {
                return null;
            }
        });

        assertThatThrownBy(() -> registry.metricEncoder(new EncoderSpec.Generic("test_null", Map.of())))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("returned no encoder");
    }

    /** A provider of any type that hands out a Prometheus encoder. */
    static final class NamedProvider implements EncoderProvider {
        private final String type;

        NamedProvider(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public MetricEncoder create(EncoderSpec spec) {
            return new PrometheusTextEncoder();
        }
    }
}
