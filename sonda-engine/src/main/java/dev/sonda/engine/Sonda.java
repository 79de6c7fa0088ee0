package dev.sonda.engine;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.internal.Compiler;

/**
 * The engine's entry point: compile a plan, start it, get a {@link Run}.
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
        return Compiler.compile(plan, PackResolver.NONE);
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
        return Compiler.compile(plan, packs);
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
        return start(compile(plan), options);
    }

    /**
     * Starts an already compiled plan (possibly changed with {@link CompiledPlan#map}).
     *
     * @param plan the compiled plan
     * @param options clock, sinks, diagnostics
     * @return the running plan
     */
    public static Run start(CompiledPlan plan, RunOptions options) {
        return new Run(plan, options);
    }
}
