package dev.sonda.otlp;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.EncoderProvider;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.log.LogEncoder;

/**
 * {@code encoder: {type: otlp}}: length-prefixed OTLP {@code Metric} and {@code LogRecord} messages
 * for byte-stream sinks (Sonda 1.20 {@code encoder/otlp.rs}); no other keys. Metrics: {@link
 * OtlpMetricEncoder}; logs: {@link OtlpLogEncoder#framed()}. The {@code otlp_grpc} and {@code
 * otlp_http} sinks build their own requests and ignore the entry's encoder, so a reference file
 * that pairs {@code encoder: otlp} with {@code sink: otlp_grpc} runs unchanged. Found through
 * {@link java.util.ServiceLoader}.
 */
public final class OtlpEncoderProvider implements EncoderProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public OtlpEncoderProvider() {}

    @Override
    public String type() {
        return "otlp";
    }

    @Override
    public Class<EncoderSpec.Otlp> specClass() {
        return EncoderSpec.Otlp.class;
    }

    @Override
    public String summary() {
        return "length-prefixed OTLP Metric / LogRecord protobuf messages";
    }

    @Override
    public EncoderSpec read(SpecBlock block) {
        return new EncoderSpec.Otlp();
    }

    @Override
    public void write(EncoderSpec spec, SpecWriter out) {}

    @Override
    public boolean encodesMetrics() {
        return true;
    }

    @Override
    public boolean encodesLogs() {
        return true;
    }

    @Override
    public MetricEncoder metricEncoder(EncoderSpec spec) {
        return OtlpMetricEncoder.INSTANCE;
    }

    @Override
    public LogEncoder logEncoder(EncoderSpec spec) {
        return OtlpLogEncoder.framed();
    }
}
