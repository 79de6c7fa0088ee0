/**
 * What sinks receive: typed telemetry. A metric {@link dev.sonda.engine.data.Series} is prepared
 * once and its samples then arrive as primitives; a log arrives as a {@link
 * dev.sonda.engine.data.LogRecord}. Spans and infrastructure events join here as they come.
 */
package dev.sonda.engine.data;
