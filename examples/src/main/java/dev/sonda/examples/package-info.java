/**
 * The Java DSL twins of the example scenario files in {@code examples/}: each method builds the
 * same {@link dev.sonda.api.ScenarioPlan} its YAML file loads to.
 */
package dev.sonda.examples;
