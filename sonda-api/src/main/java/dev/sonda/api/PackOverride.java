package dev.sonda.api;

import dev.sonda.api.generator.GeneratorSpec;
import java.util.Map;

/**
 * Overrides for one metric of a pack (a value of YAML {@code overrides:}); null fields keep the
 * pack's or the entry's value.
 *
 * @param generator replacement generator, or null
 * @param labels labels added over everything else, may be empty
 * @param after replacement {@code after:} clause, or null
 * @param whileClause replacement {@code while:} clause, or null
 * @param delay replacement {@code delay:} clause, or null
 */
public record PackOverride(
        GeneratorSpec generator,
        Map<String, String> labels,
        AfterClause after,
        WhileClause whileClause,
        DelayClause delay) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param generator replacement generator, or null
     * @param labels labels added over everything else, may be empty
     * @param after replacement {@code after:} clause, or null
     * @param whileClause replacement {@code while:} clause, or null
     * @param delay replacement {@code delay:} clause, or null
     */
    public PackOverride {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
