package dev.sonda.engine.internal;

import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DynamicLabel;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.SplitMix64;
import java.util.List;

/**
 * Not API. The label sets an entry cycles through (Sonda 1.20 {@code schedule/core_loop.rs}):
 * the static labels, then each dynamic label's value of the tick ({@code values[tick mod len]}, or
 * {@code prefix + (tick mod cardinality)} with the prefix defaulting to {@code key_}), then each
 * cardinality spike that is active at the entry's elapsed time ({@code t mod every < for}) with the
 * value {@code prefix + (tick mod cardinality)} (counter) or {@code prefix + hex16(splitmix64(seed
 * ^ k))} (random); later wins on a shared key.
 *
 * <p>Each tick's choice is one {@code long} key in mixed radix (a dynamic label contributes {@code
 * tick mod n}, a spike {@code 0} when inactive or {@code 1 + k}), so finding the tick's series is
 * arithmetic and a primitive-keyed lookup: nothing is allocated per event once a label set has been
 * seen. A space whose combinations exceed 2^63 keys (never in practice) falls back to a string key.
 * Not thread-safe.
 */
final class LabelSpace {
    private final Labels base;
    private final List<DynamicLabel> dynamic;
    private final List<CardinalitySpike> spikes;
    private final long[] radix;
    private final long[] everyNanos;
    private final long[] forNanos;
    private final boolean exact;

    LabelSpace(Labels base, List<DynamicLabel> dynamic, List<CardinalitySpike> spikes) {
        this.base = base;
        this.dynamic = dynamic;
        this.spikes = spikes;
        int n = dynamic.size() + spikes.size();
        radix = new long[n];
        everyNanos = new long[spikes.size()];
        forNanos = new long[spikes.size()];
        boolean fits = true;
        long product = 1;
        for (int i = 0; i < dynamic.size(); i++) {
            DynamicLabel d = dynamic.get(i);
            radix[i] = d.values().isEmpty() ? d.cardinality() : d.values().size();
        }
        for (int j = 0; j < spikes.size(); j++) {
            CardinalitySpike s = spikes.get(j);
            radix[dynamic.size() + j] = s.cardinality() + 1;
            everyNanos[j] = s.every().toNanos();
            forNanos[j] = s.forDuration().toNanos();
        }
        for (long r : radix) {
            if (r <= 0 || product > Long.MAX_VALUE / r) {
                fits = false;
                break;
            }
            product *= r;
        }
        this.exact = fits;
    }

    /** Whether any label varies: false means every tick has {@link #base()}. */
    boolean varies() {
        return radix.length > 0;
    }

    Labels base() {
        return base;
    }

    /** Whether {@link #key} identifies label sets exactly (always, unless 2^63 is exceeded). */
    boolean exact() {
        return exact;
    }

    /**
     * The key of the label set of {@code tick} at elapsed time {@code t} (nanoseconds since the
     * entry started).
     */
    long key(long tick, long t) {
        long key = 0;
        int i = 0;
        for (; i < dynamic.size(); i++) {
            key = key * radix[i] + Long.remainderUnsigned(tick, radix[i]);
        }
        for (int j = 0; j < spikes.size(); j++, i++) {
            long idx = t % everyNanos[j] < forNanos[j] ? 1 + Long.remainderUnsigned(tick, radix[i] - 1) : 0;
            key = key * radix[i] + idx;
        }
        return key;
    }

    /** The label set of {@code tick} at {@code t}, built (allocating) from scratch. */
    Labels labels(long tick, long t) {
        Labels labels = base;
        for (DynamicLabel d : dynamic) {
            String v = d.values().isEmpty()
                    ? (d.prefix() != null ? d.prefix() : d.key() + "_") + Long.remainderUnsigned(tick, d.cardinality())
                    : d.values()
                            .get((int) Long.remainderUnsigned(tick, d.values().size()));
            labels = labels.with(d.key(), v);
        }
        for (int j = 0; j < spikes.size(); j++) {
            CardinalitySpike s = spikes.get(j);
            if (t % everyNanos[j] < forNanos[j]) {
                long k = Long.remainderUnsigned(tick, s.cardinality());
                String prefix = s.prefix() != null ? s.prefix() : s.label() + "_";
                String v = s.strategy() == CardinalitySpike.Strategy.COUNTER
                        ? prefix + Long.toUnsignedString(k)
                        : prefix + hex16(SplitMix64.mix((s.seed() == null ? 0L : s.seed()) ^ k));
                labels = labels.with(s.label(), v);
            }
        }
        return labels;
    }

    /** A string key for spaces beyond 2^63 combinations: the varying values of the tick. */
    String slowKey(long tick, long t) {
        StringBuilder key = new StringBuilder();
        for (DynamicLabel d : dynamic) {
            long n = d.values().isEmpty() ? d.cardinality() : d.values().size();
            key.append(Long.remainderUnsigned(tick, n)).append('\u0000');
        }
        for (int j = 0; j < spikes.size(); j++) {
            if (t % everyNanos[j] < forNanos[j]) {
                key.append(Long.remainderUnsigned(tick, spikes.get(j).cardinality()));
            }
            key.append('\u0000');
        }
        return key.toString();
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }
}
