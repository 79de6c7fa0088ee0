package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.engine.encode.EncodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEncodersTest {

    @Test
    void jsonLinesAndSyslogAreTheLogEncoders() {
        assertThat(LogEncoders.create(new EncoderSpec.JsonLines(3))).isInstanceOf(JsonLinesLogEncoder.class);
        LogEncoder syslog = LogEncoders.create(new EncoderSpec.Syslog("h", null));
        assertThat(syslog).isInstanceOf(SyslogEncoder.class);
        assertThat(((SyslogEncoder) syslog).hostname()).isEqualTo("h");
        assertThat(((SyslogEncoder) syslog).appName()).isEqualTo("sonda");
    }

    @Test
    void metricOnlyEncodersRefuseLogsNamingTheirType() {
        assertThatThrownBy(() -> LogEncoders.create(EncoderSpec.prometheusText()))
                .isInstanceOf(EncodeException.class)
                .hasMessage("log encoding not supported by prometheus_text encoder");
        assertThatThrownBy(() -> LogEncoders.create(EncoderSpec.influxLp()))
                .isInstanceOf(EncodeException.class)
                .hasMessage("log encoding not supported by influx_lp encoder");
    }

    @Test
    void aTypeWithoutProviderIsUnknownOrNamesItsModule() {
        assertThatThrownBy(() -> LogEncoders.create(new EncoderSpec.Generic("statsd", Map.of())))
                .isInstanceOf(EncodeException.class)
                .hasMessageStartingWith("unknown encoder type 'statsd'; known: ");
        assertThatThrownBy(() -> LogEncoders.create(new EncoderSpec.Otlp()))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("encoder type 'otlp' needs the sonda-otlp module");
    }
}
