package dev.sonda.engine.encode;

import dev.sonda.api.Problems;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds metric encoders from {@link EncoderSpec}s through the {@link EncoderProvider} of their
 * type: the built-ins ({@code prometheus_text}, {@code influx_lp}, {@code json_lines}) and plug-ins
 * alike. A {@link EncoderSpec.Generic} of a known type is first read into its provider's record
 * ({@link SpecRegistry#resolve}). The overloads without a registry use {@link
 * SpecRegistry#defaults()}. Thread-safe.
 */
public final class Encoders {
    private Encoders() {}

    /**
     * Builds the metric encoder for {@code spec} through the default registry.
     *
     * @param spec the {@code encoder:} block
     * @return the encoder
     * @throws EncodeException as {@link #metricEncoder(SpecRegistry, EncoderSpec)}
     * @throws NullPointerException if {@code spec} is null
     */
    public static MetricEncoder metricEncoder(EncoderSpec spec) {
        return metricEncoder(SpecRegistry.defaults(), spec);
    }

    /**
     * Builds the metric encoder for {@code spec} through {@code registry}.
     *
     * @param registry the providers
     * @param spec the {@code encoder:} block
     * @return the encoder
     * @throws EncodeException for a type no provider serves (the message lists the known types, or
     *     names the module that serves it, such as remote_write), a spec with problems (a precision
     *     above 17: {@code encoder precision must be between 0 and 17, got 18}), a format that writes
     *     no metrics ({@code metric encoding not supported by syslog encoder}), or a provider that
     *     returns null
     * @throws NullPointerException if an argument is null
     */
    public static MetricEncoder metricEncoder(SpecRegistry registry, EncoderSpec spec) {
        Resolved r = resolve(registry, spec);
        return built(r.provider().metricEncoder(r.spec()), r, "metric");
    }

    /**
     * Builds the span encoder for {@code spec} through {@code registry}.
     *
     * @param registry the providers
     * @param spec the {@code encoder:} block of a traces entry
     * @return the encoder
     * @throws EncodeException for an unknown type, a spec with problems, a format that writes no
     *     spans, or a provider that returns null
     * @throws NullPointerException if an argument is null
     */
    public static SpanEncoder spanEncoder(SpecRegistry registry, EncoderSpec spec) {
        Resolved r = resolve(registry, spec);
        return built(r.provider().spanEncoder(r.spec()), r, "span");
    }

    /**
     * Builds the event encoder for {@code spec} through {@code registry}.
     *
     * @param registry the providers
     * @param spec the {@code encoder:} block of an events entry
     * @return the encoder
     * @throws EncodeException for an unknown type, a spec with problems, a format that writes no
     *     events, or a provider that returns null
     * @throws NullPointerException if an argument is null
     */
    public static EventEncoder eventEncoder(SpecRegistry registry, EncoderSpec spec) {
        Resolved r = resolve(registry, spec);
        return built(r.provider().eventEncoder(r.spec()), r, "event");
    }

    /**
     * {@code encoder}, or the error for a provider that built none: {@code encoder provider CLASS
     * returned no SIGNAL encoder for TYPE}.
     */
    private static <T> T built(T encoder, Resolved r, String signal) {
        if (encoder == null) {
            throw new EncodeException(
                    "encoder provider " + r.provider().getClass().getName() + " returned no " + signal + " encoder for "
                            + r.spec().type());
        }
        return encoder;
    }

    /**
     * A spec read into its provider's record and validated, with that provider.
     *
     * @param provider the provider of the spec's type
     * @param spec the provider's record
     */
    public record Resolved(EncoderProvider provider, EncoderSpec spec) {}

    /**
     * Resolves and validates {@code spec} and finds its provider.
     *
     * @param registry the providers
     * @param spec the {@code encoder:} block, built in or {@link EncoderSpec.Generic}
     * @return the provider and the spec it reads
     * @throws EncodeException with every problem's message, for an unknown type, a spec with
     *     problems, or a provider that does not implement {@link EncoderProvider}
     * @throws NullPointerException if an argument is null
     */
    public static Resolved resolve(SpecRegistry registry, EncoderSpec spec) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(spec, "spec");
        Problems problems = new Problems();
        EncoderSpec resolved = (EncoderSpec) registry.resolve(SpecKind.ENCODER, spec, "encoder", problems);
        if (!problems.isEmpty()) {
            throw new EncodeException(
                    problems.list().stream().map(p -> p.message()).collect(Collectors.joining("; ")));
        }
        EncoderProvider provider = registry.find(SpecKind.ENCODER, resolved.type(), EncoderProvider.class)
                .orElseThrow(() -> new EncodeException("the encoder provider of type '" + resolved.type()
                        + "' does not implement " + EncoderProvider.class.getName()));
        return new Resolved(provider, resolved);
    }

    /**
     * Reads the {@code precision} key the built-in formats share: absent for none, else an integer
     * (the range 0 to 17 is checked by validation, with the reference's message).
     */
    static Integer readPrecision(SpecBlock block) {
        Long p = block.integer("precision", 0, Integer.MAX_VALUE);
        return p == null ? null : p.intValue();
    }

    /** {@code type} or {@code type (precision: N)}. */
    static String withPrecision(String type, Integer precision) {
        return precision == null ? type : type + " (precision: " + precision + ")";
    }

    /**
     * Checks a precision and maps null to -1 (shortest digits / no rounding).
     *
     * @throws IllegalArgumentException if {@code precision} is outside 0..17
     */
    static int checkPrecision(Integer precision) {
        if (precision == null) {
            return -1;
        }
        if (precision < 0 || precision > EncoderSpec.MAX_PRECISION) {
            throw new IllegalArgumentException("encoder precision must be between 0 and 17, got " + precision);
        }
        return precision;
    }
}
