package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import java.util.Objects;

/**
 * Builds metric encoders from {@link EncoderSpec}s, using a process-wide {@link EncoderRegistry}
 * for plug-in formats.
 *
 * <p>Built-ins: {@link EncoderSpec.PrometheusText} → {@link PrometheusTextEncoder}, {@link
 * EncoderSpec.InfluxLp} → {@link InfluxLineProtocolEncoder}, {@link EncoderSpec.JsonLines} →
 * {@link JsonLinesEncoder}. {@link EncoderSpec.Generic} specs go to the {@link EncoderProvider}
 * of their type, found with {@link java.util.ServiceLoader} (on first use, through this class's
 * class loader) or registered with {@link #register(EncoderProvider)}. Built-in specs never load
 * plug-ins.
 */
public final class Encoders {
    private static EncoderRegistry defaultRegistry;

    private Encoders() {}

    /**
     * Builds the metric encoder for {@code spec}.
     *
     * @param spec the {@code encoder:} block
     * @return the encoder
     * @throws EncodeException for syslog ({@code metric encoding not supported by syslog encoder}),
     *     for remote_write and otlp (not supported yet in this version), for a plug-in type with no
     *     provider or two providers, or if plug-ins cannot be loaded
     * @throws IllegalArgumentException if a precision is outside 0..17
     * @throws NullPointerException if {@code spec} is null
     */
    public static MetricEncoder metricEncoder(EncoderSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec instanceof EncoderSpec.Generic) {
            return defaultRegistry().metricEncoder(spec);
        }
        return builtInMetricEncoder(spec);
    }

    /**
     * Registers a plug-in provider in the process-wide registry (after loading the service-loaded
     * ones, so conflicts with them are reported here).
     *
     * @param provider the provider
     * @throws EncodeException if its type is built in or already has a provider (the message names
     *     both classes), or if service-loaded plug-ins cannot be loaded
     */
    public static void register(EncoderProvider provider) {
        defaultRegistry().register(provider);
    }

    /**
     * Returns the process-wide registry, loading the {@link java.util.ServiceLoader} providers on
     * the first call. A failed load is retried (and reported again) on the next call.
     *
     * @return the registry
     * @throws EncodeException if service-loaded providers cannot be loaded or conflict
     */
    public static synchronized EncoderRegistry defaultRegistry() {
        if (defaultRegistry == null) {
            EncoderRegistry r = new EncoderRegistry();
            r.registerServices(Encoders.class.getClassLoader());
            defaultRegistry = r;
        }
        return defaultRegistry;
    }

    static MetricEncoder builtInMetricEncoder(EncoderSpec spec) {
        if (spec instanceof EncoderSpec.PrometheusText s) {
            return new PrometheusTextEncoder(s.precision());
        }
        if (spec instanceof EncoderSpec.InfluxLp s) {
            return new InfluxLineProtocolEncoder(s.resolvedFieldKey(), s.precision());
        }
        if (spec instanceof EncoderSpec.JsonLines s) {
            return new JsonLinesEncoder(s.precision());
        }
        if (spec instanceof EncoderSpec.Syslog) {
            throw new EncodeException("metric encoding not supported by syslog encoder");
        }
        if (spec instanceof EncoderSpec.RemoteWrite || spec instanceof EncoderSpec.Otlp) {
            throw new EncodeException(
                    "encoder type " + spec.type() + " is not supported yet in this version of Sonda for the JVM");
        }
        throw new EncodeException(
                "unknown built-in encoder spec " + spec.getClass().getName());
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
            throw new IllegalArgumentException("encoder precision must be 0..=17, got " + precision);
        }
        return precision;
    }
}
