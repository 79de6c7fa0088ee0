/**
 * OpenTelemetry (OTLP) for Sonda: the {@code otlp_grpc} and {@code otlp_http} sinks ({@link
 * dev.sonda.otlp.OtlpSink}, found through their providers), which send metrics, logs, spans and
 * infrastructure events each to its own OTLP service, and the {@code otlp} encoder for byte-stream
 * sinks ({@link dev.sonda.otlp.OtlpMetricEncoder}, {@link dev.sonda.otlp.OtlpLogEncoder}). Add
 * {@code dev.sonda:sonda-otlp} to the class path and the types are available to YAML, the DSL
 * ({@code SinkSpec.otlpGrpc(endpoint)}) and the CLI ({@code --sink otlp_grpc --endpoint ...}).
 */
package dev.sonda.otlp;
