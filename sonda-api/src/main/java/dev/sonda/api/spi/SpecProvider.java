package dev.sonda.api.spi;

import dev.sonda.api.Problems;
import java.util.Set;

/**
 * The spec half of a plug-in: one {@code type:} of one {@link SpecKind}, its spec record, and how
 * that record is read from and written to its YAML/JSON block and validated.
 *
 * <p>The engine's provider interfaces extend this one with construction (a generator, an encoder,
 * a sink), so one class owns a type end to end. Providers are found with {@link
 * java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.sonda.api.spi.SpecProvider}
 * (it needs a public no-argument constructor), or add it to a {@link SpecRegistry} with {@link
 * SpecRegistry.Builder#add}. Built-in types register exactly the same way.
 *
 * <p>Threading: a provider is stateless or thread-safe; every method may be called from any
 * thread, concurrently, and must not block.
 *
 * @param <S> the spec interface of the kind ({@code GeneratorSpec}, {@code LogGeneratorSpec},
 *     {@code EncoderSpec} or {@code SinkSpec})
 */
public interface SpecProvider<S> {

    /**
     * Which block this provider serves.
     *
     * @return the kind
     */
    SpecKind kind();

    /**
     * The YAML {@code type:} value, such as {@code "http_push"}: non-empty, constant, unique
     * within the kind in a registry.
     *
     * @return the type name
     */
    String type();

    /**
     * Other {@code type:} names accepted for this type when reading (written back as {@link
     * #type()}). Default: none.
     *
     * @return the aliases, possibly empty
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The record this provider reads into and writes from; it implements the kind's spec
     * interface and its {@code type()} returns {@link #type()}.
     *
     * @return the spec class
     */
    Class<? extends S> specClass();

    /**
     * Reads a block of this type. Problems (a missing key, a value of the wrong type) are recorded
     * on {@code block} with its path and position, not thrown; the provider returns what it could
     * build, or null when nothing usable is left. Keys the provider never asks for are reported by
     * the caller as unknown keys.
     *
     * @param block the block, whose {@code type} is this provider's
     * @return the spec, or null after recording at least one problem
     */
    S read(SpecBlock block);

    /**
     * Writes a spec's keys (all but {@code type}, which the caller writes) so that {@link #read}
     * of the result gives an equal spec. Keys at their default may be left out.
     *
     * @param spec a spec of {@link #specClass()}
     * @param out where the keys go
     */
    void write(S spec, SpecWriter out);

    /**
     * Adds every problem of a spec that needs no other context (ranges, URL schemes, required
     * combinations), each with a path under {@code path}. Called for specs read from files and for
     * specs the Java DSL built. Default: {@code spec.validate(path, problems)} when the spec
     * records have their own rules, else nothing.
     *
     * @param spec a spec of {@link #specClass()}
     * @param path where the block sits, such as {@code scenarios[2].sink}
     * @param problems collector of problems
     */
    default void validate(S spec, String path, Problems problems) {}

    /**
     * One line describing the type for listings and generated docs, such as {@code "batched HTTP
     * POSTs of the encoded bytes"}. Default: empty.
     *
     * @return the summary
     */
    default String summary() {
        return "";
    }
}
