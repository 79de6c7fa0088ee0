/**
 * Prometheus remote write for Sonda: the {@code remote_write} sink ({@link
 * dev.sonda.remotewrite.RemoteWriteSink}, Remote-Write 1.0 and 2.0, block snappy over HTTP) and
 * the length-prefixed {@code remote_write} encoder for byte-stream sinks ({@link
 * dev.sonda.remotewrite.RemoteWriteEncoder}). The sink's provider is found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.sonda.api.spi.SpecProvider}): putting
 * this module on the class path makes {@code type: remote_write} available.
 */
package dev.sonda.remotewrite;
