/**
 * Backend workloads (YAML {@code signal_type: workload}): label-space profiles expanded to every
 * series of their Cartesian product, metrics of four kinds with per-series algorithms, series
 * churn, scheduled spikes, a pull endpoint, a control API and sharding. Immutable records with
 * validating constructors and {@code with...} copies, so a workload built in Java equals the same
 * workload read from a file.
 *
 * <p>One workload entry emits <em>every</em> series of its label spaces on every tick, as
 * Mockingbird does (the generator the {@code sonda} command imports with {@code sonda run
 * mockingbird.yaml}); an ordinary metrics entry emits one sample per tick.
 */
package dev.sonda.api.workload;
