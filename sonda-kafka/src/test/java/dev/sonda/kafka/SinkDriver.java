package dev.sonda.kafka;

import dev.sonda.api.MetricType;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link KafkaSink} directly, without a run: prometheus_text lines of one series {@code
 * up{job=...}}, one a second from 2020-01-01T00:00:00Z, and the text they encode to, written out
 * by hand from the prometheus_text format ({@code name{labels} value timestamp_ms}).
 */
final class SinkDriver {
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    final List<String> diagnostics = new ArrayList<>();
    final DeliveryCounts delivery = new DeliveryCounts();

    /** A sink with a 5 s delivery timeout, this driver's diagnostics and delivery counts. */
    KafkaSink open(SinkSpec.Kafka spec) {
        SinkContext context = new SinkContext(
                "up",
                Map.of(),
                Clock.simulated(START),
                diagnostics::add,
                Encoders.metricEncoder(EncoderSpec.prometheusText()),
                null,
                delivery);
        return new KafkaSink(spec.withDeliveryTimeout(Duration.ofSeconds(5)), context);
    }

    /** Writes {@code n} samples (values 0, 1, ...) and closes the sink; returns the expected text. */
    static String writeAndClose(KafkaSink sink, String job, int n) {
        Object series = sink.prepare(Series.of("up", Labels.of(Map.of("job", job)), MetricType.GAUGE));
        long startMs = START.toEpochMilli();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sink.sample(series, (startMs + i * 1000L) * 1_000_000L, i);
            expected.append("up{job=\"")
                    .append(job)
                    .append("\"} ")
                    .append(i)
                    .append(' ')
                    .append(startMs + i * 1000L)
                    .append('\n');
        }
        sink.close();
        return expected.toString();
    }
}
