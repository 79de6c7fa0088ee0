/**
 * Encoders: turn metric samples into the exact bytes Sonda 1.20 (the Rust reference) writes.
 *
 * <p>The hot path is allocation-free. {@link dev.sonda.engine.encode.MetricEncoder#series} runs
 * once per series and pre-encodes the constant bytes (name, escaped labels) into an {@link
 * dev.sonda.engine.encode.EncodedSeries}; {@link dev.sonda.engine.encode.MetricEncoder#encode}
 * runs once per sample and only copies those bytes and formats the value and the timestamp into a
 * reusable {@link dev.sonda.engine.encode.ByteBuf}.
 *
 * <p>Built-in formats: {@link dev.sonda.engine.encode.PrometheusTextEncoder} (Prometheus text
 * exposition format 0.0.4 sample lines), {@link dev.sonda.engine.encode.InfluxLineProtocolEncoder}
 * (InfluxDB line protocol) and {@link dev.sonda.engine.encode.JsonLinesEncoder} (Sonda 1.20
 * {@code encoder/json.rs}). Every format, built in or a plug-in's, is an {@link
 * dev.sonda.engine.encode.EncoderProvider} (metrics, logs or both) registered in {@code
 * META-INF/services/dev.sonda.api.spi.SpecProvider}; {@link dev.sonda.engine.encode.Encoders}
 * builds an encoder from an {@link dev.sonda.api.encoder.EncoderSpec} through a {@link
 * dev.sonda.api.spi.SpecRegistry}. Label sets are {@link dev.sonda.engine.encode.Labels},
 * sorted by Unicode code point like the reference's {@code BTreeMap<String, String>}.
 */
package dev.sonda.engine.encode;
