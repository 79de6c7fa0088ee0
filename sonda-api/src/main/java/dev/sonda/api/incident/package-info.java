/**
 * The incident library: eight ready-made scenarios of a service graph misbehaving coherently
 * (traces, their log lines, their RED metrics and infrastructure events), after the
 * telemetry-simulation seed: {@code normal}, four incidents ({@code degradation}, {@code outage},
 * {@code cascade}, {@code deployment}) and three kinds of noise ({@code transient}, {@code
 * high-volume}, {@code intermittent}). {@link dev.sonda.api.incident.Incidents#plan} builds each
 * as a plan with the DSL; the {@code sonda} command ships each as a catalog file equal to it.
 */
package dev.sonda.api.incident;
