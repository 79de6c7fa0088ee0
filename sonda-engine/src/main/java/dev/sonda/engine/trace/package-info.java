/**
 * Traces of a service graph and what is derived from them: {@link
 * dev.sonda.engine.trace.TraceModel} (a {@code traces:} block compiled once), {@link
 * dev.sonda.engine.trace.TraceGenerator} (one trace per request, deterministic under a seed), the
 * RED metrics and log lines computed from the spans actually generated ({@link
 * dev.sonda.engine.trace.TracePipeline}). The OTLP form of spans lives with the OTLP sinks
 * (module {@code sonda-otlp}), so this module needs no protobuf.
 */
package dev.sonda.engine.trace;
