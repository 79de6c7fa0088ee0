/**
 * Traces of a service graph and what is derived from them: {@link
 * dev.sonda.engine.trace.TraceModel} (a {@code traces:} block compiled once), {@link
 * dev.sonda.engine.trace.TraceGenerator} (one trace per request, deterministic under a seed), the
 * RED metrics and log lines computed from the spans actually generated ({@link
 * dev.sonda.engine.trace.TracePipeline}), and {@link dev.sonda.engine.trace.OtlpTraceRequest}
 * (spans as an OTLP {@code ExportTraceServiceRequest}, for the OTLP sinks).
 */
package dev.sonda.engine.trace;
