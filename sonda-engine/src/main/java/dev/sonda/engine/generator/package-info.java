/**
 * Metric value generators: pure functions from a tick to a value, ported bit for bit from the
 * reference (Sonda 1.20, {@code sonda-core/src/generator/} and {@code config/aliases.rs}).
 *
 * <p>A {@link dev.sonda.engine.generator.ValueGenerator} is built once per scenario entry, before
 * the run starts, from a {@link dev.sonda.api.generator.GeneratorSpec} and the entry's rate (events
 * per second); after that it is immutable, thread-safe and allocation-free. The entry points are:
 *
 * <ul>
 *   <li>{@link dev.sonda.engine.generator.GeneratorProvider}: one per generator type, the core
 *       generators (constant, sine, sawtooth, uniform, sequence, step, spike, csv_replay) and the
 *       operational aliases (steady, flap, saturation, leak, degradation, spike_event) alike, found
 *       through {@code META-INF/services/dev.sonda.api.spi.SpecProvider} exactly like plug-ins; each
 *       reads and writes its block and builds the finished generator from a {@link
 *       dev.sonda.engine.generator.GeneratorContext} (rate, duration, jitter);
 *   <li>{@link dev.sonda.engine.generator.Generators}: the factory over a {@link
 *       dev.sonda.api.spi.SpecRegistry}: resolve, validate, build;
 *   <li>{@link dev.sonda.engine.generator.CsvReplayExpansion} and {@link
 *       dev.sonda.engine.generator.CsvReplayGenerator}: {@code csv_replay}, which reads a file: the
 *       fan-out into one entry per column with the rate derived from the file's timestamps, and the
 *       replay of one column;
 *   <li>{@link dev.sonda.engine.generator.SplitMix64} and {@link
 *       dev.sonda.engine.generator.RustMath}: the shared hashing and Rust numeric helpers.
 * </ul>
 *
 * <p>All arithmetic is plain IEEE-754 double arithmetic evaluated in the reference's order, so
 * every generator reproduces the reference's values exactly. The one platform-dependent operation
 * is {@code sin}: the reference calls its platform's libm; {@link
 * dev.sonda.engine.generator.SineGenerator} uses {@link java.lang.StrictMath#sin(double)} (fdlibm),
 * which matches the musl/wasm builds the golden vectors come from, and may differ from a
 * glibc-linked reference in the last bit on a small fraction of inputs.
 */
package dev.sonda.engine.generator;
