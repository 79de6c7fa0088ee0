package dev.sonda.engine.log;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Encoders;

/**
 * Builds log encoders from {@link EncoderSpec}s through the {@link
 * dev.sonda.engine.encode.EncoderProvider} of their type (Sonda 1.20 {@code create_encoder} for
 * log entries): built in, {@code json_lines} and {@code syslog}. The default encoder of a log entry
 * is {@code json_lines}; choosing it is the compiler's job. The overload without a registry uses
 * {@link SpecRegistry#defaults()}.
 */
public final class LogEncoders {
    private LogEncoders() {}

    /**
     * Builds the log encoder for {@code spec} through the default registry.
     *
     * @param spec the entry's {@code encoder:} block
     * @return the encoder
     * @throws EncodeException as {@link #create(SpecRegistry, EncoderSpec)}
     * @throws NullPointerException if {@code spec} is null
     */
    public static LogEncoder create(EncoderSpec spec) {
        return create(SpecRegistry.defaults(), spec);
    }

    /**
     * Builds the log encoder for {@code spec} through {@code registry}.
     *
     * @param registry the providers
     * @param spec the entry's {@code encoder:} block
     * @return the encoder
     * @throws EncodeException for a type no provider serves, a spec with problems, a format that
     *     writes no logs ({@code log encoding not supported by prometheus_text encoder}), or a
     *     provider that returns null
     * @throws NullPointerException if an argument is null
     */
    public static LogEncoder create(SpecRegistry registry, EncoderSpec spec) {
        Encoders.Resolved r = Encoders.resolve(registry, spec);
        LogEncoder encoder = r.provider().logEncoder(r.spec());
        if (encoder == null) {
            throw new EncodeException(
                    "encoder provider " + r.provider().getClass().getName() + " returned no log encoder for "
                            + r.spec().type());
        }
        return encoder;
    }
}
