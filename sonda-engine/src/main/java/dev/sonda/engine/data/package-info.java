/**
 * What sinks receive: typed telemetry. A metric {@link dev.sonda.engine.data.Series} is prepared
 * once and its samples then arrive as primitives; a log arrives as a {@link
 * dev.sonda.engine.data.LogRecord}, a span as a {@link dev.sonda.engine.data.SpanRecord} and an
 * infrastructure event as an {@link dev.sonda.engine.data.EventRecord}; a workload's tick arrives as
 * one {@link dev.sonda.engine.data.SeriesBatch} per metric, read by position.
 */
package dev.sonda.engine.data;
