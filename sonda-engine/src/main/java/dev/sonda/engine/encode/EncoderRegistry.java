package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plug-in encoders known to one engine: {@link EncoderProvider}s by type name, plus the
 * built-in formats. {@link Encoders} holds the process-wide instance; tests and embedders can make
 * their own. Thread-safe.
 */
public final class EncoderRegistry {
    /** The {@code type:} names of the built-in encoders, which providers cannot claim. */
    public static final Set<String> BUILT_IN_TYPES =
            Set.of("prometheus_text", "influx_lp", "json_lines", "syslog", "remote_write", "otlp");

    private final Map<String, EncoderProvider> providers = new ConcurrentHashMap<>();

    /** Creates a registry with the built-ins and no plug-ins. */
    public EncoderRegistry() {}

    /**
     * Adds a provider.
     *
     * @param provider the provider
     * @throws EncodeException if its type is a built-in name, or another provider already has it
     *     (the message names both classes)
     * @throws NullPointerException if {@code provider} or its type is null
     */
    public synchronized void register(EncoderProvider provider) {
        Map<String, EncoderProvider> one = new LinkedHashMap<>();
        check(provider, one);
        providers.putAll(one);
    }

    /**
     * Adds every provider {@link ServiceLoader} finds through {@code loader}: all of them, or none
     * if any is unusable.
     *
     * @param loader the class loader to search, or null for the system class loader
     * @throws EncodeException if a provider cannot be loaded, claims a built-in name, or shares its
     *     type with another provider (the message names both classes)
     */
    public synchronized void registerServices(ClassLoader loader) {
        List<EncoderProvider> found = new ArrayList<>();
        try {
            for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class, loader)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new EncodeException("cannot load encoder plug-ins: " + e.getMessage(), e);
        }
        Map<String, EncoderProvider> batch = new LinkedHashMap<>();
        for (EncoderProvider p : found) {
            check(p, batch);
        }
        providers.putAll(batch);
    }

    private void check(EncoderProvider provider, Map<String, EncoderProvider> batch) {
        String type = Objects.requireNonNull(
                provider.type(), () -> provider.getClass().getName() + ".type()");
        if (BUILT_IN_TYPES.contains(type)) {
            throw new EncodeException("encoder provider " + provider.getClass().getName()
                    + " claims the built-in encoder type \"" + type + "\"");
        }
        EncoderProvider other = providers.get(type);
        if (other == null) {
            other = batch.get(type);
        }
        if (other != null) {
            throw new EncodeException("two encoder providers for type \"" + type + "\": "
                    + other.getClass().getName() + " and " + provider.getClass().getName());
        }
        batch.put(type, provider);
    }

    /**
     * Returns the provider registered for {@code type}.
     *
     * @param type a {@code type:} name
     * @return the provider, or empty
     */
    public Optional<EncoderProvider> provider(String type) {
        return Optional.ofNullable(providers.get(type));
    }

    /**
     * Builds the metric encoder for {@code spec}: a built-in for the built-in records, a provider's
     * encoder for {@link EncoderSpec.Generic}.
     *
     * @param spec the {@code encoder:} block
     * @return the encoder
     * @throws EncodeException if the format cannot write metrics (syslog: {@code metric encoding
     *     not supported by syslog encoder}), is not available in this version (remote_write, otlp),
     *     has no provider, or the provider fails
     * @throws IllegalArgumentException if a precision is outside 0..17
     */
    public MetricEncoder metricEncoder(EncoderSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!(spec instanceof EncoderSpec.Generic)) {
            return Encoders.builtInMetricEncoder(spec);
        }
        EncoderProvider p = providers.get(spec.type());
        if (p == null) {
            throw new EncodeException("unknown encoder type \"" + spec.type() + "\": no EncoderProvider for it");
        }
        MetricEncoder encoder = p.create(spec);
        if (encoder == null) {
            throw new EncodeException(
                    "encoder provider " + p.getClass().getName() + " returned no encoder for " + spec.type());
        }
        return encoder;
    }
}
