/**
 * Benchmarks of Sonda for the JVM: JMH benchmarks of the generators ({@link
 * dev.sonda.bench.GeneratorBench}), the encoders against two baselines ({@link
 * dev.sonda.bench.EncoderBench}) and whole simulated-clock runs ({@link dev.sonda.bench.RunBench}),
 * plus a plain program measuring rate accuracy and cost on the system clock ({@link
 * dev.sonda.bench.RealtimeBench}).
 *
 * <p>Run them with the {@code ./bench} script at the repository root; {@code docs/performance.md}
 * explains what each measures and records results.
 */
package dev.sonda.bench;
