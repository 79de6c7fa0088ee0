package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;

/**
 * A plug-in wire format for metric samples, found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/dev.sonda.engine.encode.EncoderProvider} file listing the implementation) or
 * registered with {@link Encoders#register(EncoderProvider)} / {@link
 * EncoderRegistry#register(EncoderProvider)}.
 *
 * <p>A provider serves the scenario {@code encoder:} blocks whose {@code type:} equals {@link
 * #type()}; the IR carries those as {@link EncoderSpec.Generic}. At most one provider may claim a
 * type, and built-in type names ({@code prometheus_text}, {@code influx_lp}, {@code json_lines},
 * {@code syslog}, {@code remote_write}, {@code otlp}) cannot be claimed. Service-loaded
 * implementations need a public no-argument constructor.
 */
public interface EncoderProvider {

    /**
     * The YAML {@code type:} value this provider serves, such as {@code "statsd"}.
     *
     * @return the type name, constant, never null
     */
    String type();

    /**
     * Builds an encoder for one {@code encoder:} block.
     *
     * @param spec the block, normally an {@link EncoderSpec.Generic} whose type is {@link #type()}
     *     and whose properties are the block's other keys
     * @return a new or shared encoder, never null
     * @throws EncodeException if the block's properties are unusable
     */
    MetricEncoder create(EncoderSpec spec);
}
