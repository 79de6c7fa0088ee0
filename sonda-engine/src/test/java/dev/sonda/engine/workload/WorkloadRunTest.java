package dev.sonda.engine.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.WorkloadStage;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadRunTest {
    private static final LabelProfile HOSTS =
            LabelProfile.of("hosts").values("region", "us", "eu", "ap").range("host", 0, 99, "h%03d");

    private static WorkloadStage base(String duration) {
        return Scenario.workload("w").rate(1).duration(duration).seed(7).profile(HOSTS);
    }

    @Test
    void everySeriesOfTheSpaceGetsAValueOnEveryTick() throws InterruptedException {
        Capture c = Capture.run(base("5s")
                .metric(WorkloadMetric.gauge("g", "hosts").constant(3))
                .metric(WorkloadMetric.counter("c_total", "hosts").constant(2).label("code", "200", "500"))
                .buildPlan());

        assertThat(c.ticks).hasSize(5);
        for (int t = 0; t < 5; t++) {
            assertThat(c.metric(t, "g")).hasSize(300).allSatisfy((k, v) -> assertThat(v[0])
                    .isEqualTo(3.0));
            int tick = t;
            assertThat(c.metric(t, "c_total")).hasSize(600).allSatisfy((k, v) -> assertThat(v[0])
                    .isEqualTo(2.0 * (tick + 1)));
        }
        assertThat(c.ticks.get(0)).containsKey("c_total{code=500, host=h099, region=ap}");
    }

    @Test
    void valuesDependOnNeitherThreadsNorChunks() throws InterruptedException {
        LabelProfile big = LabelProfile.of("big").range("a", 1, 200, null).range("b", 1, 100, null);
        WorkloadStage stage = Scenario.workload("w")
                .rate(1)
                .duration("3s")
                .profile(big)
                .metric(WorkloadMetric.gauge("walk", "big").randomWalk(10, 1))
                .metric(WorkloadMetric.counter("req_total", "big").poisson(12, 0.3))
                .metric(WorkloadMetric.histogram("lat", "big").lognormal(-2, 0.5));
        Capture one = Capture.run(stage.threads(1).buildPlan());
        Capture three = Capture.run(stage.threads(3).buildPlan());

        assertThat(one.ticks).hasSize(3);
        for (int t = 0; t < 3; t++) {
            assertThat(one.ticks.get(t)).hasSize(60_000);
            assertThat(differences(one.ticks.get(t), three.ticks.get(t))).isEmpty();
        }
    }

    @Test
    void fourShardsTogetherAreTheWholeWorkloadWithNoSeriesTwice() throws InterruptedException {
        WorkloadStage stage = base("3s")
                .metric(WorkloadMetric.gauge("walk", "hosts").randomWalk(0, 1))
                .metric(WorkloadMetric.counter("req_total", "hosts").poisson(3));
        Capture whole = Capture.run(stage.buildPlan());
        Capture[] shards = new Capture[4];
        for (int i = 0; i < 4; i++) {
            shards[i] = Capture.run(stage.shard(i, 4).buildPlan());
        }
        for (int t = 0; t < 3; t++) {
            Map<String, double[]> union = new java.util.HashMap<>();
            int total = 0;
            for (Capture s : shards) {
                total += s.ticks.get(t).size();
                union.putAll(s.ticks.get(t));
            }
            assertThat(total).as("no series twice").isEqualTo(union.size());
            assertThat(differences(whole.ticks.get(t), union)).isEmpty();
        }
        assertThat(shards[0].ticks.get(0)).hasSize(150); // 600 series over 4 shards
    }

    /** Keys missing on either side, and keys whose parts differ; empty when the maps are equal. */
    static java.util.List<String> differences(Map<String, double[]> expected, Map<String, double[]> actual) {
        java.util.List<String> out = new java.util.ArrayList<>();
        expected.forEach((k, v) -> {
            double[] a = actual.get(k);
            if (a == null || !java.util.Arrays.equals(a, v)) {
                out.add(k + ": expected " + java.util.Arrays.toString(v) + ", got " + java.util.Arrays.toString(a));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> out.add(k + ": not expected"));
        return out;
    }

    @Test
    void aSpikeMultipliesExactlyTheNamedMetricForExactlyItsDuration() throws InterruptedException {
        WorkloadStage stage = Scenario.workload("w")
                .rate(1)
                .duration("30s")
                .profile(LabelProfile.of("hosts").range("host", 1, 20, null))
                .metric(WorkloadMetric.gauge("cpu", "hosts").randomWalk(50, 1))
                .metric(WorkloadMetric.counter("req_total", "hosts").poisson(4))
                .metric(WorkloadMetric.gauge("other", "hosts").randomWalk(5, 1));
        Capture plain = Capture.run(stage.buildPlan());
        Capture spiked = Capture.run(stage.buildPlan(), (tick, metric, run) -> {
            if (tick == 10 && metric.equals("other")) { // after tick 10 was published
                run.workload("w").spike("cpu", 3, Duration.ofSeconds(5));
                run.workload("w").spike("req_total", 10, Duration.ofSeconds(5));
            }
        });

        for (int t = 0; t < 30; t++) {
            boolean in = t >= 11 && t <= 15; // the next tick after the request, for 5 s at 1 tick/s
            Map<String, double[]> base = plain.metric(t, "cpu");
            int tick = t;
            spiked.metric(t, "cpu").forEach((k, v) -> assertThat(v[0])
                    .as("cpu at tick %d", tick)
                    .isEqualTo(in ? 3 * base.get(k)[0] : base.get(k)[0]));
            spiked.metric(t, "other").forEach((k, v) -> assertThat(v)
                    .containsExactly(plain.metric(tick, "other").get(k)));
            if (t > 0) {
                Map<String, double[]> before = plain.metric(t - 1, "req_total");
                Map<String, double[]> now = plain.metric(t, "req_total");
                Map<String, double[]> sBefore = spiked.metric(t - 1, "req_total");
                spiked.metric(t, "req_total").forEach((k, v) -> {
                    double increment = now.get(k)[0] - before.get(k)[0];
                    assertThat(v[0] - sBefore.get(k)[0])
                            .as("increment at tick %d", tick)
                            .isEqualTo(in ? 10 * increment : increment);
                });
            }
        }
    }

    @Test
    void aScheduledSpikeStartsAtItsOffset() throws InterruptedException {
        WorkloadStage stage =
                base("12s").metric(WorkloadMetric.gauge("cpu", "hosts").constant(2));
        Capture c = Capture.run(stage.spike("cpu", 4, Duration.ofSeconds(3), Duration.ofSeconds(2))
                .buildPlan());

        for (int t = 0; t < 12; t++) {
            double expected = t == 3 || t == 4 ? 8 : 2;
            int tick = t;
            c.metric(t, "cpu")
                    .values()
                    .forEach(v -> assertThat(v[0]).as("tick %d", tick).isEqualTo(expected));
        }
    }

    @Test
    void spikingAnUnknownMetricListsTheKnownOnes() throws InterruptedException {
        Capture.run(
                base("2s")
                        .metric(WorkloadMetric.gauge("cpu", "hosts").constant(1))
                        .buildPlan(),
                (t, m, run) -> {
                    if (t == 0) {
                        assertThatThrownBy(() -> run.workload("w").spike("prom_cpu", 2, Duration.ofSeconds(1)))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessage("Metric 'prom_cpu' not found. Available metrics: ['cpu']");
                    }
                });
    }

    @Test
    void aRandomWalkStaysInsideItsClampAndLeavesTheBoundAtOnce() throws InterruptedException {
        Capture c = Capture.run(base("60s")
                .metric(WorkloadMetric.gauge("cpu", "hosts")
                        .randomWalk(0.5, 0.2)
                        .clamp(0, 1))
                .buildPlan());
        int leftBound = 0;
        for (int t = 1; t < 60; t++) {
            Map<String, double[]> prev = c.metric(t - 1, "cpu");
            for (Map.Entry<String, double[]> e : c.metric(t, "cpu").entrySet()) {
                double v = e.getValue()[0];
                assertThat(v).isBetween(0.0, 1.0);
                double was = prev.get(e.getKey())[0];
                if ((was == 1.0 && v < 1.0) || (was == 0.0 && v > 0.0)) {
                    leftBound++;
                }
            }
        }
        // The walk itself is bounded (Mockingbird lets it drift beyond and the output sticks to the bound).
        assertThat(leftBound).isPositive();
    }

    @Test
    void bernoulliIsOneWithProbabilityP() throws InterruptedException {
        Capture c = Capture.run(base("20s")
                .metric(WorkloadMetric.gauge("hit", "hosts").bernoulli(0.9))
                .buildPlan());
        double ones = 0;
        int n = 0;
        for (int t = 0; t < 20; t++) {
            for (double[] v : c.metric(t, "hit").values()) {
                assertThat(v[0]).isIn(0.0, 1.0);
                ones += v[0];
                n++;
            }
        }
        assertThat(ones / n).isCloseTo(0.9, within(6 * Math.sqrt(0.09 / n)));
    }

    @Test
    void sineAndSawtoothFollowTheTimeOfDayAsMockingbirdWritesThem() throws InterruptedException {
        Capture c = Capture.run(base("10s")
                .metric(WorkloadMetric.gauge("wave", "hosts").sine(0, 1000, Duration.ofSeconds(600)))
                .metric(WorkloadMetric.gauge("saw", "hosts").sawtooth(10, 20, Duration.ofSeconds(7)))
                .buildPlan());
        for (int t = 0; t < 10; t++) {
            long epoch = Capture.START.getEpochSecond() + t;
            double wave = 500 + 500 * StrictMath.sin(2 * Math.PI * (epoch % 600) / 600.0);
            double saw = 10 + 10 * (epoch % 7) / 7.0;
            c.metric(t, "wave").values().forEach(v -> assertThat(v[0]).isCloseTo(wave, within(1e-9)));
            c.metric(t, "saw").values().forEach(v -> assertThat(v[0]).isCloseTo(saw, within(1e-9)));
        }
    }

    @Test
    void aDiurnalCounterPeaksAtSixAndIsLowestAtEighteenUtc() throws InterruptedException {
        // START is 22:13:20 UTC; 7h46m40s later is 06:00 UTC.
        WorkloadMetric m = WorkloadMetric.counter("req_total", "hosts").poisson(20, 0.5);
        Capture six = Capture.run(
                base("2s").phaseOffset(Duration.ofSeconds(27_999)).metric(m).buildPlan());
        Capture eighteen = Capture.run(base("2s")
                .phaseOffset(Duration.ofSeconds(27_999 + 43_200))
                .metric(m)
                .buildPlan());
        double peak = mean(six.metric(1, "req_total"), six.metric(0, "req_total"));
        double trough = mean(eighteen.metric(1, "req_total"), eighteen.metric(0, "req_total"));
        assertThat(peak).isCloseTo(30, within(6 * Math.sqrt(30 / 300.0)));
        assertThat(trough).isCloseTo(10, within(6 * Math.sqrt(10 / 300.0)));
    }

    private static double mean(Map<String, double[]> now, Map<String, double[]> before) {
        return now.entrySet().stream()
                .mapToDouble(e -> e.getValue()[0] - before.get(e.getKey())[0])
                .average()
                .orElseThrow();
    }

    @Test
    void aHistogramCountsOneObservationPerSeriesPerTickIntoItsBuckets() throws InterruptedException {
        Capture c = Capture.run(base("5s")
                .metric(WorkloadMetric.histogram("lat", "hosts")
                        .mixture(
                                new Algorithm.Mixture.Component(0.9, new Algorithm.LogNormal(-3, 0.2)),
                                new Algorithm.Mixture.Component(0.1, new Algorithm.LogNormal(1, 0.2)))
                        .buckets(0.5))
                .buildPlan());
        double fast = 0;
        for (double[] v : c.metric(4, "lat").values()) {
            // parts: le=0.5, le=+Inf, sum, count
            assertThat(v[3]).isEqualTo(5);
            assertThat(v[1]).isEqualTo(5);
            assertThat(v[0]).isBetween(0.0, 5.0);
            assertThat(v[2]).isPositive();
            fast += v[0];
        }
        assertThat(fast / 1500).isCloseTo(0.9, within(6 * Math.sqrt(0.09 / 1500)));
    }

    @Test
    void summaryQuantilesAreNearestRanksOverTheWindow() throws InterruptedException {
        Capture c = Capture.run(base("8s")
                .metric(WorkloadMetric.summary("size", "hosts")
                        .exponential(0.01)
                        .quantiles(0.5, 0.99)
                        .window(Duration.ofSeconds(2)))
                .buildPlan());
        for (int t = 2; t < 8; t++) {
            Map<String, double[]> now = c.metric(t, "size");
            Map<String, double[]> one = c.metric(t - 1, "size");
            Map<String, double[]> two = c.metric(t - 2, "size");
            now.forEach((k, v) -> {
                // parts: q0.5, q0.99, sum, count; each tick adds one observation = the sum's step
                double last = v[2] - one.get(k)[2];
                double previous = one.get(k)[2] - two.get(k)[2];
                assertThat(v[0]).isCloseTo(Math.min(last, previous), within(1e-9 * v[2]));
                assertThat(v[1]).isCloseTo(Math.max(last, previous), within(1e-9 * v[2]));
            });
        }
    }

    @Test
    void countersResetOncePerIntervalEachAtItsOwnTick() throws InterruptedException {
        Capture c = Capture.run(base("20s")
                .metric(WorkloadMetric.counter("req_total", "hosts").constant(1).resetEvery(Duration.ofSeconds(5)))
                .buildPlan());
        Map<String, Integer> resets = new java.util.HashMap<>();
        for (int t = 1; t < 20; t++) {
            Map<String, double[]> prev = c.metric(t - 1, "req_total");
            for (Map.Entry<String, double[]> e : c.metric(t, "req_total").entrySet()) {
                double before = prev.get(e.getKey())[0];
                double now = e.getValue()[0];
                if (now != before + 1) {
                    assertThat(now).isEqualTo(1.0);
                    resets.merge(e.getKey(), 1, Integer::sum);
                    assertThat(c.starts.get(t).get(e.getKey()))
                            .isEqualTo((Capture.START.getEpochSecond() + t) * 1_000_000_000L);
                } else {
                    assertThat(now).isEqualTo(before + 1);
                }
            }
        }
        // 19 ticks after the first: each series resets 3 or 4 times (once per 5 ticks)
        assertThat(resets).hasSize(300);
        assertThat(resets.values()).allSatisfy(n -> assertThat(n).isBetween(3, 4));
        Set<Integer> offsets = new HashSet<>();
        resets.forEach((k, n) -> offsets.add(n));
        assertThat(offsets).hasSize(2);
    }

    @Test
    void aPlanBuiltWithTheDslValidatesItsWorkload() {
        assertThatThrownBy(() -> base("5s")
                        .metric(WorkloadMetric.gauge("cpu", "nope").constant(1))
                        .metric(WorkloadMetric.counter("cpu", "hosts").bernoulli(0.5))
                        .buildPlan())
                .hasMessageContaining("scenarios[0].workload.metrics[0].profile")
                .hasMessageContaining("refers to the profile 'nope'")
                .hasMessageContaining("scenarios[0].workload.metrics[1].algorithm")
                .hasMessageContaining("algorithm 'bernoulli' does not drive a counter")
                .hasMessageContaining("metric name 'cpu' is also metrics[0]'s");
    }

    @Test
    void theStatusCountsTicksSeriesAndSpikes() throws InterruptedException {
        ScenarioPlan plan = base("4s")
                .metric(WorkloadMetric.gauge("cpu", "hosts").constant(1))
                .buildPlan();
        WorkloadStatus[] seen = new WorkloadStatus[1];
        Capture.run(plan, (t, m, run) -> {
            if (t == 1) {
                run.workload("w").spike("cpu", 2, Duration.ofSeconds(10));
            }
            if (t == 2) {
                seen[0] = run.workload("w").status();
            }
        });
        WorkloadStatus s = seen[0];
        assertThat(s.tickCount()).isEqualTo(3);
        assertThat(s.totalSeries()).isEqualTo(300);
        assertThat(s.availableMetrics()).containsExactly("cpu");
        assertThat(s.activeSpikes()).containsOnlyKeys("cpu");
        assertThat(s.activeSpikes().get("cpu").remaining()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.seed()).isEqualTo(7);
    }

    @Test
    void aReloadKeepsTheSeriesThatDidNotChangeAndStartsTheOthersOver() throws InterruptedException {
        WorkloadStage stage = base("6s")
                .metric(WorkloadMetric.counter("kept_total", "hosts").constant(1))
                .metric(WorkloadMetric.gauge("dropped", "hosts").constant(5))
                .metric(WorkloadMetric.counter("respaced_total", "hosts").constant(1));
        dev.sonda.api.workload.Workload next = dev.sonda.api.workload.Workload.of()
                .seed(7)
                .profile(HOSTS)
                .profile(LabelProfile.of("few").values("region", "us"))
                .metric(WorkloadMetric.counter("kept_total", "hosts").constant(10))
                .metric(WorkloadMetric.counter("respaced_total", "few").constant(1))
                .metric(WorkloadMetric.gauge("added", "hosts").constant(2));
        Capture c = Capture.run(stage.buildPlan(), (tick, metric, run) -> {
            if (tick == 2 && metric.equals("respaced_total")) {
                run.workload("w").reload(next);
            }
        });

        // ticks 0..2: 1, 2, 3; from tick 3 the counter goes on from 3 in steps of 10
        assertThat(c.metric(5, "kept_total").values())
                .allSatisfy(v -> assertThat(v[0]).isEqualTo(33.0));
        assertThat(c.metric(3, "dropped")).isEmpty();
        assertThat(c.metric(3, "added")).hasSize(300);
        assertThat(c.metric(3, "respaced_total")).hasSize(1).allSatisfy((k, v) -> assertThat(v[0])
                .isEqualTo(1.0));
    }

    @Test
    void anInvalidReloadIsRefusedWithItsProblems() throws InterruptedException {
        Capture.run(
                base("2s")
                        .metric(WorkloadMetric.gauge("g", "hosts").constant(1))
                        .buildPlan(),
                (t, m, run) -> {
                    if (t == 0) {
                        assertThatThrownBy(() -> run.workload("w")
                                        .reload(dev.sonda.api.workload.Workload.of()
                                                .metric(WorkloadMetric.gauge("g", "gone")
                                                        .constant(1))))
                                .isInstanceOf(dev.sonda.api.InvalidScenarioException.class)
                                .hasMessageContaining("refers to the profile 'gone'");
                    }
                });
    }
}
