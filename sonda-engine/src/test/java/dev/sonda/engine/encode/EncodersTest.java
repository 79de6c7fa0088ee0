package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.SondaException;
import dev.sonda.api.encoder.EncoderSpec;
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
    void theBuiltInFormatsAreProvidersFoundByTheServiceLoader() {
        SpecRegistry loaded = SpecRegistry.load(getClass().getClassLoader());
        assertThat(loaded.types(SpecKind.ENCODER)).contains("influx_lp", "json_lines", "prometheus_text", "syslog");
        assertThat(loaded.find(SpecKind.ENCODER, "json_lines", EncoderProvider.class))
                .hasValueSatisfying(p -> {
                    assertThat(p.encodesMetrics()).isTrue();
                    assertThat(p.encodesLogs()).isTrue();
                });
        assertThat(loaded.find(SpecKind.ENCODER, "syslog", EncoderProvider.class))
                .hasValueSatisfying(p -> {
                    assertThat(p.encodesMetrics()).isFalse();
                    assertThat(p.encodesLogs()).isTrue();
                });
        assertThat(loaded.find(SpecKind.ENCODER, "prometheus_text", EncoderProvider.class))
                .hasValueSatisfying(p -> assertThat(p.encodesLogs()).isFalse());
    }

    @Test
    void syslogCannotEncodeMetrics() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Syslog(null, null)))
                .isInstanceOf(EncodeException.class)
                .isInstanceOf(SondaException.class)
                .hasMessage("metric encoding not supported by syslog encoder");
    }

    @Test
    void remoteWriteAndOtlpNameTheModuleThatServesThem() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.RemoteWrite()))
                .isInstanceOf(EncodeException.class)
                .hasMessage("encoder type 'remote_write' needs the sonda-remote-write module: add the dependency"
                        + " dev.sonda:sonda-remote-write to the class path (the sonda command includes it)");
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Otlp()))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("needs the sonda-otlp module");
    }

    @Test
    void aPrecisionAbove17IsRejected() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.PrometheusText(18)))
                .isInstanceOf(EncodeException.class)
                .hasMessage("encoder precision must be between 0 and 17, got 18");
        assertThatThrownBy(() -> new JsonLinesEncoder(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InfluxLineProtocolEncoder(null, 99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGenericSpecIsReadByTheServiceLoadedProvider() {
        MetricEncoder encoder = Encoders.metricEncoder(
                new EncoderSpec.Generic(PlainTestEncoderProvider.TYPE, Map.of("separator", ":")));
        ByteBuf out = new ByteBuf();

        encoder.encode(encoder.series("m", Labels.empty()), 1.5, 0, out);

        assertThat(out).hasToString("m:1.5\n");
        assertThat(SpecRegistry.defaults().find(SpecKind.ENCODER, PlainTestEncoderProvider.TYPE))
                .isPresent();
    }

    @Test
    void aProviderAddedToARegistryServesItsTypeThere() {
        SpecRegistry registry =
                SpecRegistry.builder().add(new NamedProvider("test_named")).build();

        MetricEncoder encoder = Encoders.metricEncoder(registry, new EncoderSpec.Generic("test_named", Map.of()));

        assertThat(encoder).isInstanceOf(PrometheusTextEncoder.class);
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Generic("test_named", Map.of())))
                .as("not in the default registry")
                .isInstanceOf(EncodeException.class);
    }

    @Test
    void anUnknownGenericTypeListsTheKnownTypes() {
        assertThatThrownBy(() -> Encoders.metricEncoder(new EncoderSpec.Generic("influx", Map.of())))
                .isInstanceOf(EncodeException.class)
                .hasMessageStartingWith("unknown encoder type 'influx'; did you mean 'influx_lp'? known: influx_lp,"
                        + " json_lines, ndjson, prometheus_text, syslog");
    }

    @Test
    void twoProvidersForOneTypeAreAnErrorNamingBothClasses() {
        assertThatThrownBy(() -> SpecRegistry.builder()
                        .add(new PlainTestEncoderProvider())
                        .add(new PlainTestEncoderProvider.Duplicate())
                        .build())
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("encoder type 'test_plain' is provided by both")
                .hasMessageContaining(PlainTestEncoderProvider.class.getName())
                .hasMessageContaining(PlainTestEncoderProvider.Duplicate.class.getName());
    }

    @Test
    void twoServiceLoadedProvidersForOneTypeAreAnErrorNamingBothClasses(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve("dev.sonda.api.spi.SpecProvider"),
                PlainTestEncoderProvider.Duplicate.class.getName() + "\n");

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> SpecRegistry.load(loader))
                    .isInstanceOf(SondaException.class)
                    .hasMessageContaining(PlainTestEncoderProvider.class.getName())
                    .hasMessageContaining(PlainTestEncoderProvider.Duplicate.class.getName());
        }
    }

    @Test
    void aRegistryWithoutProvidersKnowsNoEncoder() {
        SpecRegistry empty = SpecRegistry.builder().build();

        assertThatThrownBy(() -> Encoders.metricEncoder(empty, new EncoderSpec.JsonLines(null)))
                .isInstanceOf(EncodeException.class)
                .hasMessageStartingWith("unknown encoder type 'json_lines'");
    }

    @Test
    void aProviderReturningNullIsAnError() {
        SpecRegistry registry = SpecRegistry.builder()
                .add(new NamedProvider("test_null") {
                    @Override
                    public MetricEncoder metricEncoder(EncoderSpec spec) {
                        return null;
                    }
                })
                .build();

        assertThatThrownBy(() -> Encoders.metricEncoder(registry, new EncoderSpec.Generic("test_null", Map.of())))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("returned no metric encoder");
    }

    @Test
    void aProviderReturningNoSpanOrEventEncoderIsAnErrorNamingItsClassAndType() {
        NamedProvider provider = new NamedProvider("test_null") {
            @Override
            public SpanEncoder spanEncoder(EncoderSpec spec) {
                return null;
            }

            @Override
            public EventEncoder eventEncoder(EncoderSpec spec) {
                return null;
            }
        };
        SpecRegistry registry = SpecRegistry.builder().add(provider).build();
        EncoderSpec spec = new EncoderSpec.Generic("test_null", Map.of());

        assertThatThrownBy(() -> Encoders.spanEncoder(registry, spec))
                .isInstanceOf(EncodeException.class)
                .hasMessage("encoder provider " + provider.getClass().getName()
                        + " returned no span encoder for test_null");
        assertThatThrownBy(() -> Encoders.eventEncoder(registry, spec))
                .isInstanceOf(EncodeException.class)
                .hasMessage("encoder provider " + provider.getClass().getName()
                        + " returned no event encoder for test_null");
    }

    @Test
    void eachFormatDisplaysItsPrecision() {
        SpecRegistry r = SpecRegistry.defaults();
        assertThat(r.find(SpecKind.ENCODER, "prometheus_text", EncoderProvider.class)
                        .orElseThrow()
                        .display(new EncoderSpec.PrometheusText(2)))
                .isEqualTo("prometheus_text (precision: 2)");
        assertThat(r.find(SpecKind.ENCODER, "influx_lp", EncoderProvider.class)
                        .orElseThrow()
                        .display(new EncoderSpec.InfluxLp(null, null)))
                .isEqualTo("influx_lp");
    }

    /** A provider of any type that hands out a Prometheus encoder; its spec is the generic one. */
    static class NamedProvider implements EncoderProvider {
        private final String type;

        NamedProvider(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<EncoderSpec.Generic> specClass() {
            return EncoderSpec.Generic.class;
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.Generic(type, block.plainValues(java.util.Set.of("type")));
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {}

        @Override
        public boolean encodesMetrics() {
            return true;
        }

        @Override
        public boolean encodesLogs() {
            return false;
        }

        @Override
        public MetricEncoder metricEncoder(EncoderSpec spec) {
            return new PrometheusTextEncoder();
        }
    }
}
