package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@SondaScenario("sonda-test/steps.yaml")
class SondaScenarioTest {
    private static final Path KEPT_SINK = Path.of("target", "sonda-junit5-kept-sink.prom");

    static Captured fromBeforeAll;

    @BeforeAll
    static void keepTheClassCapture(Captured captured) {
        fromBeforeAll = captured;
    }

    static ScenarioPlan pair() {
        return Scenario.metrics("pair")
                .rate(1)
                .duration("2s")
                .label("k", "v")
                .sequence(3, 4)
                .buildPlan();
    }

    static ScenarioPlan keptSink() throws IOException {
        Files.deleteIfExists(KEPT_SINK);
        return Scenario.metrics("kept")
                .rate(2)
                .duration("3s")
                .sequence(1, 2, 3)
                .sink(new SinkSpec.File(KEPT_SINK.toString()))
                .buildPlan();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SondaScenario(plan = "pair", start = "2031-02-03T04:05:06Z")
    @interface PairIn2031 {}

    @Test
    void aClassScenarioRunsOnceBeforeAllAndEveryTestSharesItsCapture(Captured captured) {
        assertThat(captured).isSameAs(fromBeforeAll).hasSeriesCount(2).hasSampleCount(20);
    }

    @Test
    void theSimulatedClockStartsAtTheDefaultInstantAndStampsEverySampleExactly(Captured captured) {
        assertThat(captured.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        Series steps = captured.series("steps");
        assertThat(steps).hasValues(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).startsAtOffset(Duration.ZERO);
        assertThat(steps.timestamp(9)).isEqualTo(Instant.parse("2026-01-01T00:00:09Z"));
        assertThat(steps.epochMillis(9)).isEqualTo(1_767_225_609_000L);
        assertThat(captured.series("flat")).hasSampleCount(10).startsAtOffset(Duration.ofSeconds(5));
    }

    @Test
    void theCaptureHoldsTheEncodedRecordsExactlyAsTheEncoderWroteThem(Captured captured) {
        assertThat(captured.records())
                .hasSize(20)
                .startsWith("steps{host=\"a\"} 1 1767225600000\n", "steps{host=\"a\"} 2 1767225601000\n");
        assertThat(captured).lines().contains("flat{host=\"b\"} 7 1767225605000");
        assertThat(captured.text()).isEqualTo(String.join("", captured.records()));
        assertThat(captured.samples())
                .hasSize(20)
                .first()
                .hasToString("steps{host=\"a\"} 1 at +0s (2026-01-01T00:00:00Z)");
        assertThat(captured.logs()).isEmpty();
    }

    @Test
    void theRunOfASimulatedScenarioIsOverWhenTheTestStarts(SondaRun run, Captured captured) {
        assertThat(run.isSimulated()).isTrue();
        assertThat(run.isDone()).isTrue();
        assertThat(run.captured()).isSameAs(captured);
        assertThat(run.stats().events()).isEqualTo(20);
        assertThat(run.failures()).isEmpty();
        assertThat(captured.isComplete()).isTrue();
    }

    @Test
    @SondaScenario(plan = "pair")
    void aMethodScenarioWinsOverTheClassScenarioAndRunsFreshForThatTest(Captured captured) {
        assertThat(captured).isNotSameAs(fromBeforeAll).hasSeriesCount(1).doesNotHaveSeries("steps");
        assertThat(captured).series("pair").hasExactlyLabels("k", "v").hasValues(3, 4);
    }

    @Test
    @PairIn2031
    void aComposedAnnotationCarriesTheScenarioAndItsStart(Captured captured) {
        assertThat(captured.start()).isEqualTo(Instant.parse("2031-02-03T04:05:06Z"));
        assertThat(captured).series("pair").firstSample().isAt(Instant.parse("2031-02-03T04:05:06Z"));
    }

    @Test
    @SondaScenario(plan = "keptSink", keepSinks = true)
    void keepSinksWritesToTheEntrysOwnSinkAndCapturesTheSameRecords(Captured captured) throws IOException {
        assertThat(captured).series("kept").hasValues(1, 2, 3, 1, 2, 3);
        assertThat(Files.readString(KEPT_SINK, StandardCharsets.UTF_8)).isEqualTo(captured.text());
    }

    @Nested
    class WithoutAScenarioOfItsOwn {
        @Test
        void aNestedClassSharesTheEnclosingClassCapture(Captured captured) {
            assertThat(captured).isSameAs(fromBeforeAll);
        }
    }

    @Nested
    @SondaScenario(plan = "pair")
    class WithAScenarioOfItsOwn {
        Captured fromBeforeEach;

        @BeforeEach
        void keep(Captured captured) {
            fromBeforeEach = captured;
        }

        @Test
        void theNestedClassScenarioWinsOverTheEnclosingOne(Captured captured) {
            assertThat(captured).isSameAs(fromBeforeEach).hasSeriesCount(1).hasSeries("pair");
        }

        @Nested
        class OneLevelDeeper {
            @Test
            void theNearestEnclosingScenarioApplies(Captured captured) {
                assertThat(captured).hasSeries("pair").doesNotHaveSeries("steps");
            }
        }
    }
}
