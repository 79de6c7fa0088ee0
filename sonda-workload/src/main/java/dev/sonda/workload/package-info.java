/**
 * A running workload over HTTP, on the JDK's {@code com.sun.net.httpserver}: {@link
 * dev.sonda.workload.MetricsHandler} serves the pull endpoint, {@link
 * dev.sonda.workload.ControlHandler} Mockingbird's control API, and {@link
 * dev.sonda.workload.WorkloadServer} starts both on the ports a workload names. The handlers can
 * be mounted on any {@code HttpServer}, such as sonda-server's.
 */
package dev.sonda.workload;
