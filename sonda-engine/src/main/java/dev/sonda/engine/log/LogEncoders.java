package dev.sonda.engine.log;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.engine.encode.EncodeException;
import java.util.Objects;

/**
 * Builds log encoders from {@link EncoderSpec}s (Sonda 1.20 {@code create_encoder} for log
 * entries): {@link EncoderSpec.JsonLines} → {@link JsonLinesLogEncoder}, {@link
 * EncoderSpec.Syslog} → {@link SyslogEncoder}. The default encoder of a log entry is {@code
 * json_lines}; choosing it is the compiler's job.
 */
public final class LogEncoders {
    private LogEncoders() {}

    /**
     * Builds the log encoder for {@code spec}.
     *
     * @param spec the entry's {@code encoder:} block
     * @return the encoder
     * @throws EncodeException {@code log encoding not supported by this encoder} for {@code
     *     prometheus_text}, {@code influx_lp}, {@code remote_write} and plug-in (metric-only)
     *     encoders, as the reference's {@code EncoderError::NotSupported}; {@code encoder type otlp
     *     is not supported yet in this version of Sonda for the JVM} for {@code otlp}
     * @throws NullPointerException if {@code spec} is null
     */
    public static LogEncoder create(EncoderSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec instanceof EncoderSpec.JsonLines) {
            return new JsonLinesLogEncoder();
        }
        if (spec instanceof EncoderSpec.Syslog s) {
            return new SyslogEncoder(s.hostname(), s.appName());
        }
        if (spec instanceof EncoderSpec.Otlp) {
            throw new EncodeException("encoder type otlp is not supported yet in this version of Sonda for the JVM");
        }
        throw new EncodeException("log encoding not supported by this encoder");
    }
}
