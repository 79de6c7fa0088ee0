package dev.sonda.engine.generator;

import dev.sonda.api.SondaException;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link GeneratorProvider}s by generator type: one provider per type.
 *
 * <p>{@link #global()} holds every provider found with {@link ServiceLoader} on the class path of
 * this library (the built-in core generators included) and is what {@link Generators} uses; {@link
 * #register(GeneratorProvider)} adds more at run time. Thread-safe.
 */
public final class GeneratorRegistry {
    /** Types the engine lowers to core generators before any lookup ({@link Desugaring}). */
    private static final Set<String> RESERVED =
            Set.of("steady", "flap", "saturation", "leak", "degradation", "spike_event");

    private final ConcurrentMap<String, GeneratorProvider> providers = new ConcurrentHashMap<>();

    /** Creates an empty registry (not even the built-ins). */
    public GeneratorRegistry() {}

    /**
     * Creates a registry holding every provider {@link ServiceLoader} finds with {@code loader}.
     *
     * @param loader the class loader to search, or null for the system class loader
     * @return the registry
     * @throws SondaException if a provider cannot be loaded, two providers claim one type, or a
     *     provider claims an alias type
     */
    public static GeneratorRegistry load(ClassLoader loader) {
        GeneratorRegistry registry = new GeneratorRegistry();
        try {
            for (GeneratorProvider provider : ServiceLoader.load(GeneratorProvider.class, loader)) {
                registry.register(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new SondaException("cannot load a generator provider: " + e.getMessage(), e);
        }
        return registry;
    }

    /**
     * The process-wide registry, loaded on first use with the class loader of this library.
     *
     * @return the shared registry
     * @throws SondaException on first use, if loading fails as in {@link #load(ClassLoader)}
     */
    public static GeneratorRegistry global() {
        return Global.INSTANCE;
    }

    /**
     * Adds a provider.
     *
     * @param provider the provider; its {@link GeneratorProvider#type()} must be new here
     * @throws SondaException if another provider already handles the type (the message names both
     *     classes), if the type is empty, or if it is one of the operational aliases
     * @throws NullPointerException if {@code provider} or its type is null
     */
    public void register(GeneratorProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String type = Objects.requireNonNull(
                provider.type(), () -> provider.getClass().getName() + ".type()");
        if (type.isEmpty()) {
            throw new SondaException("generator provider " + provider.getClass().getName() + " declares an empty type");
        }
        if (RESERVED.contains(type)) {
            throw new SondaException("generator provider " + provider.getClass().getName() + " declares type '" + type
                    + "', which is reserved for a built-in operational alias");
        }
        GeneratorProvider existing = providers.putIfAbsent(type, provider);
        if (existing != null) {
            throw new SondaException("generator type '" + type + "' is provided by both "
                    + existing.getClass().getName() + " and "
                    + provider.getClass().getName()
                    + "; remove one of them from the class path");
        }
    }

    /**
     * The provider of {@code type}.
     *
     * @param type a YAML {@code type:} value, such as {@code "sine"}
     * @return the provider, or null when none is registered
     */
    public GeneratorProvider find(String type) {
        return providers.get(type);
    }

    /**
     * The registered types.
     *
     * @return a sorted snapshot
     */
    public SortedSet<String> types() {
        return new TreeSet<>(providers.keySet());
    }

    private static final class Global {
        static final GeneratorRegistry INSTANCE = load(GeneratorRegistry.class.getClassLoader());
    }
}
