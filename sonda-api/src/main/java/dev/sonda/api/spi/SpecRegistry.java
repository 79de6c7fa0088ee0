package dev.sonda.api.spi;

import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.spec.DidYouMean;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.sink.SinkSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers one engine knows, by {@link SpecKind} and {@code type:} name: immutable and
 * thread-safe. The YAML reader and writer, the compiler, the CLI's {@code --sink} and {@code
 * --encoder} and the docs' tables all come from one registry, so adding a type is one provider
 * class and one services line.
 *
 * <p>{@link #defaults()} holds every provider {@link ServiceLoader} finds on the class path
 * (the built-ins included); {@link #builder()} composes others, for example a test adding a sink
 * without the class path: {@code SpecRegistry.defaults().toBuilder().add(new MySinkProvider()).build()}.
 * The engine's {@code RunOptions} carries one registry; nothing is static but the cached default.
 */
public final class SpecRegistry {
    /** Types served by optional modules, for the message naming the module to add. */
    private static final Map<String, String> MODULE_OF = Map.of(
            SpecKind.SINK + "/remote_write", "sonda-remote-write",
            SpecKind.ENCODER + "/remote_write", "sonda-remote-write",
            SpecKind.SINK + "/kafka", "sonda-kafka",
            SpecKind.SINK + "/otlp_grpc", "sonda-otlp",
            SpecKind.SINK + "/otlp_http", "sonda-otlp",
            SpecKind.ENCODER + "/otlp", "sonda-otlp");

    private static final Map<ClassLoader, SpecRegistry> DEFAULTS = new ConcurrentHashMap<>();

    private final Map<SpecKind, Map<String, SpecProvider<?>>> byName;
    private final Map<SpecKind, List<SpecProvider<?>>> providers;

    private SpecRegistry(Map<SpecKind, Map<String, SpecProvider<?>>> byName) {
        this.byName = byName;
        Map<SpecKind, List<SpecProvider<?>>> lists = new EnumMap<>(SpecKind.class);
        for (SpecKind k : SpecKind.values()) {
            List<SpecProvider<?>> l = new ArrayList<>();
            for (SpecProvider<?> p : byName.get(k).values()) {
                if (!l.contains(p)) {
                    l.add(p);
                }
            }
            l.sort((a, b) -> a.type().compareTo(b.type()));
            lists.put(k, List.copyOf(l));
        }
        this.providers = lists;
    }

    /**
     * The registry of every provider found with {@link ServiceLoader} through this library's class
     * loader, loaded once and cached.
     *
     * @return the default registry
     * @throws SondaException if a provider cannot be loaded or two providers claim one type (the
     *     message names both classes)
     */
    public static SpecRegistry defaults() {
        ClassLoader loader = SpecRegistry.class.getClassLoader();
        SpecRegistry r = DEFAULTS.get(loader);
        if (r == null) {
            r = load(loader);
            DEFAULTS.putIfAbsent(loader, r);
        }
        return r;
    }

    /**
     * A registry of every provider {@link ServiceLoader} finds through {@code loader}.
     *
     * @param loader the class loader to search, or null for the system class loader
     * @return the registry
     * @throws SondaException if a provider cannot be loaded or two providers claim one type
     */
    public static SpecRegistry load(ClassLoader loader) {
        Builder b = builder();
        try {
            for (SpecProvider<?> p : ServiceLoader.load(SpecProvider.class, loader)) {
                b.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new SondaException(
                    "cannot load a provider listed in META-INF/services/" + SpecProvider.class.getName() + ": "
                            + e.getMessage(),
                    e);
        }
        return b.build();
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this registry's providers, to add more.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (SpecKind k : SpecKind.values()) {
            for (SpecProvider<?> p : providers.get(k)) {
                b.add(p);
            }
        }
        return b;
    }

    /**
     * The provider of {@code type} (or of an alias of it).
     *
     * @param kind the block kind
     * @param type the {@code type:} value
     * @return the provider, or empty
     */
    public Optional<SpecProvider<?>> find(SpecKind kind, String type) {
        return Optional.ofNullable(byName.get(kind).get(type));
    }

    /**
     * The provider of {@code type} if it is also a {@code role}, such as the engine's {@code
     * SinkProvider}.
     *
     * @param kind the block kind
     * @param type the {@code type:} value
     * @param role the interface wanted
     * @param <P> the interface
     * @return the provider, or empty when there is none or it is not a {@code role}
     */
    public <P> Optional<P> find(SpecKind kind, String type, Class<P> role) {
        SpecProvider<?> p = byName.get(kind).get(type);
        return role.isInstance(p) ? Optional.of(role.cast(p)) : Optional.empty();
    }

    /**
     * Every provider of a kind, sorted by type.
     *
     * @param kind the block kind
     * @return the providers
     */
    public List<SpecProvider<?>> providers(SpecKind kind) {
        return providers.get(kind);
    }

    /**
     * The {@code type:} names of a kind, without aliases.
     *
     * @param kind the block kind
     * @return the sorted names
     */
    public SortedSet<String> types(SpecKind kind) {
        SortedSet<String> out = new TreeSet<>();
        for (SpecProvider<?> p : providers.get(kind)) {
            out.add(p.type());
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * Every accepted {@code type:} name of a kind, aliases included.
     *
     * @param kind the block kind
     * @return the sorted names
     */
    public SortedSet<String> names(SpecKind kind) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byName.get(kind).keySet()));
    }

    /**
     * The message for a {@code type:} no provider serves: every accepted name, a did-you-mean, and
     * the module to add when the type belongs to an optional module.
     *
     * @param kind the block kind
     * @param type the type as written
     * @return the message, such as {@code unknown sink type 'kafak'; did you mean 'kafka'? known: file, http_push, ...}
     */
    public String unknownType(SpecKind kind, String type) {
        String module = MODULE_OF.get(kind + "/" + type);
        if (module != null) {
            return kind.displayName() + " type '" + type + "' needs the " + module
                    + " module: add the dependency dev.sonda:" + module
                    + " to the class path (the sonda command includes it)";
        }
        SortedSet<String> known = names(kind);
        SortedSet<String> candidates = new TreeSet<>(known);
        String prefix = kind + "/";
        MODULE_OF.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> candidates.add(k.substring(prefix.length())));
        String hint = DidYouMean.hint(type, candidates);
        String suggested = DidYouMean.suggest(type, candidates);
        if (suggested != null && MODULE_OF.containsKey(prefix + suggested) && !known.contains(suggested)) {
            hint = hint.substring(0, hint.length() - 1) + " (from the " + MODULE_OF.get(prefix + suggested)
                    + " module)?";
        }
        return "unknown " + kind.displayName() + " type '" + type + "'" + (hint.isEmpty() ? ";" : hint) + " known: "
                + String.join(", ", known);
    }

    /**
     * Reads a block with the provider of its type; a type no provider serves becomes the kind's
     * {@code Generic} spec ({@link GeneratorSpec.Generic}, {@link LogGeneratorSpec.Generic}, {@link
     * EncoderSpec.Generic} or {@link SinkSpec.Generic}) holding the block's keys, for the compiler
     * to report or a later registry to resolve.
     *
     * @param kind the block kind
     * @param block the block
     * @return the spec, or null when the provider found the block unusable (problems recorded)
     */
    public Object read(SpecKind kind, SpecBlock block) {
        SpecProvider<?> p = byName.get(kind).get(block.type());
        if (p == null) {
            return generic(kind, block.type(), block.plainValues(Set.of("type")));
        }
        return p.read(block);
    }

    /**
     * Writes a spec's {@code type} and keys with its provider; a {@code Generic} spec writes its
     * properties as they are.
     *
     * @param kind the block kind
     * @param spec the spec
     * @param out where the keys go
     * @throws IllegalArgumentException if no provider of this registry serves a non-generic spec
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(SpecKind kind, Object spec, SpecWriter out) {
        String type = typeOf(kind, spec);
        out.put("type", type);
        Map<String, Object> generic = genericProperties(spec);
        if (generic != null) {
            generic.forEach(out::put);
            return;
        }
        SpecProvider p = byName.get(kind).get(type);
        if (p == null || !p.specClass().isInstance(spec)) {
            throw new IllegalArgumentException("no provider writes the " + kind.displayName() + " spec "
                    + spec.getClass().getName() + " of type '" + type + "'");
        }
        p.write(spec, out);
    }

    /**
     * Turns a spec into the record its provider reads and validates it: a {@code Generic} spec
     * whose type has a provider is read from its properties (problems get paths under {@code
     * path}); a spec whose type no provider serves gets the {@link #unknownType} problem at {@code
     * path.type}.
     *
     * @param kind the block kind
     * @param spec the spec, possibly {@code Generic}
     * @param path where the block sits, such as {@code scenarios[1].sink}
     * @param problems collector of problems
     * @return the provider's spec, or null after recording a problem
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object resolve(SpecKind kind, Object spec, String path, Problems problems) {
        Objects.requireNonNull(spec, "spec");
        String type = typeOf(kind, spec);
        SpecProvider p = byName.get(kind).get(type);
        if (p == null) {
            problems.add(path + ".type", unknownType(kind, type));
            return null;
        }
        Object resolved = spec;
        if (!p.specClass().isInstance(spec)) {
            Map<String, Object> props = genericProperties(spec);
            if (props == null) {
                problems.add(
                        path,
                        "the " + kind.displayName() + " spec " + spec.getClass().getName() + " of type '" + type
                                + "' is not the " + p.specClass().getName() + " its provider "
                                + p.getClass().getName() + " reads");
                return null;
            }
            MapSpecBlock block = new MapSpecBlock(type, props, path, problems);
            resolved = p.read(block);
            for (String key : block.unreadKeys()) {
                problems.add(
                        path + "." + key,
                        SpecMessages.unknownBlockKey(key, kind.displayName(), type, block.readKeys()));
            }
            if (resolved == null || block.failed()) {
                return null;
            }
        }
        p.validate(resolved, path, problems);
        return resolved;
    }

    private static String typeOf(SpecKind kind, Object spec) {
        if (spec instanceof GeneratorSpec g) {
            return g.type();
        } else if (spec instanceof LogGeneratorSpec l) {
            return l.type();
        } else if (spec instanceof EncoderSpec e) {
            return e.type();
        } else if (spec instanceof SinkSpec s) {
            return s.type();
        }
        throw new IllegalArgumentException(
                "not a " + kind.displayName() + " spec: " + spec.getClass().getName());
    }

    /**
     * The properties of a {@code Generic} spec of any kind ({@link GeneratorSpec.Generic}, {@link
     * LogGeneratorSpec.Generic}, {@link EncoderSpec.Generic}, {@link SinkSpec.Generic}).
     *
     * @param spec a spec
     * @return its properties, or null when it is not a {@code Generic} spec
     */
    public static Map<String, Object> genericProperties(Object spec) {
        if (spec instanceof GeneratorSpec.Generic g) {
            return g.properties();
        } else if (spec instanceof LogGeneratorSpec.Generic l) {
            return l.properties();
        } else if (spec instanceof EncoderSpec.Generic e) {
            return e.properties();
        } else if (spec instanceof SinkSpec.Generic s) {
            return s.properties();
        }
        return null;
    }

    private static Object generic(SpecKind kind, String type, Map<String, Object> properties) {
        return switch (kind) {
            case GENERATOR -> new GeneratorSpec.Generic(type, properties);
            case LOG_GENERATOR -> new LogGeneratorSpec.Generic(type, properties);
            case ENCODER -> new EncoderSpec.Generic(type, properties);
            case SINK -> new SinkSpec.Generic(type, properties);
        };
    }

    /** Collects providers; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final List<SpecProvider<?>> list = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a provider.
         *
         * @param provider the provider
         * @return this builder
         * @throws NullPointerException if {@code provider} is null
         */
        public Builder add(SpecProvider<?> provider) {
            list.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Adds every provider {@link ServiceLoader} finds through {@code loader}.
         *
         * @param loader the class loader, or null for the system class loader
         * @return this builder
         * @throws SondaException if a provider cannot be loaded
         */
        public Builder addServices(ClassLoader loader) {
            try {
                for (SpecProvider<?> p : ServiceLoader.load(SpecProvider.class, loader)) {
                    add(p);
                }
            } catch (ServiceConfigurationError e) {
                throw new SondaException("cannot load a provider: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Builds the registry.
         *
         * @return the registry
         * @throws SondaException if two providers claim one name of one kind (the message names both
         *     classes), a provider declares an empty type, or its spec class does not implement the
         *     kind's spec interface
         */
        public SpecRegistry build() {
            Map<SpecKind, Map<String, SpecProvider<?>>> byName = new EnumMap<>(SpecKind.class);
            for (SpecKind k : SpecKind.values()) {
                byName.put(k, new LinkedHashMap<>());
            }
            for (SpecProvider<?> p : list) {
                SpecKind kind =
                        Objects.requireNonNull(p.kind(), () -> p.getClass().getName() + ".kind()");
                String type =
                        Objects.requireNonNull(p.type(), () -> p.getClass().getName() + ".type()");
                if (type.isEmpty()) {
                    throw new SondaException("provider " + p.getClass().getName() + " declares an empty type");
                }
                Class<?> specClass =
                        Objects.requireNonNull(p.specClass(), () -> p.getClass().getName() + ".specClass()");
                if (!kind.specInterface().isAssignableFrom(specClass)) {
                    throw new SondaException("provider " + p.getClass().getName() + " of " + kind.displayName()
                            + " type '" + type + "' declares spec class " + specClass.getName()
                            + ", which does not implement "
                            + kind.specInterface().getName());
                }
                List<String> names = new ArrayList<>();
                names.add(type);
                names.addAll(p.aliases());
                for (String name : names) {
                    SpecProvider<?> other = byName.get(kind).get(name);
                    if (other == p) {
                        continue;
                    }
                    if (other != null) {
                        if (other.getClass() == p.getClass()) {
                            continue; // the same provider found twice (two class loaders)
                        }
                        throw new SondaException(kind.displayName() + " type '" + name + "' is provided by both "
                                + other.getClass().getName() + " and "
                                + p.getClass().getName()
                                + "; remove one of them from the class path");
                    }
                    byName.get(kind).put(name, p);
                }
            }
            Map<SpecKind, Map<String, SpecProvider<?>>> frozen = new EnumMap<>(SpecKind.class);
            byName.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            return new SpecRegistry(frozen);
        }
    }
}
