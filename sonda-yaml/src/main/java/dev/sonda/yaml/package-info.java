/**
 * Reads and writes v2 scenario files (the YAML format of Sonda 1.20, {@code compiler/parse.rs}).
 *
 * <p>{@link dev.sonda.yaml.ScenarioLoader} turns a file into the same immutable {@link
 * dev.sonda.api.ScenarioPlan} the Java DSL builds, reporting every problem with its line and
 * column in a {@link dev.sonda.yaml.ScenarioParseException}; {@link dev.sonda.yaml.ScenarioWriter}
 * turns a plan back into a canonical file the loader reads into an equal plan. {@link
 * dev.sonda.yaml.LoadLimits} bounds what one load may cost, so hostile input is refused fast.
 * {@link dev.sonda.yaml.FlatScenarioLoader} also reads the seed README's single-scenario files
 * (no {@code version:}) that {@code sonda metrics} and {@code sonda logs} take.
 *
 * <pre>{@code
 * ScenarioPlan plan = ScenarioLoader.load(Path.of("link-failover.yaml"));
 * String yaml = ScenarioWriter.write(plan);
 * }</pre>
 */
package dev.sonda.yaml;
