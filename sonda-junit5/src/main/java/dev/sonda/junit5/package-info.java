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
 *         assertThat(cpu).firstSampleAbove(90).isAtOffset(Duration.ofMinutes(9));
 *         assertThat(cpu).alertWhen(GREATER_THAN, 90).forDuration(Duration.ofMinutes(5)).firesAt(Duration.ofMinutes(14));
 *     }
 * }
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.sonda.junit5.SondaScenario}: which scenario (a classpath YAML file or a DSL
 *       plan method), which clock, which default seed, strict or not, where its output goes;
 *       {@link dev.sonda.junit5.Scenarios} loads YAML the same strict way outside the annotation;
 *   <li>{@link dev.sonda.junit5.Captured}, {@link dev.sonda.junit5.Series}, {@link
 *       dev.sonda.junit5.Sample}, {@link dev.sonda.junit5.Logs} and {@link
 *       dev.sonda.junit5.LogRecord}: what the run emitted, per series, as log records and as
 *       encoded lines;
 *   <li>{@link dev.sonda.junit5.ThresholdAlert} and {@link dev.sonda.junit5.PrometheusRules}:
 *       alert rules evaluated as Prometheus evaluates them, or by promtool itself, into {@link
 *       dev.sonda.junit5.Alerts};
 *   <li>{@link dev.sonda.junit5.SondaRun} and {@link dev.sonda.junit5.SampleStream}: control of a
 *       system-clock run and live streaming of its samples;
 *   <li>{@link dev.sonda.junit5.SondaAssertions}: AssertJ-style assertions (threshold crossings,
 *       alert timing, gaps, rates, cascades, logs), with AssertJ's own under the same import.
 * </ul>
 */
package dev.sonda.junit5;
