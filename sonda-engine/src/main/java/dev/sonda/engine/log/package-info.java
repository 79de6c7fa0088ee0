/**
 * Logs: the log event model, log generators and log encoders, byte for byte as Sonda 1.20 (the
 * Rust reference; {@code model/log.rs}, {@code generator/log_template.rs}, {@code
 * generator/log_csv_replay.rs}, {@code encoder/json.rs}, {@code encoder/syslog.rs}).
 *
 * <ul>
 *   <li>{@link dev.sonda.engine.log.LogEvent}: timestamp, severity, message, labels and {@link
 *       dev.sonda.engine.log.LogFields fields};
 *   <li>{@link dev.sonda.engine.log.LogGenerator}: the event of a tick, a pure function of it;
 *       built-ins {@link dev.sonda.engine.log.TemplateLogGenerator} and {@link
 *       dev.sonda.engine.log.CsvReplayLogGenerator} (whose {@link
 *       dev.sonda.engine.log.CsvReplayLogGenerator#replayRate replayRate} overrides the entry's
 *       rate), each type, built in or a plug-in's, is a {@link dev.sonda.engine.log.LogGeneratorProvider}
 *       registered in {@code META-INF/services/dev.sonda.api.spi.SpecProvider}; {@link
 *       dev.sonda.engine.log.LogGenerators} builds them from specs;
 *   <li>{@link dev.sonda.engine.log.LogEncoder}: {@link dev.sonda.engine.log.JsonLinesLogEncoder}
 *       and {@link dev.sonda.engine.log.SyslogEncoder} (RFC 5424), built by {@link
 *       dev.sonda.engine.log.LogEncoders} through the formats' {@link
 *       dev.sonda.engine.encode.EncoderProvider}s.
 * </ul>
 *
 * <p>A log entry's tick: {@code generate(tick, epochNanos, labels)}, then the sink's {@code
 * log(record)}; a byte-stream sink encodes the record with the entry's log encoder ({@link
 * dev.sonda.engine.sink.EncodingSink}), {@link dev.sonda.engine.sink.LokiSink} keeps the record's
 * labels and timestamp per line.
 */
package dev.sonda.engine.log;
