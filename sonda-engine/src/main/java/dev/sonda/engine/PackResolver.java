package dev.sonda.engine;

import dev.sonda.api.MetricPack;
import dev.sonda.api.SondaException;

/**
 * Finds the {@link MetricPack} a {@code pack:} entry names. The engine reads no files itself: the
 * caller supplies the resolver (the CLI resolves names in its {@code --catalog} directory and
 * paths relative to the working directory; a test can return packs built in code).
 */
@FunctionalInterface
public interface PackResolver {

    /** A resolver that knows no pack: every reference fails as the reference does without a catalog. */
    PackResolver NONE = ref -> {
        throw new SondaException("pack \"" + ref + "\" referenced by name but --catalog <dir> not provided");
    };

    /**
     * Resolves a pack reference.
     *
     * @param ref the {@code pack:} value: a name, or a path when it contains {@code /} or starts
     *     with {@code .}
     * @return the pack
     * @throws SondaException with the reason, such as {@code unknown pack "x" in catalog dir;
     *     composable entries: a, b}; the compiler reports it as {@code pack 'x' could not be
     *     resolved: <reason>}
     */
    MetricPack resolve(String ref);
}
