/**
 * Not API. The workload engine: label spaces compiled to tables, per-series state in primitive
 * arrays, ticks generated in parallel chunks, double-buffered publication, the streaming
 * exposition writer and the batch view sinks read.
 */
package dev.sonda.engine.workload.internal;
