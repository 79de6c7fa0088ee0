package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The OTLP/gRPC receiver (grpc-java, in this JVM) killed two seconds into a six-second run and
 * started again on the same port a second later. With a retry policy that outlasts the outage
 * (and gRPC's own reconnect backoff, which starts at one second) every record is delivered;
 * without one the outage's batches are dropped. Either way the receiver holds exactly what was
 * reported delivered, counted by distinct data point timestamps (a batch the receiver took just
 * as it died may come again: at least once). Real time, about seven seconds each.
 */
class OtlpReceiverRestartTest {
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final RetryPolicy PATIENT = new RetryPolicy(60, Duration.ofMillis(20), Duration.ofMillis(200));

    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    private record Result(EntryStats stats, long distinctReceived, long received) {}

    private Result run(RetryPolicy retry) throws Exception {
        GrpcReceiver first = new GrpcReceiver(0);
        int port = first.port();
        List<GrpcReceiver> receivers = new ArrayList<>(List.of(first));
        ScenarioPlan plan = Scenario.metrics("restart_test")
                .rate(200)
                .duration(RUN)
                .step(1)
                .sink(SinkSpec.otlpGrpc("http://127.0.0.1:" + port, "metrics")
                        .withBatchSize(10)
                        .withRetry(retry))
                .buildPlan();
        long start = System.nanoTime();
        EntryStats stats;
        try (Run run = Sonda.start(plan, RunOptions.defaults().withDiagnostics(diagnostics::add))) {
            LockSupport.parkNanos(start + Duration.ofSeconds(2).toNanos() - System.nanoTime());
            first.kill();
            LockSupport.parkNanos(start + Duration.ofSeconds(3).toNanos() - System.nanoTime());
            receivers.add(new GrpcReceiver(port));
            assertThat(run.await(RUN.plusSeconds(30))).isTrue();
            stats = run.stats().entries().get(0);
        } finally {
            receivers.forEach(GrpcReceiver::close);
        }
        Set<Long> stamps = new HashSet<>();
        long points = 0;
        for (GrpcReceiver r : receivers) {
            for (Metric m : Points.named(r.metrics, "restart_test")) {
                for (NumberDataPoint p : m.getGauge().getDataPointsList()) {
                    stamps.add(p.getTimeUnixNano());
                    points++;
                }
            }
        }
        return new Result(stats, stamps.size(), points);
    }

    @Test
    void withARetryPolicyEveryRecordIsDeliveredAcrossTheRestart() throws Exception {
        Result r = run(PATIENT);

        EntryStats e = r.stats();
        assertThat(e.records()).isEqualTo(1200);
        assertThat(e.dropped())
                .as("dropped: %s; %s", e.dropReason(), diagnostics)
                .isZero();
        assertThat(e.delivered()).isEqualTo(1200);
        assertThat(r.distinctReceived()).isEqualTo(1200);
        assertThat(diagnostics).anyMatch(l -> l.startsWith("sonda: retry "));
        System.out.println("OtlpReceiverRestartTest with retry: " + e.delivered() + " delivered, "
                + (r.received() - r.distinctReceived()) + " received twice");
    }

    @Test
    void withoutARetryPolicyTheOutagesBatchesAreDroppedAndTheReceiverHoldsWhatWasDelivered() throws Exception {
        Result r = run(null);

        EntryStats e = r.stats();
        assertThat(e.records()).isEqualTo(1200);
        assertThat(e.records()).isEqualTo(e.delivered() + e.dropped());
        assertThat(e.dropped())
                .as("about a second of records and gRPC's reconnect backoff")
                .isPositive();
        assertThat(r.distinctReceived()).isEqualTo(e.delivered());
    }
}
