package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import prometheus.Remote;
import prometheus.Types;

/**
 * A workload pushed over remote_write, as those who want it instead of OTLP do: every series of
 * every tick arrives once, as a sample stamped with the tick's time, with the tick's value.
 */
class WorkloadRemoteWriteTest {

    @Test
    void everySeriesOfEveryTickArrivesAsOneSampleWithTheTicksValue() throws Exception {
        Map<String, Double> expected = new ConcurrentHashMap<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {}

            @Override
            public void onBatch(CompiledEntry entry, SeriesBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    Map<String, String> labels = new TreeMap<>();
                    labels.put("__name__", b.name());
                    for (int k = 0; k < b.labelCount(); k++) {
                        labels.put(b.labelName(k), b.labelValue(i, k));
                    }
                    expected.put(labels + "@" + b.epochNanos() / 1_000_000L, b.value(i));
                }
            }
        };
        try (Receiver receiver = Receiver.http()) {
            ScenarioPlan plan = Scenario.workload("w")
                    .rate(1)
                    .duration("3s")
                    .profile(LabelProfile.of("p").values("zone", "a", "b").range("pod", 1, 40, null))
                    .metric(WorkloadMetric.counter("req_total", "p").poisson(5))
                    .metric(WorkloadMetric.gauge("cpu", "p").randomWalk(0.5, 0.1))
                    .sink(SinkSpec.remoteWrite(receiver.url("/api/v1/write")).withBatchSize(50))
                    .buildPlan();
            try (Run run = Sonda.start(
                    plan,
                    RunOptions.defaults()
                            .withClock(Clock.simulated(Instant.ofEpochSecond(1_700_000_000L)))
                            .withObserver(observer))) {
                run.join();
            }
            Map<String, Double> received = new TreeMap<>();
            for (Receiver.Request r : receiver.requests) {
                for (Types.TimeSeries ts :
                        Remote.WriteRequest.parseFrom(r.decompressed()).getTimeseriesList()) {
                    Map<String, String> labels = new TreeMap<>();
                    ts.getLabelsList().forEach(l -> labels.put(l.getName(), l.getValue()));
                    for (Types.Sample s : ts.getSamplesList()) {
                        assertThat(received.put(labels + "@" + s.getTimestamp(), s.getValue()))
                                .isNull();
                    }
                }
            }
            assertThat(received).hasSize(3 * 2 * 80).isEqualTo(new TreeMap<>(expected));
        }
    }
}
