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
    void metricOnlyEncodersRefuseLogsWithTheReferenceMessage() {
        EncoderSpec[] metricOnly = {
            EncoderSpec.prometheusText(),
            EncoderSpec.influxLp(),
            new EncoderSpec.RemoteWrite(),
            new EncoderSpec.Generic("statsd", Map.of())
        };
        for (EncoderSpec spec : metricOnly) {
            assertThatThrownBy(() -> LogEncoders.create(spec))
                    .isInstanceOf(EncodeException.class)
                    .hasMessage("log encoding not supported by this encoder");
        }
    }

    @Test
    void otlpIsNotAvailableYet() {
        assertThatThrownBy(() -> LogEncoders.create(new EncoderSpec.Otlp()))
                .isInstanceOf(EncodeException.class)
                .hasMessage("encoder type otlp is not supported yet in this version of Sonda for the JVM");
    }
}
