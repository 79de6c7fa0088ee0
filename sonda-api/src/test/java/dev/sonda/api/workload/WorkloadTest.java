package dev.sonda.api.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static List<String> problems(Workload w) {
        Problems p = new Problems();
        w.validate("workload", p);
        return p.list().stream().map(Problem::toString).toList();
    }

    private static final LabelProfile LOW = LabelProfile.of("low").values("region", "us", "eu");

    @Test
    void aMetricsLabelsMergeIntoItsProfilesAsMockingbirdMergesThem() {
        Workload w = Workload.of()
                .profile(LOW.range("instance", 1, 3, null))
                .metric(WorkloadMetric.counter("c", "low")
                        .label("instance", "x")
                        .label("code", "200"));

        assertThat(w.labelsOf(w.metrics().get(0)))
                .extracting(LabelDim::name)
                .containsExactly("region", "instance", "code");
        assertThat(w.labelsOf(w.metrics().get(0)).get(1).values()).containsExactly("x");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        Workload w = Workload.of()
                .profile(LabelProfile.of("p").values("__bad", "x").seriesCap(-5))
                .metric(WorkloadMetric.gauge("g", "p").sine(1, 0, Duration.ZERO))
                .metric(WorkloadMetric.histogram("h", "p").buckets(1, 0.5).label("le", "x"))
                .spike("nope", 2, Duration.ZERO, Duration.ofSeconds(1))
                .churn(new Churn(null, null, null, List.of(new LabelRotation("pod", Duration.ofSeconds(1), 2)), null))
                .shard(4, 4);

        assertThat(problems(w))
                .anySatisfy(p -> assertThat(p).startsWith("workload.profiles.p.labels.__bad"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("workload.profiles.p.series_cap")
                        .contains("at least 1"))
                .anySatisfy(p -> assertThat(p).startsWith("workload.metrics[0].max"))
                .anySatisfy(p -> assertThat(p).startsWith("workload.metrics[0].period"))
                .anySatisfy(p -> assertThat(p).startsWith("workload.metrics[1].buckets[1]"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("workload.metrics[1].labels.le")
                        .contains("reserved"))
                .anySatisfy(p ->
                        assertThat(p).startsWith("workload.spikes[0].metric").contains("'nope'"))
                .anySatisfy(p -> assertThat(p).startsWith("workload.churn.labels[0].fraction"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("workload.churn.labels[0].label")
                        .contains("'pod'"))
                .anySatisfy(p -> assertThat(p).startsWith("workload.shard").contains("4/4"));
    }

    @Test
    void aSelfMetricNameClashesOnlyWhenThereIsAPullEndpoint() {
        Workload w = Workload.of().profile(LOW).metric(WorkloadMetric.counter("gen_points_total", "low"));
        assertThat(problems(w)).isEmpty();
        assertThat(problems(w.scrape(Endpoint.port(8000))))
                .singleElement()
                .asString()
                .contains("self-metrics");
    }

    @Test
    void shardsParseAsIndexSlashCount() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(Shard.WHOLE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("4/4"))
                .hasMessage("shard must be i/n with 0 <= i < n, such as 0/4, got '4/4'");
    }
}
