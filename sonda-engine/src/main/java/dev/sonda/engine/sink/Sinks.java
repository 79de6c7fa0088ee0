package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The sink registry and factory: {@link SinkProvider}s by YAML {@code type}, found with {@link
 * ServiceLoader} on first use (the built-ins {@code stdout}, {@code file}, {@code tcp}, {@code
 * udp}, {@code http_push} and {@code memory} register that way, exactly like plug-ins, through
 * {@code META-INF/services/dev.sonda.engine.sink.SinkProvider}), plus those added with {@link
 * #register(SinkProvider)}.
 *
 * <p>{@code remote_write}, {@code kafka} and {@code otlp_grpc} are valid YAML types
 * whose sinks are not built yet: creating one fails with {@code sink type '{type}' is not available
 * yet in this version} unless a plug-in provides the type.
 *
 * <p>Thread-safe: lookups read an immutable snapshot; registrations are serialised.
 */
public final class Sinks {
    /** YAML sink types of the reference that have no built-in provider yet. */
    private static final Set<String> NOT_YET = Set.of("remote_write", "kafka", "otlp_grpc");

    private static volatile Map<String, SinkProvider> providers;

    private Sinks() {}

    /**
     * Creates the sink for {@code spec} with the provider of {@code spec.type()}. Called on the
     * entry's scheduler thread when the entry starts; may block (connecting a socket).
     *
     * @param spec the sink spec
     * @param context the entry's name, labels, clock and diagnostics
     * @return a new sink
     * @throws SinkException {@code unknown sink type '{type}'; known: {sorted, comma-separated
     *     types}}, {@code sink type '{type}' is not available yet in this version}, or the
     *     provider's own creation error (such as {@code TCP connect to {address}: {err}})
     * @throws IllegalStateException if the providers on the class path cannot be loaded, or two of
     *     them declare one type (the message names both classes)
     * @throws NullPointerException if an argument is null
     */
    public static Sink create(SinkSpec spec, SinkContext context) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        String type = spec.type();
        SinkProvider provider = providers().get(type);
        if (provider == null) {
            if (NOT_YET.contains(type)) {
                throw new SinkException("sink type '" + type + "' is not available yet in this version");
            }
            throw new SinkException("unknown sink type '" + type + "'; known: " + String.join(", ", types()));
        }
        Sink sink = provider.create(spec, context);
        if (sink == null) {
            throw new SinkException(
                    "sink provider " + provider.getClass().getName() + " returned no sink for type '" + type + "'");
        }
        return sink;
    }

    /**
     * Adds a provider to the process-wide registry.
     *
     * @param provider the provider; its type must be new here
     * @throws IllegalStateException if another provider already serves the type (the message names
     *     both classes), or if the type is empty
     * @throws NullPointerException if {@code provider} or its type is null
     */
    public static synchronized void register(SinkProvider provider) {
        Map<String, SinkProvider> next = new HashMap<>(providers());
        add(next, provider);
        providers = Map.copyOf(next);
    }

    /**
     * The registered types.
     *
     * @return a sorted snapshot, such as {@code [file, http_push, memory, stdout, tcp, udp]}
     * @throws IllegalStateException as {@link #create}
     */
    public static SortedSet<String> types() {
        return new TreeSet<>(providers().keySet());
    }

    /**
     * The reference's display string of a sink (used in the CLI's start banner): {@code stdout},
     * {@code file ({path})}, {@code tcp ({address})}, {@code udp ({address})}, {@code http_push
     * ({url})}, {@code loki ({url})}, {@code remote_write ({url})}, {@code kafka ({brokers} /
     * {topic})}, {@code otlp_grpc ({endpoint})}, {@code memory}. A plug-in spec displays as its
     * type.
     *
     * @param spec the sink spec
     * @return the display string
     * @throws NullPointerException if {@code spec} is null
     */
    public static String display(SinkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec instanceof SinkSpec.Stdout) {
            return "stdout";
        } else if (spec instanceof SinkSpec.File f) {
            return "file (" + f.path() + ")";
        } else if (spec instanceof SinkSpec.Tcp t) {
            return "tcp (" + t.address() + ")";
        } else if (spec instanceof SinkSpec.Udp u) {
            return "udp (" + u.address() + ")";
        } else if (spec instanceof SinkSpec.HttpPush h) {
            return "http_push (" + h.url() + ")";
        } else if (spec instanceof SinkSpec.Loki l) {
            return "loki (" + l.url() + ")";
        } else if (spec instanceof SinkSpec.RemoteWrite r) {
            return "remote_write (" + r.url() + ")";
        } else if (spec instanceof SinkSpec.Kafka k) {
            return "kafka (" + k.brokers() + " / " + k.topic() + ")";
        } else if (spec instanceof SinkSpec.OtlpGrpc o) {
            return "otlp_grpc (" + o.endpoint() + ")";
        } else if (spec instanceof SinkSpec.Memory) {
            return "memory";
        }
        return spec.type();
    }

    /**
     * Loads every provider {@link ServiceLoader} finds through {@code loader}.
     *
     * @param loader the class loader, or null for the system class loader
     * @return the providers by type
     * @throws IllegalStateException if a provider cannot be loaded or two declare one type
     */
    static Map<String, SinkProvider> load(ClassLoader loader) {
        Map<String, SinkProvider> found = new HashMap<>();
        try {
            for (SinkProvider p : ServiceLoader.load(SinkProvider.class, loader)) {
                add(found, p);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a sink provider: " + e.getMessage(), e);
        }
        return Map.copyOf(found);
    }

    /**
     * Checks that {@code spec} is what {@code provider} builds.
     *
     * @param provider the provider, for the message
     * @param spec the spec given
     * @param type the spec record the provider expects
     * @param <T> the spec record type
     * @return {@code spec}, cast
     * @throws IllegalArgumentException if {@code spec} is of another class
     */
    static <T extends SinkSpec> T expect(SinkProvider provider, SinkSpec spec, Class<T> type) {
        if (type.isInstance(spec)) {
            return type.cast(spec);
        }
        throw new IllegalArgumentException(
                "sink provider " + provider.getClass().getName() + " expects a " + type.getName() + " spec, got "
                        + (spec == null ? "null" : spec.getClass().getName()));
    }

    private static Map<String, SinkProvider> providers() {
        Map<String, SinkProvider> p = providers;
        if (p != null) {
            return p;
        }
        synchronized (Sinks.class) {
            if (providers == null) {
                providers = load(Sinks.class.getClassLoader());
            }
            return providers;
        }
    }

    private static void add(Map<String, SinkProvider> into, SinkProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String type = Objects.requireNonNull(
                provider.type(), () -> provider.getClass().getName() + ".type()");
        if (type.isEmpty()) {
            throw new IllegalStateException(
                    "sink provider " + provider.getClass().getName() + " declares an empty type");
        }
        SinkProvider existing = into.putIfAbsent(type, provider);
        if (existing != null) {
            throw new IllegalStateException("sink type '" + type + "' is provided by both "
                    + existing.getClass().getName() + " and "
                    + provider.getClass().getName()
                    + "; remove one of them from the class path");
        }
    }
}
