package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Offset;
import dev.sonda.api.Severity;
import dev.sonda.api.trace.Fault;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.log.LogEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The structure every trace must have, whatever the seed: W3C ids, one root, parents that
 * resolve inside the trace, children inside their parents' windows, output in time order, and log
 * lines that point at their span.
 */
class TraceShapeTest {

    private static Capture shop(long seed) {
        return Capture.run(Graphs.shop(seed)
                .circuitBreaker(3, Duration.ofSeconds(2))
                .fault(Fault.on("db")
                        .between(Offset.percent(30), Offset.percent(60))
                        .withErrorRate(0.7)
                        .withLatencyFactor(5)
                        .withMessage("connection refused"))
                .logs()
                .buildPlan());
    }

    private static Map<String, List<SpanData>> byTrace(List<SpanData> spans) {
        return spans.stream().collect(Collectors.groupingBy(SpanData::traceIdHex));
    }

    @Property(tries = 12)
    void everyParentSpanIdResolvesInsideItsTraceAndEachTraceHasOneRoot(@ForAll long seed) {
        Capture c = shop(seed);

        assertThat(c.spans).isNotEmpty();
        for (List<SpanData> trace : byTrace(c.spans).values()) {
            Set<Long> ids = trace.stream().map(SpanData::spanId).collect(Collectors.toSet());
            assertThat(ids).as("span ids are unique in a trace").hasSize(trace.size());
            assertThat(trace.stream().filter(s -> s.parentSpanId() == 0)).hasSize(1);
            for (SpanData s : trace) {
                if (s.parentSpanId() != 0) {
                    assertThat(ids).as("parent of %s", s).contains(s.parentSpanId());
                }
            }
        }
    }

    @Property(tries = 12)
    void noChildStartsBeforeOrEndsAfterItsParent(@ForAll long seed) {
        Capture c = shop(seed);

        for (List<SpanData> trace : byTrace(c.spans).values()) {
            Map<Long, SpanData> byId = new HashMap<>();
            trace.forEach(s -> byId.put(s.spanId(), s));
            for (SpanData s : trace) {
                SpanData parent = byId.get(s.parentSpanId());
                if (parent != null) {
                    assertThat(s.startEpochNanos()).isGreaterThanOrEqualTo(parent.startEpochNanos());
                    assertThat(s.endEpochNanos()).isLessThanOrEqualTo(parent.endEpochNanos());
                }
                assertThat(s.endEpochNanos()).isGreaterThan(s.startEpochNanos());
                assertThat(s.startEpochNanos() % 1000)
                        .as("microsecond resolution")
                        .isZero();
                assertThat(s.endEpochNanos() % 1000).isZero();
            }
        }
    }

    @Test
    void idsAreW3cTraceContextHexNeverAllZero() {
        Capture c = shop(3);

        for (SpanData s : c.spans) {
            assertThat(s.traceIdHex()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(s.spanIdHex()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
        }
        assertThat(byTrace(c.spans)).hasSize(20 * 60);
    }

    @Test
    void spansAreDeliveredInStartOrderAndLogLinesInTimeOrder() {
        Capture c = shop(11);

        List<Long> starts = c.spans.stream().map(SpanData::startEpochNanos).toList();
        assertThat(starts).isSorted();
        List<Long> times = c.logs.stream().map(LogEvent::epochNanos).toList();
        assertThat(times).isSorted();
    }

    @Test
    void aLogLineCarriesTheTraceAndSpanIdsOfItsSpanAndIsStampedAtItsEnd() {
        Capture c = shop(5);
        Map<String, SpanData> bySpan = new HashMap<>();
        c.spans.forEach(s -> bySpan.put(s.traceIdHex() + "/" + s.spanIdHex(), s));

        List<LogEvent> spanLines =
                c.logs.stream().filter(l -> l.fields().get("span_id") != null).toList();
        assertThat(spanLines).hasSameSizeAs(c.spans);
        for (LogEvent line : spanLines) {
            SpanData s = bySpan.get(
                    line.fields().get("trace_id") + "/" + line.fields().get("span_id"));
            assertThat(s).as("span of %s", line).isNotNull();
            assertThat(line.epochNanos()).isEqualTo(s.endEpochNanos());
            assertThat(line.labels().get("service")).isEqualTo(s.service());
            assertThat(line.fields().get("operation")).isEqualTo(s.operation());
            assertThat(line.severity() == Severity.ERROR).isEqualTo(s.error());
            if (s.error()) {
                assertThat(line.message()).isEqualTo(s.statusMessage());
            }
        }
    }

    @Test
    void anOpenCircuitBreakerShortCircuitsCallsAndIsLoggedOpeningAndClosing() {
        Capture c = shop(9);
        long start = Capture.startNanos();
        long from = start + Duration.ofSeconds(18).toNanos();
        long to = start + Duration.ofSeconds(36).toNanos();

        List<LogEvent> breaker = c.logs.stream()
                .filter(l -> l.message().startsWith("circuit breaker"))
                .toList();
        assertThat(breaker).anySatisfy(l -> {
            assertThat(l.message()).isEqualTo("circuit breaker opened: calls to db fail fast for 2000 ms");
            assertThat(l.severity()).isEqualTo(Severity.WARN);
            assertThat(l.labels().get("service")).isEqualTo("orders");
            assertThat(l.epochNanos()).isBetween(from, to);
        });
        assertThat(breaker).anySatisfy(l -> {
            assertThat(l.message()).isEqualTo("circuit breaker closed: calls to db resumed");
            assertThat(l.severity()).isEqualTo(Severity.INFO);
            assertThat(l.epochNanos()).isGreaterThan(to);
        });
        assertThat(c.spans).anySatisfy(s -> assertThat(s.statusMessage()).isEqualTo("circuit breaker open: db"));
        Set<String> messages = new HashSet<>();
        c.spans.stream().filter(SpanData::error).forEach(s -> messages.add(s.statusMessage()));
        assertThat(messages).contains("connection refused", "dependency failed: db", "circuit breaker open: db");
    }

    @Test
    void aSpanLongerThanItsTimeoutFailsWithTheTimeout() {
        Capture c = Capture.run(Graphs.shop(1).buildPlan());

        List<SpanData> db =
                c.spans.stream().filter(s -> s.service().equals("db")).toList();
        assertThat(db).allSatisfy(s -> assertThat(s.error())
                .as("%s lasting %d ns", s, s.durationNanos())
                .isEqualTo(s.durationNanos() > 40_000_000L));
        assertThat(db).anySatisfy(s -> assertThat(s.statusMessage()).isEqualTo("timeout after 40 ms"));
    }

    @Test
    void anOpenCircuitBreakerWritesNoLogLineWhenTheEntryHasNoLogsBlock() {
        Capture c = Capture.run(Graphs.shop(9)
                .circuitBreaker(3, Duration.ofSeconds(2))
                .fault(Fault.on("db")
                        .between(Offset.percent(30), Offset.percent(60))
                        .withErrorRate(0.7)
                        .withLatencyFactor(5)
                        .withMessage("connection refused"))
                .buildPlan());

        assertThat(c.spans).anySatisfy(s -> assertThat(s.statusMessage()).isEqualTo("circuit breaker open: db"));
        assertThat(c.logs).isEmpty();
    }
}
