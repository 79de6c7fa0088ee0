package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.VictoriaMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * remote_write into VictoriaMetrics, which is stopped two seconds into a six-second run and started
 * again on the same port and data a second later. With a retry policy that outlasts the outage
 * every sample is delivered and stored; without one the outage's requests are dropped, counted,
 * and VictoriaMetrics stores exactly the samples reported delivered.
 */
class RemoteWriteRestartIT {
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final RetryPolicy PATIENT = new RetryPolicy(40, Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    private EntryStats runThroughARestart(VictoriaMetrics vm, String run, RetryPolicy retry) throws Exception {
        ScenarioPlan plan = Scenario.metrics("restart_test")
                .rate(200)
                .duration(RUN)
                .step(1)
                .labels(Map.of("run", run))
                .sink(SinkSpec.remoteWrite(vm.base() + "/api/v1/write")
                        .withBatchSize(20)
                        .withRetry(retry))
                .buildPlan();
        long start = System.nanoTime();
        try (Run r = Sonda.start(plan, RunOptions.defaults().withDiagnostics(diagnostics::add))) {
            LockSupport.parkNanos(start + Duration.ofSeconds(2).toNanos() - System.nanoTime());
            vm.terminate();
            LockSupport.parkNanos(start + Duration.ofSeconds(3).toNanos() - System.nanoTime());
            vm.restart();
            assertThat(r.await(RUN.plusSeconds(30))).isTrue();
            return r.stats().entries().get(0);
        }
    }

    private static long stored(VictoriaMetrics vm, String run, long expected) {
        return vm.distinctTimestamps("{run=\"" + run + "\"}", expected, Duration.ofSeconds(20));
    }

    @Test
    void withARetryPolicyEverySampleIsStoredAcrossTheRestart() throws Exception {
        try (VictoriaMetrics vm = VictoriaMetrics.start(dir)) {
            String run = UUID.randomUUID().toString();

            EntryStats e = runThroughARestart(vm, run, PATIENT);

            assertThat(e.records()).isEqualTo(1200);
            assertThat(e.dropped())
                    .as("dropped: %s; %s", e.dropReason(), diagnostics)
                    .isZero();
            assertThat(e.delivered()).isEqualTo(1200);
            assertThat(diagnostics).anyMatch(l -> l.startsWith("sonda: retry "));
            assertThat(stored(vm, run, 1200)).isEqualTo(1200);
        }
    }

    @Test
    void withoutARetryPolicyTheOutagesRequestsAreDroppedAndTheRestIsStored() throws Exception {
        try (VictoriaMetrics vm = VictoriaMetrics.start(dir)) {
            String run = UUID.randomUUID().toString();

            EntryStats e = runThroughARestart(vm, run, null);

            assertThat(e.records()).isEqualTo(1200);
            assertThat(e.records()).isEqualTo(e.delivered() + e.dropped());
            assertThat(e.dropped()).isBetween(50L, 400L);
            assertThat(diagnostics)
                    .anyMatch(l -> l.startsWith("sonda: remote_write sink: dropped 20 samples of 1 series"));
            assertThat(stored(vm, run, e.delivered())).isEqualTo(e.delivered());
        }
    }
}
