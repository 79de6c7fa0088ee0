/**
 * Sinks: where encoded events go (Sonda 1.20 {@code sonda-core/src/sink/}).
 *
 * <p>A {@link dev.sonda.engine.sink.Sink} receives typed data: it {@code prepare}s each series
 * once, then gets each {@code sample} as primitives and each log {@code log} record; it {@code
 * flush}es what it buffers and is {@code close}d once at the end of its entry. Byte-stream sinks
 * implement {@link dev.sonda.engine.sink.ByteSink} (one {@code write} per encoded record) and
 * reach the engine through the one adapter {@link dev.sonda.engine.sink.EncodingSink}. Failures are
 * {@link dev.sonda.engine.sink.SinkException}s carrying the reference's raw I/O message (for example
 * {@code HTTP 500 from 'http://x/push'}), which the entry's {@code on_sink_error} policy counts or
 * turns into the end of the entry. Every sink accounts for each record it is given as delivered
 * (the receiver acknowledged it) or dropped, through {@link dev.sonda.engine.sink.Delivery}; the
 * engine sums the counts per entry. The entry points are:
 *
 * <ul>
 *   <li>{@link dev.sonda.engine.sink.SinkProvider}: a sink type end to end (name, spec, YAML
 *       reading and writing, validation, creation), found with {@link java.util.ServiceLoader}
 *       through {@code META-INF/services/dev.sonda.api.spi.SpecProvider}; the built-in sinks
 *       register exactly like plug-ins;
 *   <li>{@link dev.sonda.engine.sink.SinkKeys}: the keys many sinks share ({@code retry}, {@code
 *       max_buffer_age}, URL checks);
 *   <li>the built-in sinks: {@link dev.sonda.engine.sink.StdoutSink}, {@link
 *       dev.sonda.engine.sink.FileSink} and {@link dev.sonda.engine.sink.TcpSink} (8 KiB stream
 *       buffer), {@link dev.sonda.engine.sink.UdpSink} (one datagram per record), {@link
 *       dev.sonda.engine.sink.HttpPushSink} (batched POSTs), {@link
 *       dev.sonda.engine.sink.LokiSink} (Loki pushes, typed), {@link
 *       dev.sonda.engine.sink.MemorySink} (everything kept in memory) and {@link
 *       dev.sonda.engine.sink.ChannelSink} (programmatic, a bounded queue with back-pressure);
 *   <li>{@link dev.sonda.engine.sink.Retry}: the reference's {@code retry:} policy with full
 *       jitter and its exact stderr lines, for network sinks including plug-ins.
 * </ul>
 *
 * <p>Threading: a sink belongs to one entry and is called by one thread at a time; calls may block
 * (network I/O, retry backoff in real time). Sinks buffer at most a batch; the application-level
 * batching sinks check {@code max_buffer_age} only on write, on the run's clock ({@link
 * dev.sonda.engine.sink.SinkContext#clock()}), so a simulated clock drives them
 * deterministically.
 *
 * <p>One deliberate deviation from the reference: a {@link dev.sonda.engine.sink.TcpSink} without a
 * retry policy reconnects with an exponential backoff after a failure, where the reference never
 * reconnects. See that class.
 */
package dev.sonda.engine.sink;
