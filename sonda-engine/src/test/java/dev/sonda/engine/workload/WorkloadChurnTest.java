package dev.sonda.engine.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.workload.Churn;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.LabelRotation;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadChurnTest {
    private static final LabelProfile PODS =
            LabelProfile.of("pods").values("zone", "a", "b").range("pod", 1, 10, "pod%d");

    /** Series created and removed between consecutive ticks, from the label sets a reader sees. */
    private static long[] diff(List<Set<String>> ticks) {
        long created = ticks.get(0).size();
        long removed = 0;
        for (int t = 1; t < ticks.size(); t++) {
            Set<String> now = new HashSet<>(ticks.get(t));
            Set<String> before = ticks.get(t - 1);
            for (String s : now) {
                if (!before.contains(s)) {
                    created++;
                }
            }
            for (String s : before) {
                if (!now.contains(s)) {
                    removed++;
                }
            }
        }
        return new long[] {created, removed};
    }

    private static List<Set<String>> observed(Capture c, String metric) {
        List<Set<String>> out = new ArrayList<>();
        for (int t = 0; t < c.ticks.size(); t++) {
            out.add(new HashSet<>(c.metric(t, metric).keySet()));
        }
        return out;
    }

    private static Map<String, Double> selfMetrics(ScenarioPlan plan) throws Exception {
        try (Run run = Sonda.start(plan, RunOptions.defaults().withClock(Clock.simulated(Capture.START)))) {
            run.join();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run.workload("w").writeExposition(out, ExpositionFormat.PROMETHEUS_TEXT, "", false);
            return ExpositionTest.parse(out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void rotatingPodsAndDoublingTheCountCreateAndRemoveExactlyTheSeriesTheSettingsImply() throws Exception {
        ScenarioPlan plan = Scenario.workload("w")
                .rate(1)
                .duration("60s")
                .profile(PODS)
                .metric(WorkloadMetric.gauge("up", "pods").constant(1))
                .churn(new Churn(
                        null,
                        null,
                        null,
                        List.of(new LabelRotation("pod", Duration.ofSeconds(10), 0.3)),
                        new SeriesCount.DoubleHalve(8, Duration.ofSeconds(15))))
                .buildPlan();

        // The settings, simulated independently: 3 of the 10 pods take a new generation every 10 s,
        // round robin; the first 8 series (16 in every other 15 s) of zone x pod are live.
        int[] gen = new int[10];
        List<Set<String>> implied = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            if (t > 0 && t % 10 == 0) {
                int n = t / 10;
                for (int j = 0; j < 3; j++) {
                    gen[((n - 1) * 3 + j) % 10]++;
                }
            }
            int live = (t / 15) % 2 == 1 ? 16 : 8;
            Set<String> set = new HashSet<>();
            for (int j = 0; j < live; j++) {
                String zone = j / 10 == 0 ? "a" : "b";
                int v = j % 10;
                String pod = "pod" + (v + 1) + (gen[v] > 0 ? "-r" + gen[v] : "");
                set.add("up{pod=" + pod + ", zone=" + zone + "}");
            }
            implied.add(set);
        }
        long[] expected = diff(implied);

        Capture c = Capture.run(plan);
        List<Set<String>> seen = observed(c, "up");
        assertThat(seen).isEqualTo(implied);
        assertThat(diff(seen)).containsExactly(expected);
        Map<String, Double> self = selfMetrics(plan);
        assertThat(self.get("gen_series_created_total{metric_name=up}")).isEqualTo(expected[0]);
        assertThat(self.get("gen_series_removed_total{metric_name=up}")).isEqualTo(expected[1]);
        assertThat(expected[0]).isGreaterThan(8); // the churn really happened
    }

    @Test
    void seriesAndMetricCyclesReplaceEverySeriesOnTheirIntervals() throws Exception {
        ScenarioPlan plan = Scenario.workload("w")
                .rate(1)
                .duration("60s")
                .profile(PODS)
                .metric(WorkloadMetric.counter("req_total", "pods").constant(1))
                .churn(new Churn(Duration.ofSeconds(20), null, Duration.ofSeconds(30), List.of(), null))
                .buildPlan();

        Capture c = Capture.run(plan);
        // 20 series; replaced at t = 20 (series cycle 1), 30 (metric cycle 1) and 40 (series cycle 2)
        List<Set<String>> seen = new ArrayList<>();
        for (Map<String, double[]> tick : c.ticks) {
            seen.add(new HashSet<>(tick.keySet()));
        }
        assertThat(diff(seen)).containsExactly(20 + 3 * 20, 3 * 20);
        assertThat(c.ticks.get(19)).containsKey("req_c0_total{cycle_id=0, pod=pod1, zone=a}");
        assertThat(c.ticks.get(20)).containsKey("req_c0_total{cycle_id=1, pod=pod1, zone=a}");
        assertThat(c.ticks.get(30)).containsKey("req_c1_total{cycle_id=1, pod=pod1, zone=a}");
        assertThat(c.ticks.get(45)).containsKey("req_c1_total{cycle_id=2, pod=pod1, zone=a}");
        // A replaced counter starts again from 0: one increment at its first tick
        assertThat(c.ticks.get(20).get("req_c0_total{cycle_id=1, pod=pod1, zone=a}"))
                .containsExactly(1.0);
        Map<String, Double> self = selfMetrics(plan);
        assertThat(self.get("gen_series_created_total{metric_name=req_total}")).isEqualTo(80.0);
        assertThat(self.get("gen_series_removed_total{metric_name=req_total}")).isEqualTo(60.0);
    }

    @Test
    void aGradualCountClimbsByItsStepAndTurnsAtItsBounds() throws Exception {
        ScenarioPlan plan = Scenario.workload("w")
                .rate(1)
                .duration("12s")
                .profile(PODS)
                .metric(WorkloadMetric.gauge("up", "pods").constant(1))
                .churn(new Churn(null, null, null, List.of(), new SeriesCount.Gradual(4, 12, 4, Duration.ofSeconds(1))))
                .buildPlan();

        Capture c = Capture.run(plan);
        List<Integer> counts = c.ticks.stream().map(Map::size).toList();
        // avalanche's gradual-change: min, up by step to max, down by step, min held once more, up again
        assertThat(counts).containsExactly(4, 8, 12, 8, 4, 4, 8, 12, 8, 4, 4, 8);
    }

    @Test
    void aSpikeCountAlternatesBaseAndItsMultiple() throws Exception {
        ScenarioPlan plan = Scenario.workload("w")
                .rate(1)
                .duration("6s")
                .profile(PODS)
                .metric(WorkloadMetric.gauge("up", "pods").constant(1))
                .churn(new Churn(null, null, null, List.of(), new SeriesCount.Spike(5, 2.5, Duration.ofSeconds(2))))
                .buildPlan();

        assertThat(Capture.run(plan).ticks.stream().map(Map::size).toList()).containsExactly(5, 5, 12, 12, 5, 5);
    }
}
