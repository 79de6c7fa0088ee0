package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.nio.charset.StandardCharsets;

/**
 * A test plug-in, listed in the test class path's {@code
 * META-INF/services/dev.sonda.api.spi.SpecProvider}: type {@code test_plain}, key {@code separator}
 * (default {@code =}), writing {@code name<separator><value as Java prints it>\n}; metrics only.
 */
public class PlainTestEncoderProvider implements EncoderProvider {
    /** The type served. */
    public static final String TYPE = "test_plain";

    /**
     * The plug-in's spec.
     *
     * @param separator between the name and the value
     */
    public record Plain(String separator) implements EncoderSpec {
        @Override
        public String type() {
            return TYPE;
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Plain> specClass() {
        return Plain.class;
    }

    @Override
    public EncoderSpec read(SpecBlock block) {
        return new Plain(block.string("separator", "="));
    }

    @Override
    public void write(EncoderSpec spec, SpecWriter out) {
        out.put("separator", ((Plain) spec).separator());
    }

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
        String sep = ((Plain) spec).separator();
        return new MetricEncoder() {
            @Override
            public EncodedSeries series(String name, Labels labels) {
                byte[] head = (name + sep).getBytes(StandardCharsets.UTF_8);
                return new EncodedSeries(this, name, labels, head, new byte[0]);
            }

            @Override
            public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
                series.checkOwner(this);
                out.put(series.head());
                out.putUtf8(Double.toString(value));
                out.put((byte) '\n');
            }
        };
    }

    /** A second provider of the same type, for conflict tests. */
    public static class Duplicate extends PlainTestEncoderProvider {}
}
