/**
 * Sinks: where encoded events go (Sonda 1.20 {@code sonda-core/src/sink/}).
 *
 * <p>A {@link dev.sonda.engine.sink.Sink} receives one {@code write} per encoded event, {@code
 * flush}es what it buffers, and is {@code close}d once at the end of its entry; its failures are
 * {@link dev.sonda.engine.sink.SinkException}s carrying the reference's raw I/O message (for example
 * {@code HTTP 500 from 'http://x/push'}), which the entry's {@code on_sink_error} policy counts or
 * turns into the end of the entry. The entry points are:
 *
 * <ul>
 *   <li>{@link dev.sonda.engine.sink.Sinks}: the factory and registry ({@code create}, {@code
 *       register}, {@code display});
 *   <li>{@link dev.sonda.engine.sink.SinkProvider}: the plug-in SPI, found with {@link
 *       java.util.ServiceLoader}; the built-in sinks register through it exactly like plug-ins;
 *   <li>the built-in sinks: {@link dev.sonda.engine.sink.StdoutSink}, {@link
 *       dev.sonda.engine.sink.FileSink} and {@link dev.sonda.engine.sink.TcpSink} (8 KiB stream
 *       buffer), {@link dev.sonda.engine.sink.UdpSink} (one datagram per event), {@link
 *       dev.sonda.engine.sink.HttpPushSink} (batched POSTs), {@link
 *       dev.sonda.engine.sink.MemorySink} (everything kept in memory) and {@link
 *       dev.sonda.engine.sink.ChannelSink} (programmatic, a bounded queue with back-pressure);
 *   <li>{@link dev.sonda.engine.sink.Retry}: the reference's {@code retry:} policy with full
 *       jitter and its exact stderr lines, for network sinks including plug-ins.
 * </ul>
 *
 * <p>Threading: a sink belongs to one entry and is called by one thread at a time; calls may block
 * (network I/O, retry backoff in real time). Sinks buffer at most a batch; the application-level
 * batching sinks check {@code max_buffer_age} only on write, on the run's clock ({@link
 * dev.sonda.engine.sink.SinkContext#nanoTime()}), so a simulated clock drives them
 * deterministically.
 *
 * <p>One deliberate deviation from the reference: a {@link dev.sonda.engine.sink.TcpSink} without a
 * retry policy reconnects with an exponential backoff after a failure, where the reference never
 * reconnects. See that class.
 */
package dev.sonda.engine.sink;
