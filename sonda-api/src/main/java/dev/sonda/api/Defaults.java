package dev.sonda.api;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.Map;

/**
 * File-level defaults (YAML {@code defaults:}): each entry takes a field from here when it leaves
 * it out. Replacement, not deep merge, except {@code labels}, which merge with the entry's (the
 * entry wins per key). Null fields mean "no default".
 *
 * @param rate default events per second, or null
 * @param duration default lifetime, or null
 * @param startTime default timestamp anchor, or null
 * @param encoder default encoder, or null
 * @param sink default sink, or null
 * @param labels labels merged under every inline entry's own
 * @param onSinkError default sink failure policy, or null
 * @param whileClause default gate, or null
 * @param delay default gate debounce, or null
 */
public record Defaults(
        Double rate,
        Duration duration,
        String startTime,
        EncoderSpec encoder,
        SinkSpec sink,
        Map<String, String> labels,
        OnSinkError onSinkError,
        WhileClause whileClause,
        DelayClause delay) {

    /** No defaults at all. */
    public static final Defaults NONE = new Defaults(null, null, null, null, null, Map.of(), null, null, null);
    /**
     * Creates the record, checking and copying its components.
     *
     * @param rate default events per second, or null
     * @param duration default lifetime, or null
     * @param startTime default timestamp anchor, or null
     * @param encoder default encoder, or null
     * @param sink default sink, or null
     * @param labels labels merged under every inline entry's own
     * @param onSinkError default sink failure policy, or null
     * @param whileClause default gate, or null
     * @param delay default gate debounce, or null
     */
    public Defaults {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
