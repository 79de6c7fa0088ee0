/**
 * Running workloads ({@code signal_type: workload}): the handle a run gives for each ({@link
 * dev.sonda.engine.Run#workloads()}), to spike a metric, read the status, write the pull
 * endpoint's exposition and reload the definition. HTTP lives in {@code sonda-workload}, which
 * serves these over the JDK's HTTP server.
 */
package dev.sonda.engine.workload;
