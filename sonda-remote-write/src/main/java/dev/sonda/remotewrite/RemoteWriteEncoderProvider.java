package dev.sonda.remotewrite;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.EncoderProvider;
import dev.sonda.engine.encode.MetricEncoder;

/**
 * The provider of {@code encoder: {type: remote_write}}: length-prefixed Prometheus remote-write
 * {@code TimeSeries} records for byte-stream sinks ({@link RemoteWriteEncoder}). Metrics only; the
 * block has no keys besides {@code type}.
 */
public final class RemoteWriteEncoderProvider implements EncoderProvider {
    private static final RemoteWriteEncoder ENCODER = new RemoteWriteEncoder();

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public RemoteWriteEncoderProvider() {}

    @Override
    public String type() {
        return "remote_write";
    }

    @Override
    public Class<EncoderSpec.RemoteWrite> specClass() {
        return EncoderSpec.RemoteWrite.class;
    }

    @Override
    public String summary() {
        return "length-prefixed Prometheus remote-write TimeSeries (u32 little-endian length + protobuf)";
    }

    @Override
    public EncoderSpec read(SpecBlock block) {
        return new EncoderSpec.RemoteWrite();
    }

    @Override
    public void write(EncoderSpec spec, SpecWriter out) {
        // no keys
    }

    @Override
    public boolean encodesMetrics() {
        return true;
    }

    @Override
    public boolean encodesLogs() {
        return false;
    }

    /**
     * The shared encoder (it is immutable).
     *
     * @param spec an {@link EncoderSpec.RemoteWrite}
     * @return the encoder
     */
    @Override
    public MetricEncoder metricEncoder(EncoderSpec spec) {
        return ENCODER;
    }
}
