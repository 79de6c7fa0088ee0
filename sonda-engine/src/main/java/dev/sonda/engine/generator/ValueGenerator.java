package dev.sonda.engine.generator;

/**
 * A metric value generator: a pure function from a tick to a value (Sonda 1.20 {@code
 * generator/mod.rs}, trait {@code ValueGenerator}).
 *
 * <p>The tick is the 0-based event counter of a scenario entry; it is read as an unsigned 64-bit
 * integer, as the reference's {@code u64}. Everything that depends on time is fixed at construction:
 * the entry's rate (events per second) is given to the constructor, which converts periods in
 * seconds to periods in ticks ({@code periodSecs * rate}, never rounded).
 *
 * <p>Thread-safety: implementations are immutable and thread-safe; {@link #value(long)} has no side
 * effect, does not allocate and returns the same bits for the same tick on every call, on every
 * instance built from the same parameters.
 */
@FunctionalInterface
public interface ValueGenerator {

    /**
     * The value at {@code tick}.
     *
     * @param tick the 0-based event counter, read as unsigned 64-bit
     * @return the value; may be NaN or infinite when the parameters make it so (a zero period, for
     *     instance), as in the reference
     */
    double value(long tick);
}
