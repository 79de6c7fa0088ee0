/**
 * Sonda in JUnit 5 tests: {@link dev.sonda.junit5.SondaScenario} runs a scenario inside a test, on
 * simulated time, and the test asserts on what it emitted.
 *
 * <pre>
 * import static dev.sonda.junit5.SondaAssertions.*;
 *
 * class CpuAlertTest {
 *     &#64;Test
 *     &#64;SondaScenario("scenarios/cpu-spike.yaml")
 *     void cpuStaysAboveNinetyForFiveMinutes(Captured captured) {
 *         Series cpu = captured.series("cpu_usage");
 *         assertThat(cpu).firstCrossing("&gt;", 90).isAtOffset(Duration.ofMinutes(9));
 *         assertThat(cpu).longestRunAbove(90).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
 *     }
 * }
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.sonda.junit5.SondaScenario}: which scenario (a classpath YAML file or a DSL
 *       plan method), which clock, where its output goes;
 *   <li>{@link dev.sonda.junit5.Captured}, {@link dev.sonda.junit5.Series} and {@link
 *       dev.sonda.junit5.Sample}: what the run emitted, per series and as encoded lines;
 *   <li>{@link dev.sonda.junit5.SondaRun} and {@link dev.sonda.junit5.SampleStream}: control of a
 *       system-clock run and live streaming of its samples;
 *   <li>{@link dev.sonda.junit5.SondaAssertions}: AssertJ-style assertions (threshold crossings,
 *       time above a threshold, gaps, cascades), with AssertJ's own under the same import.
 * </ul>
 */
package dev.sonda.junit5;
