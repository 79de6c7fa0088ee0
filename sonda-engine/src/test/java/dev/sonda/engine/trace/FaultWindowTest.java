package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.TraceStage;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import dev.sonda.engine.data.SpanData;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Faults land where the pattern says. A gateway calls a backend at 50 requests/s for 200 s, so a
 * window of half the run holds about 5,000 backend spans. Tolerances are five standard deviations
 * of the estimate: for an error ratio p over n spans, 5·sqrt(p(1−p)/n) (0.033 for p = 0.3, n =
 * 5,000); for a mean of normal(10, 1) ms times a factor f over n spans, 5·f/sqrt(n) ms (under 1% of
 * the mean), rounded up to 3%. The seed is fixed, so the test is deterministic; the tolerances say
 * how far a correct generator may stray for any seed.
 */
class FaultWindowTest {
    private static final long SECOND = 1_000_000_000L;

    private static TraceStage graph(long seed) {
        return Scenario.traces("g")
                .rate(50)
                .duration("200s")
                .seed(seed)
                .errorPropagation(0)
                .service(Service.of("gateway", Operation.of("in", 1, 0.1).withCalls(Call.to("backend"))))
                .service(Service.of("backend", Operation.of("work", 10, 1)));
    }

    private static List<SpanData> backend(Capture c, long fromSecond, long toSecond) {
        long start = Capture.startNanos();
        Predicate<SpanData> in = s ->
                s.startEpochNanos() >= start + fromSecond * SECOND && s.startEpochNanos() < start + toSecond * SECOND;
        return c.spans.stream()
                .filter(s -> s.service().equals("backend"))
                .filter(in)
                .toList();
    }

    private static double errorRatio(List<SpanData> spans) {
        return spans.stream().filter(SpanData::error).count() / (double) spans.size();
    }

    private static double meanMillis(List<SpanData> spans) {
        return spans.stream().mapToLong(SpanData::durationNanos).average().orElseThrow() / 1e6;
    }

    @Test
    void errorsAndLatencyChangeInsideTheWindowAndNowhereElse() {
        Capture c = Capture.run(graph(4).fault(Fault.on("backend")
                        .between(Offset.percent(25), Offset.percent(75))
                        .withErrorRate(0.3)
                        .withLatencyFactor(4)
                        .withMessage("pool exhausted"))
                .buildPlan());

        List<SpanData> before = backend(c, 0, 50);
        List<SpanData> during = backend(c, 50, 150);
        List<SpanData> after = backend(c, 150, 200);
        assertThat(during).hasSize(5000);
        assertThat(errorRatio(before)).isZero();
        assertThat(errorRatio(after)).isZero();
        assertThat(errorRatio(during)).isCloseTo(0.3, within(0.033));
        assertThat(during.stream().filter(SpanData::error))
                .allSatisfy(s -> assertThat(s.statusMessage()).isEqualTo("pool exhausted"));
        assertThat(meanMillis(before)).isCloseTo(10, within(0.3));
        assertThat(meanMillis(after)).isCloseTo(10, within(0.3));
        assertThat(meanMillis(during)).isCloseTo(40, within(1.2));
        assertThat(c.spans.stream().filter(s -> s.service().equals("gateway")))
                .as("without propagation the caller absorbs the failures")
                .noneMatch(SpanData::error);
    }

    @Test
    void severityScalesTheErrorRateAndTheExtraLatency() {
        Capture c = Capture.run(graph(5).severity(0.5)
                .fault(Fault.on("backend")
                        .between(Offset.percent(25), Offset.percent(75))
                        .withErrorRate(0.3)
                        .withLatencyFactor(4))
                .buildPlan());

        List<SpanData> during = backend(c, 50, 150);
        assertThat(errorRatio(during)).isCloseTo(0.15, within(0.026));
        assertThat(meanMillis(during)).isCloseTo(25, within(0.75));
    }

    @Test
    void aRampingFaultGrowsAcrossItsWindow() {
        Capture c = Capture.run(graph(6).fault(Fault.on("backend")
                        .between(Offset.percent(25), Offset.percent(75))
                        .withErrorRate(0.3)
                        .ramping())
                .buildPlan());

        // fifths of the 100 s window: mean weights 0.1 and 0.9, about 1,000 spans each
        assertThat(errorRatio(backend(c, 50, 70))).isCloseTo(0.03, within(0.027));
        assertThat(errorRatio(backend(c, 130, 150))).isCloseTo(0.27, within(0.07));
        assertThat(errorRatio(backend(c, 150, 200))).isZero();
    }

    @Test
    void aFailedCallFailsItsCallerWithTheGivenProbability() {
        Capture c = Capture.run(graph(7).errorPropagation(1)
                .fault(Fault.on("backend").between(Offset.percent(50), null).withErrorRate(1))
                .buildPlan());
        long middle = Capture.startNanos() + 100 * SECOND;

        List<SpanData> gateway =
                c.spans.stream().filter(s -> s.service().equals("gateway")).toList();
        assertThat(gateway.stream().filter(s -> s.startEpochNanos() < middle)).noneMatch(SpanData::error);
        assertThat(gateway.stream().filter(s -> s.startEpochNanos() >= middle))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.statusMessage()).isEqualTo("dependency failed: backend"));
    }
}
