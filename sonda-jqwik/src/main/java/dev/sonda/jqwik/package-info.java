/**
 * jqwik arbitraries of Sonda scenarios and captures ({@link dev.sonda.jqwik.SondaArbitraries}), to
 * property-test a telemetry pipeline against generated telemetry: valid entries with gaps, bursts,
 * jitter, NaN and infinities, run on the simulated clock.
 */
package dev.sonda.jqwik;
