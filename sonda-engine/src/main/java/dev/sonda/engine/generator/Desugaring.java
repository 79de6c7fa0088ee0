package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lowers the operational aliases to core generators, exactly as the reference does at launch
 * (Sonda 1.20 {@code config/aliases.rs}, {@code desugar_scenario_config} and {@code
 * apply_jitter_if_unset}).
 *
 * <table class="striped">
 *   <caption>Alias lowering</caption>
 *   <thead>
 *     <tr><th>alias</th><th>becomes</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>{@code steady}</td><td>{@code sine{amplitude, period_secs = period, offset = center}}
 *         plus jitter {@code noise}</td></tr>
 *     <tr><td>{@code flap}</td><td>{@code sequence{repeat: true}}: {@code max(round(up·rate), 1)}
 *         copies of the up value, then {@code max(round(down·rate), 1)} of the down value</td></tr>
 *     <tr><td>{@code saturation}</td><td>{@code sawtooth{baseline, ceiling,
 *         time_to_saturate}}</td></tr>
 *     <tr><td>{@code leak}</td><td>{@code sawtooth{baseline, ceiling, time_to_ceiling}}, which must
 *         not be shorter than the entry's duration</td></tr>
 *     <tr><td>{@code degradation}</td><td>{@code sawtooth{baseline, ceiling, time_to_degrade}} plus
 *         jitter {@code noise}</td></tr>
 *     <tr><td>{@code spike_event}</td><td>{@code spike{baseline, spike_height, spike_duration,
 *         spike_interval}}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Durations convert to seconds as the reference's {@code as_secs_f64}: {@code seconds +
 * nanos / 1e9}. (The reference's parser truncates durations to whole microseconds; the IR's {@link
 * Duration}s already hold what the parser produced.) {@code round} is {@link
 * RustMath#roundHalfAwayFromZero(double)}, followed by a truncating, saturating cast. Thread-safe.
 */
public final class Desugaring {
    private static final String FLAP_ENUM_MESSAGE =
            "flap: 'enum' is mutually exclusive with explicit 'up_value'/'down_value' — pick one";
    private static final String FLAP_NO_TICKS_MESSAGE =
            "flap: up_duration and down_duration must produce at least one tick total";

    /** Java's practical array limit; the reference would abort on a larger allocation. */
    private static final long MAX_SEQUENCE_LENGTH = Integer.MAX_VALUE - 8;

    private Desugaring() {}

    /**
     * The outcome of desugaring one entry's generator: the core generator spec and the entry's
     * effective jitter settings.
     *
     * @param core the core spec ({@link GeneratorSpec.Sine}, {@link GeneratorSpec.Sawtooth}, {@link
     *     GeneratorSpec.Sequence}, {@link GeneratorSpec.Spike}, …); the input spec itself when it was
     *     not an alias
     * @param jitter the effective {@code jitter}, or null for none
     * @param jitterSeed the effective {@code jitter_seed}, or null (meaning 0 when jitter applies)
     */
    public record Desugared(GeneratorSpec core, Double jitter, Long jitterSeed) {}

    /**
     * Whether {@code spec} is one of the operational aliases ({@link GeneratorSpec.Steady}, {@link
     * GeneratorSpec.Flap}, {@link GeneratorSpec.Saturation}, {@link GeneratorSpec.Leak}, {@link
     * GeneratorSpec.Degradation}, {@link GeneratorSpec.SpikeEvent}).
     *
     * @param spec the spec
     * @return true for an alias
     */
    public static boolean isAlias(GeneratorSpec spec) {
        return spec instanceof GeneratorSpec.Steady
                || spec instanceof GeneratorSpec.Flap
                || spec instanceof GeneratorSpec.Saturation
                || spec instanceof GeneratorSpec.Leak
                || spec instanceof GeneratorSpec.Degradation
                || spec instanceof GeneratorSpec.SpikeEvent;
    }

    /**
     * Desugars one entry's generator.
     *
     * <p>Jitter ({@code apply_jitter_if_unset}, steady and degradation only): when {@code
     * entryJitter} is null the effective jitter is the alias's {@code noise} (a user-set jitter,
     * even 0, wins); independently, when {@code entryJitterSeed} is null and the alias has a {@code
     * noiseSeed}, the effective seed is that {@code noiseSeed}. Every other spec keeps the entry's
     * settings unchanged. The jitter value is not validated here.
     *
     * @param spec the entry's generator spec
     * @param rate the entry's rate in events per second (flap's tick counts depend on it)
     * @param entryJitter the entry's {@code jitter}, or null when unset
     * @param entryJitterSeed the entry's {@code jitter_seed}, or null when unset
     * @param entryDuration the entry's {@code duration}, or null when it runs until stopped (only
     *     leak reads it)
     * @param path where the generator block sits, such as {@code scenarios[0].generator}; problems
     *     are reported at it or below it
     * @return the core spec and the effective jitter settings
     * @throws InvalidScenarioException for flap, at {@code path.enum}: "flap: 'enum' is mutually
     *     exclusive with explicit 'up_value'/'down_value' — pick one"; at {@code path}: "flap:
     *     up_duration and down_duration must produce at least one tick total", or when the two
     *     phases need more ticks than a Java array holds; for leak, at {@code path.time_to_ceiling}:
     *     "leak: time_to_ceiling ({ttc}) is shorter than scenario duration ({dur}); …", with both
     *     durations rendered in seconds such as {@code 30s} or {@code 1.5s} (the reference shows the
     *     strings as written, such as {@code 1m}; the IR no longer has them)
     */
    public static Desugared desugar(
            GeneratorSpec spec,
            double rate,
            Double entryJitter,
            Long entryJitterSeed,
            Duration entryDuration,
            String path) {
        if (spec instanceof GeneratorSpec.Steady s) {
            GeneratorSpec core = new GeneratorSpec.Sine(s.amplitude(), seconds(s.period()), s.center());
            return withJitterIfUnset(core, entryJitter, entryJitterSeed, s.noise(), s.noiseSeed());
        }
        if (spec instanceof GeneratorSpec.Flap f) {
            return new Desugared(flap(f, rate, path), entryJitter, entryJitterSeed);
        }
        if (spec instanceof GeneratorSpec.Saturation s) {
            GeneratorSpec core = new GeneratorSpec.Sawtooth(s.baseline(), s.ceiling(), seconds(s.timeToSaturate()));
            return new Desugared(core, entryJitter, entryJitterSeed);
        }
        if (spec instanceof GeneratorSpec.Leak l) {
            double periodSecs = seconds(l.timeToCeiling());
            if (entryDuration != null && periodSecs < seconds(entryDuration)) {
                throw problem(
                        path + ".time_to_ceiling",
                        "leak: time_to_ceiling (" + render(l.timeToCeiling())
                                + ") is shorter than scenario duration (" + render(entryDuration)
                                + "); the sawtooth would reset mid-run. Use 'saturation' instead for repeating"
                                + " fill-and-reset cycles, or increase time_to_ceiling to >= duration");
            }
            GeneratorSpec core = new GeneratorSpec.Sawtooth(l.baseline(), l.ceiling(), periodSecs);
            return new Desugared(core, entryJitter, entryJitterSeed);
        }
        if (spec instanceof GeneratorSpec.Degradation d) {
            GeneratorSpec core = new GeneratorSpec.Sawtooth(d.baseline(), d.ceiling(), seconds(d.timeToDegrade()));
            return withJitterIfUnset(core, entryJitter, entryJitterSeed, d.noise(), d.noiseSeed());
        }
        if (spec instanceof GeneratorSpec.SpikeEvent e) {
            GeneratorSpec core = new GeneratorSpec.Spike(
                    e.baseline(), e.spikeHeight(), seconds(e.spikeDuration()), seconds(e.spikeInterval()));
            return new Desugared(core, entryJitter, entryJitterSeed);
        }
        return new Desugared(spec, entryJitter, entryJitterSeed);
    }

    private static GeneratorSpec.Sequence flap(GeneratorSpec.Flap f, double rate, String path) {
        if (f.flapEnum() != null && (f.upValue() != null || f.downValue() != null)) {
            throw problem(path + ".enum", FLAP_ENUM_MESSAGE);
        }
        long upTicks = RustMath.toU64Saturating(RustMath.roundHalfAwayFromZero(seconds(f.upDuration()) * rate));
        long downTicks = RustMath.toU64Saturating(RustMath.roundHalfAwayFromZero(seconds(f.downDuration()) * rate));
        if (upTicks == 0 && downTicks == 0) {
            throw problem(path, FLAP_NO_TICKS_MESSAGE);
        }
        long up = upTicks == 0 ? 1 : upTicks; // each phase clamped to >= 1 tick
        long down = downTicks == 0 ? 1 : downTicks;
        if (up < 0 || down < 0 || up + down > MAX_SEQUENCE_LENGTH) { // negative = above 2^63 unsigned
            throw problem(
                    path,
                    "flap: up_duration and down_duration produce more than " + MAX_SEQUENCE_LENGTH
                            + " ticks at this rate; shorten them or lower the rate");
        }
        List<Double> values = new ArrayList<>((int) (up + down));
        values.addAll(Collections.nCopies((int) up, f.resolvedUpValue()));
        values.addAll(Collections.nCopies((int) down, f.resolvedDownValue()));
        return new GeneratorSpec.Sequence(values, true);
    }

    private static Desugared withJitterIfUnset(
            GeneratorSpec core, Double entryJitter, Long entryJitterSeed, double noise, Long noiseSeed) {
        Double jitter = entryJitter != null ? entryJitter : Double.valueOf(noise);
        Long seed = entryJitterSeed != null ? entryJitterSeed : noiseSeed;
        return new Desugared(core, jitter, seed);
    }

    /**
     * Converts a duration to seconds as the reference's {@code Duration::as_secs_f64}.
     *
     * @param d the duration
     * @return {@code seconds + nanos / 1e9}
     */
    static double seconds(Duration d) {
        return (double) d.getSeconds() + (double) d.getNano() / 1e9;
    }

    /** Renders a duration as decimal seconds with a {@code s} suffix, such as {@code 30s}, {@code 0.25s}. */
    static String render(Duration d) {
        BigDecimal secs = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return secs.stripTrailingZeros().toPlainString() + "s";
    }

    private static InvalidScenarioException problem(String path, String message) {
        return new InvalidScenarioException(List.of(new Problem(path, message)));
    }
}
