/**
 * Not API: the OTLP wire encoding (hand-written protobuf for the hot path), the shared batching
 * core of the two sinks, their transports and the TLS helpers. May change in any release.
 */
package dev.sonda.otlp.internal;
