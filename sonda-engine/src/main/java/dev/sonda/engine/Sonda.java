package dev.sonda.engine;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.internal.Compiler;

/**
 * The engine's entry point: compile a plan once ({@link #compile(ScenarioPlan, CompileOptions)}),
 * start it as often as needed, get a {@link Run}.
 *
 * <pre>{@code
 * ScenarioPlan plan = Scenario.metrics("cpu").rate(1).duration("1h").sine(40, 600, 50).buildPlan();
 * try (Run run = Sonda.start(plan, RunOptions.defaults().withClock(Clock.simulated(Instant.EPOCH)))) {
 *     run.join();
 * }
 * }</pre>
 */
public final class Sonda {
    private Sonda() {}

    /**
     * Compiles a plan: merges defaults, resolves offsets, desugars generators and runs every check
     * the reference runs before its first event.
     *
     * @param plan the plan
     * @return the compiled plan
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledPlan compile(ScenarioPlan plan) {
        return Compiler.compile(plan, CompileOptions.defaults());
    }

    /**
     * Compiles a plan whose {@code pack:} entries {@code packs} resolves.
     *
     * @param plan the plan
     * @param packs resolves pack names and paths
     * @return the compiled plan
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledPlan compile(ScenarioPlan plan, PackResolver packs) {
        return Compiler.compile(plan, CompileOptions.defaults().withPacks(packs));
    }

    /**
     * Compiles a plan once: merges defaults, expands packs and csv_replay columns, resolves {@code
     * after:} offsets and clock groups, applies the overrides, builds every entry's generator,
     * encoder and sink provider, and runs every check the reference runs before its first event.
     * Every problem is reported at once, each with the path of the entry as written and, for a plan
     * read from a file, its file, line and column.
     *
     * @param plan the plan
     * @param options the providers, packs, overrides, pool indexing and base directory
     * @return the compiled plan; what it holds is what runs
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledPlan compile(ScenarioPlan plan, CompileOptions options) {
        return Compiler.compile(plan, options);
    }

    /**
     * Compiles and starts a plan with {@link RunOptions#defaults()} (system clock, real sinks).
     *
     * @param plan the plan
     * @return the running plan
     * @throws InvalidScenarioException if the plan is invalid; nothing is started then
     */
    public static Run start(ScenarioPlan plan) {
        return start(compile(plan), RunOptions.defaults());
    }

    /**
     * Compiles and starts a plan.
     *
     * @param plan the plan
     * @param options clock, sinks, diagnostics
     * @return the running plan
     * @throws InvalidScenarioException if the plan is invalid; nothing is started then
     */
    public static Run start(ScenarioPlan plan, RunOptions options) {
        return start(compile(plan, CompileOptions.defaults().withRegistry(options.registry())), options);
    }

    /**
     * Starts an already compiled plan.
     *
     * @param plan the compiled plan
     * @param options clock, sinks, diagnostics
     * @return the running plan
     */
    public static Run start(CompiledPlan plan, RunOptions options) {
        return new Run(plan, options);
    }
}
