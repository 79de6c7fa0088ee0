package dev.sonda.api.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCountTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static List<String> problems(SeriesCount s) {
        Problems p = new Problems();
        s.validate("c", p);
        return p.list().stream().map(Problem::toString).toList();
    }

    @Test
    void aGradualCountBelowItsMinimaIsReportedAtEachKeyWithTheValueFound() {
        assertThat(problems(new SeriesCount.Gradual(-1, 5, 0, SECOND)))
                .containsExactly("c.min: min must be at least 0, got -1", "c.step: step must be at least 1, got 0");
    }

    @Test
    void aDoubleHalveStartBelowOneIsReportedWithTheValueFound() {
        assertThat(problems(new SeriesCount.DoubleHalve(0, SECOND)))
                .containsExactly("c.start: start must be at least 1, got 0");
    }

    @Test
    void aSpikeBaseBelowOneIsReportedWithTheValueFound() {
        assertThat(problems(new SeriesCount.Spike(-3, 2, SECOND)))
                .containsExactly("c.base: base must be at least 1, got -3");
    }

    @Test
    void countsAtTheirMinimaPass() {
        assertThat(problems(new SeriesCount.Gradual(0, 1, 1, SECOND))).isEmpty();
        assertThat(problems(new SeriesCount.DoubleHalve(1, SECOND))).isEmpty();
        assertThat(problems(new SeriesCount.Spike(1, 1, SECOND))).isEmpty();
    }

    @Test
    void aWorkloadWithFewerThanOneThreadIsReportedWithTheValueFound() {
        Problems p = new Problems();
        Workload.of().threads(0).validate("workload", p);

        assertThat(p.list().stream().map(Problem::toString))
                .contains("workload.threads: threads must be at least 1, got 0");
    }
}
