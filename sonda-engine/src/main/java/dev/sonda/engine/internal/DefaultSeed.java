package dev.sonda.engine.internal;

import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Entry;
import dev.sonda.api.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * Not API. States the run's default seed ({@code CompileOptions.withDefaultSeed}) in the parts of
 * an entry the compiler runs itself: the seed of a histogram or summary and of every cardinality
 * spike that states none. Generators get the default seed through their context instead, since
 * only a provider knows where its spec keeps a seed.
 */
final class DefaultSeed {
    private DefaultSeed() {}

    /**
     * The entry with {@code seed} stated wherever the compiler reads a seed the entry left unset.
     *
     * @param e the entry
     * @param seed the default seed, or null for none (the entry is returned unchanged)
     * @return the entry, or a copy with the seeds stated
     */
    static Entry apply(Entry e, Long seed) {
        if (seed == null) {
            return e;
        }
        Signal signal = e.signal();
        if (signal instanceof Signal.Histogram h && h.seed() == null) {
            signal = new Signal.Histogram(
                    h.distribution(), h.buckets(), h.observationsPerTick(), h.meanShiftPerSec(), seed);
        } else if (signal instanceof Signal.Summary s && s.seed() == null) {
            signal = new Signal.Summary(
                    s.distribution(), s.quantiles(), s.observationsPerTick(), s.meanShiftPerSec(), seed);
        }
        List<CardinalitySpike> spikes = e.cardinalitySpikes();
        if (spikes.stream().anyMatch(c -> c.seed() == null)) {
            List<CardinalitySpike> out = new ArrayList<>(spikes.size());
            for (CardinalitySpike c : spikes) {
                out.add(
                        c.seed() != null
                                ? c
                                : new CardinalitySpike(
                                        c.label(),
                                        c.every(),
                                        c.forDuration(),
                                        c.cardinality(),
                                        c.strategy(),
                                        c.prefix(),
                                        seed));
            }
            spikes = out;
        }
        if (signal == e.signal() && spikes == e.cardinalitySpikes()) {
            return e;
        }
        return Compiler.copy(e, signal, e.encoder(), e.sink(), spikes);
    }
}
