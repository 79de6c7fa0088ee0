package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.Severity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.engine.data.EventData;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.log.LogEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each pattern of the incident library does what its documentation says, where it says it
 * ({@link Incidents}): windows are checked by span start as a share of the duration; ratios with a
 * tolerance of five standard deviations for the number of spans in the window (stated per test).
 */
class IncidentLibraryTest {

    private static Capture run(IncidentPattern p, IncidentOptions o) {
        return Capture.run(Incidents.plan(p, o));
    }

    private static Capture run(IncidentPattern p) {
        return run(p, IncidentOptions.defaults());
    }

    /** Spans starting in [from%, to%) of {@code duration}. */
    private static List<SpanData> window(
            Capture c, Duration duration, double from, double to, Predicate<SpanData> which) {
        long start = Capture.startNanos();
        long d = duration.toNanos();
        return c.spans.stream()
                .filter(s -> s.startEpochNanos() >= start + (long) (d * from / 100)
                        && s.startEpochNanos() < start + (long) (d * to / 100))
                .filter(which)
                .toList();
    }

    private static double errorRatio(List<SpanData> spans) {
        return spans.stream().filter(SpanData::error).count() / (double) spans.size();
    }

    private static Predicate<SpanData> service(String name) {
        return s -> s.service().equals(name);
    }

    @Test
    void everyPatternMakesAllFourSignalsFromTheTenStandardServices() {
        for (IncidentPattern p : IncidentPattern.values()) {
            Capture c = run(p);

            assertThat(c.spans).as(p.patternName()).isNotEmpty();
            assertThat(c.logs).as(p.patternName()).isNotEmpty();
            assertThat(c.events).as(p.patternName()).isNotEmpty();
            assertThat(c.samples.stream().map(x -> x.label("service")).distinct())
                    .as(p.patternName())
                    .hasSize(10);
        }
    }

    @Test
    void normalHasOnlyRareErrors() {
        Capture c = run(IncidentPattern.NORMAL, IncidentOptions.defaults().withDuration(Duration.ofMinutes(10)));

        assertThat(errorRatio(c.spans)).isLessThan(0.01);
    }

    @Test
    void anOutageFailsTheDatabaseInsideItsWindowsOnly() {
        Duration d = Duration.ofSeconds(120);
        Capture c = run(IncidentPattern.OUTAGE, IncidentOptions.defaults().withDuration(d));

        // some 2,000 database spans in 45-80%: 5 sigma of 0.95 is 0.025
        assertThat(errorRatio(window(c, d, 45, 80, service("database")))).isCloseTo(0.95, within(0.025));
        assertThat(errorRatio(window(c, d, 31, 44, service("database")))).isCloseTo(0.5, within(0.06));
        assertThat(window(c, d, 0, 30, s -> true)).noneMatch(SpanData::error);
        assertThat(window(c, d, 81, 100, service("database"))).noneMatch(SpanData::error);
        assertThat(window(c, d, 45, 80, service("database")).stream().filter(SpanData::error))
                .allSatisfy(s -> assertThat(s.statusMessage()).startsWith("could not connect to server"));
        assertThat(c.logs).anySatisfy(l -> {
            assertThat(l.severity()).isEqualTo(Severity.ERROR);
            assertThat(l.message()).isEqualTo("could not connect to server: Connection refused (database:5432)");
        });
    }

    @Test
    void aDegradationSlowsItsServiceMoreAndMoreAndItsCallersTimeOut() {
        Duration d = Duration.ofSeconds(60);
        Capture c = run(IncidentPattern.DEGRADATION);

        double early = meanMillis(window(c, d, 0, 20, service("product-service")));
        double late = meanMillis(window(c, d, 90, 100, service("product-service")));
        assertThat(late).isGreaterThan(10 * early);
        assertThat(c.spans).anySatisfy(s -> assertThat(s.statusMessage()).startsWith("timeout after"));
        assertThat(window(c, d, 0, 20, s -> true)).noneMatch(SpanData::error);
    }

    @Test
    void theCascadesErrorsStartAfterTheDeployAndSpreadToTheGateway() {
        Capture c = run(IncidentPattern.CASCADE);
        EventData deploy = c.events.stream()
                .filter(e -> e.type() == EventType.DEPLOYMENT)
                .findFirst()
                .orElseThrow();

        SpanData firstError =
                c.spans.stream().filter(SpanData::error).findFirst().orElseThrow();
        assertThat(firstError.startEpochNanos()).isGreaterThan(deploy.epochNanos());
        assertThat(deploy.service()).isEqualTo("payment-service");
        assertThat(c.spans).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("api-gateway");
            assertThat(s.statusMessage()).isEqualTo("dependency failed: order-service");
        });
        assertThat(c.logs.stream().map(LogEvent::message))
                .anySatisfy(m -> assertThat(m).startsWith("circuit breaker opened"));
    }

    @Test
    void aDeploymentFailsTheGatewayBetweenTheDeployAndTheRollback() {
        Duration d = Duration.ofSeconds(60);
        Capture c = run(IncidentPattern.DEPLOYMENT);

        assertThat(window(c, d, 0, 27, s -> true)).noneMatch(SpanData::error);
        assertThat(window(c, d, 70, 100, s -> true)).noneMatch(SpanData::error);
        assertThat(window(c, d, 27, 45, service("api-gateway")).stream()
                        .filter(SpanData::error)
                        .map(SpanData::statusMessage)
                        .distinct())
                .containsExactly("Configuration error: missing required key 'PAYMENTS_URL'");
        assertThat(c.events).extracting(EventData::type).contains(EventType.DEPLOYMENT, EventType.RESTART);
    }

    @Test
    void intermittentNoiseMakesFifteenPercentOfTheLogLinesErrors() {
        Capture c = run(IncidentPattern.INTERMITTENT, IncidentOptions.defaults().withDuration(Duration.ofMinutes(5)));

        // about 17,000 lines: 5 sigma of 0.15 is 0.014
        double errors =
                c.logs.stream().filter(l -> l.severity() == Severity.ERROR).count() / (double) c.logs.size();
        assertThat(errors).isCloseTo(0.15, within(0.014));
    }

    @Test
    void highVolumeIsTenTimesTheTrafficAndNoError() {
        Capture normal = run(IncidentPattern.NORMAL);
        Capture high = run(IncidentPattern.HIGH_VOLUME);

        long roots = high.spans.stream().filter(s -> s.parentSpanId() == 0).count();
        assertThat(roots).isEqualTo(50 * 60);
        assertThat(normal.spans.stream().filter(s -> s.parentSpanId() == 0)).hasSize(5 * 60);
        assertThat(high.spans).noneMatch(SpanData::error);
    }

    @Test
    void transientSpikesAreBriefAndAnyTimeoutFallsInsideOne() {
        Capture c = run(IncidentPattern.TRANSIENT);

        assertThat(c.events).hasSize(8);
        assertThat(c.events).extracting(EventData::type).containsOnly(EventType.ALERT);
        long spike = Duration.ofMillis(1800).toNanos();
        for (int i = 0; i < 8; i += 2) {
            assertThat(c.events.get(i + 1).epochNanos() - c.events.get(i).epochNanos())
                    .isEqualTo(spike);
        }
        assertThat(c.spans.stream().filter(SpanData::error)).allSatisfy(s -> assertThat(c.events)
                .as("an alert window around %s", s)
                .anySatisfy(
                        e -> assertThat(s.startEpochNanos() - e.epochNanos()).isBetween(0L, spike)));
    }

    @Test
    void anotherListOfServicesGetsTheGenericGraph() {
        Capture c = run(
                IncidentPattern.OUTAGE,
                IncidentOptions.defaults().withServices(List.of("edge", "api", "billing", "ledger", "pg")));

        assertThat(c.spans.stream().map(SpanData::service).distinct())
                .containsExactlyInAnyOrder("edge", "api", "billing", "ledger", "pg");
        assertThat(c.spans.stream()
                        .filter(SpanData::error)
                        .map(SpanData::service)
                        .distinct())
                .contains("pg");
    }

    @Test
    void severityScalesAnIncident() {
        Duration d = Duration.ofSeconds(120);
        Capture low = run(
                IncidentPattern.OUTAGE,
                IncidentOptions.defaults().withDuration(d).withSeverity(IncidentOptions.LOW));

        // 0.95 × 0.4 = 0.38 over some 2,000 spans: 5 sigma is 0.055
        assertThat(errorRatio(window(low, d, 45, 80, service("database")))).isCloseTo(0.38, within(0.055));
    }

    private static double meanMillis(List<SpanData> spans) {
        return spans.stream().mapToLong(SpanData::durationNanos).average().orElseThrow() / 1e6;
    }
}
