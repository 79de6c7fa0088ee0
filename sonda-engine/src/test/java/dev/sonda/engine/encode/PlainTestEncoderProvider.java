package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import java.nio.charset.StandardCharsets;

/**
 * A test plug-in, listed in the test class path's {@code META-INF/services}: type {@code
 * test_plain}, writing {@code name=<value as Java prints it>\n}.
 */
public class PlainTestEncoderProvider implements EncoderProvider {
    /** The type served. */
    public static final String TYPE = "test_plain";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MetricEncoder create(EncoderSpec spec) {
        Object separator =
                spec instanceof EncoderSpec.Generic g ? g.properties().getOrDefault("separator", "=") : "=";
        String sep = separator.toString();
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
