/**
 * The Sonda engine: compiles a scenario plan once and runs it on the system clock or a simulated
 * clock, into typed sinks.
 *
 * <ul>
 *   <li>{@link dev.sonda.engine.Sonda}: {@code compile(plan, CompileOptions)} resolves packs,
 *       {@code after:} offsets, clock groups and overrides, builds every entry's generator,
 *       encoders and sink provider once ({@link dev.sonda.engine.CompiledPlan}, {@link
 *       dev.sonda.engine.CompiledEntry}) and reports every problem at once, located in the file;
 *       {@code start(compiled, RunOptions)} runs it as a {@link dev.sonda.engine.Run}.
 *   <li>{@link dev.sonda.engine.RunOptions}: the {@link dev.sonda.engine.Clock} ({@code
 *       Clock.system()} or {@code Clock.simulated(start)}), the provider registry, diagnostics, a
 *       sink factory for capture, a typed {@link dev.sonda.engine.RunObserver}.
 *   <li>Extension points, each a provider that owns its YAML {@code type:} end to end: metric
 *       generators ({@code dev.sonda.engine.generator}), log generators and encoders ({@code
 *       dev.sonda.engine.log}), metric encoders ({@code dev.sonda.engine.encode}), sinks ({@code
 *       dev.sonda.engine.sink}); what sinks receive is in {@code dev.sonda.engine.data}.
 * </ul>
 *
 * <p>Every signal kind (metrics, histograms, summaries, logs) runs through one scheduler: a run is
 * a timer queue of entries, not a thread per entry.
 */
package dev.sonda.engine;
