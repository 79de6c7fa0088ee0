/**
 * The model of {@code signal_type: traces}: a service graph (services, their operations, which
 * operation calls which), the faults that make it misbehave over time, and the logs and RED
 * metrics generated from the same spans. {@link dev.sonda.api.trace.TraceSpec} is the YAML
 * {@code traces:} block.
 */
package dev.sonda.api.trace;
