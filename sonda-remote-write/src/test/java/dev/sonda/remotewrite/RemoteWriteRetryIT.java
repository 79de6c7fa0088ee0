package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.MetricType;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import prometheus.Remote;

/**
 * Retry against a local HTTP server with scripted answers: 503 and 429 are retried with the same
 * body, a 400 is neither retried nor hidden.
 */
class RemoteWriteRetryIT {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L;
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4));

    private final Receiver receiver;
    private final Fixtures.Ctx ctx = new Fixtures.Ctx();

    RemoteWriteRetryIT() throws IOException {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RemoteWriteSink sink() {
        return new RemoteWriteSink(
                SinkSpec.remoteWrite(receiver.url("/api/v1/write")).withRetry(RETRY), ctx.context());
    }

    private static Series cpu() {
        return Series.of("cpu", Labels.empty(), MetricType.GAUGE);
    }

    @Test
    void twoServiceUnavailablesThenANoContentSendTheSameBodyThreeTimes() throws IOException {
        receiver.then(503, 1).then(429, 1);
        RemoteWriteSink sink = sink();
        Object cpu = sink.prepare(cpu());
        for (int i = 0; i < 5; i++) {
            sink.sample(cpu, (T0 + i) * MS, i);
        }

        assertThat(receiver.requests).hasSize(3);
        byte[] first = receiver.requests.get(0).body();
        assertThat(receiver.requests).allSatisfy(r -> assertThat(r.body()).isEqualTo(first));
        assertThat(Remote.WriteRequest.parseFrom(receiver.requests.get(2).decompressed())
                        .getTimeseries(0)
                        .getSamplesCount())
                .isEqualTo(5);
        assertThat(ctx.lines).hasSize(2);
        assertThat(ctx.lines.get(0))
                .matches("sonda: retry 1/3 after \\d+ms \\(error: HTTP 503 from '.*/api/v1/write'\\)");
        assertThat(ctx.lines.get(1))
                .matches("sonda: retry 2/3 after \\d+ms \\(error: HTTP 429 from '.*/api/v1/write'\\)");
        assertThat(ctx.reports.delivered.get()).isEqualTo(5);
        assertThat(ctx.reports.dropped.get()).isZero();
        assertThat(sink.lastWriteDelivered()).isTrue();
    }

    @Test
    void aBadRequestIsSentOnceReportedAndCountedAsASinkError() {
        receiver.then(400, 1).body(400, "out of order sample");
        RemoteWriteSink sink = sink();
        Object cpu = sink.prepare(cpu());
        for (int i = 0; i < 4; i++) {
            sink.sample(cpu, (T0 + i) * MS, i);
        }

        assertThatThrownBy(() -> sink.sample(cpu, (T0 + 4) * MS, 4))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 400 from '" + receiver.url("/api/v1/write") + "'")
                .satisfies(e -> assertThat(((SinkException) e).retryable()).isFalse());
        assertThat(receiver.requests).hasSize(1);
        assertThat(ctx.lines.get(1))
                .endsWith(": HTTP 400 from '" + receiver.url("/api/v1/write") + "': out of order sample");
        assertThat(ctx.reports.dropped.get()).isEqualTo(5);

        // the next batch goes out normally: the refused one was not re-queued
        for (int i = 5; i < 10; i++) {
            sink.sample(cpu, (T0 + i) * MS, i);
        }
        assertThat(receiver.requests).hasSize(2);
        assertThat(ctx.reports.delivered.get()).isEqualTo(5);
    }

    @Test
    void whenEveryRetryFailsTheBatchIsDroppedWithTheLastError() {
        receiver.then(500, 4).body(500, "storage full");
        RemoteWriteSink sink = sink();
        Object cpu = sink.prepare(cpu());
        for (int i = 0; i < 4; i++) {
            sink.sample(cpu, (T0 + i) * MS, i);
        }

        assertThatThrownBy(() -> sink.sample(cpu, (T0 + 4) * MS, 4)).hasMessageStartingWith("HTTP 500 from");
        assertThat(receiver.requests).hasSize(4);
        assertThat(ctx.lines.get(3)).startsWith("sonda: all 3 retries exhausted (last error: HTTP 500 from");
        assertThat(ctx.lines.get(4))
                .startsWith("sonda: remote_write sink: dropped 5 samples of 1 series (cpu{})")
                .endsWith("': storage full");
        assertThat(ctx.reports.dropped.get()).isEqualTo(5);
    }
}
