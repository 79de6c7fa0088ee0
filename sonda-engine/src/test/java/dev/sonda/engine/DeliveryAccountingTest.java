package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Distribution;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record an entry hands to its sink is accounted for in the run's stats: delivered or
 * dropped, with the reason, once the run is done; and whether drops are accepted follows an
 * explicit {@code on_sink_error: warn}.
 */
class DeliveryAccountingTest {
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    private static RunOptions simulated() {
        return RunOptions.defaults().withClock(Clock.simulated(T0)).withDiagnostics(line -> {});
    }

    private static RunStats run(ScenarioPlan plan, RunOptions options) throws InterruptedException {
        try (Run run = Sonda.start(plan, options)) {
            run.await(java.time.Duration.ofSeconds(30));
            return run.stats();
        } catch (RunFailedException e) {
            throw e;
        }
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aHistogramTickCountsOneEventAndOneRecordPerLine() throws Exception {
        ScenarioPlan plan = Scenario.histogram("latency")
                .rate(1)
                .duration("10s")
                .distribution(new Distribution.Exponential(10))
                .buckets(0.1, 1, 10)
                .sink(SinkSpec.memory())
                .buildPlan();

        RunStats stats = run(plan, simulated());

        EntryStats e = stats.entries().get(0);
        assertThat(e.events()).isEqualTo(10);
        // 3 bounds + the +Inf bucket, _sum and _count: 6 lines per tick
        assertThat(e.records()).isEqualTo(60);
        assertThat(e.delivered()).isEqualTo(60);
        assertThat(e.dropped()).isZero();
        assertThat(e.inFlight()).isZero();
        assertThat(e.dropReason()).isNull();
    }

    @Test
    void anHttpReceiverThatIsDownDropsEveryRecordAndSaysWhy() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/push";
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(10)
                .duration("2s")
                .constant(1)
                .sink(new SinkSpec.HttpPush(url, null, 64, null, Map.of(), null))
                .buildPlan();

        RunStats stats = run(plan, simulated());

        EntryStats e = stats.entries().get(0);
        assertThat(e.records()).isEqualTo(20);
        assertThat(e.delivered()).isZero();
        assertThat(e.dropped()).isEqualTo(20);
        assertThat(e.dropReason()).isEqualTo("HTTP push to '" + url + "' failed: Connection refused");
        assertThat(stats.records()).isEqualTo(stats.delivered() + stats.dropped());
    }

    @Test
    void aSinkThatDoesNotReportIsCountedByTheEngineCallByCall() throws Exception {
        List<Double> taken = new ArrayList<>();
        Sink unbuffered = new Sink() {
            @Override
            public void sample(Object series, long epochNanos, double value) {
                if (value == 3) {
                    throw new SinkException("refused 3");
                }
                taken.add(value);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .duration("5s")
                .sequence(1, 2, 3, 4, 5)
                .sink(SinkSpec.memory())
                .buildPlan();

        RunStats stats = run(plan, simulated().withSinkFactory((entry, ctx) -> unbuffered));

        EntryStats e = stats.entries().get(0);
        assertThat(taken).containsExactly(1.0, 2.0, 4.0, 5.0);
        assertThat(e.records()).isEqualTo(5);
        assertThat(e.delivered()).isEqualTo(4);
        assertThat(e.dropped()).isEqualTo(1);
        assertThat(e.dropReason()).isEqualTo("refused 3");
        assertThat(e.errors()).isEqualTo(1);
    }

    @Test
    void recordsASinkClaimsToReportButNeverConfirmsAreDroppedWhenItCloses() throws Exception {
        Sink forgetful = new Sink() {
            @Override
            public Object prepare(Series series) {
                return series;
            }

            @Override
            public void sample(Object series, long epochNanos, double value) {}

            @Override
            public boolean reportsDelivery() {
                return true;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .duration("3s")
                .constant(1)
                .sink(SinkSpec.memory())
                .buildPlan();

        RunStats stats = run(plan, simulated().withSinkFactory((entry, ctx) -> forgetful));

        EntryStats e = stats.entries().get(0);
        assertThat(e.records()).isEqualTo(3);
        assertThat(e.delivered()).isZero();
        assertThat(e.dropped()).isEqualTo(3);
        assertThat(e.dropReason()).isEqualTo("not confirmed by the sink when it was closed");
    }

    @Test
    void onlyAnExplicitWarnAcceptsDrops() {
        ScenarioPlan defaulted = Scenario.metrics("m").rate(1).constant(1).buildPlan();
        ScenarioPlan onEntry = Scenario.metrics("m")
                .rate(1)
                .constant(1)
                .onSinkError(OnSinkError.WARN)
                .buildPlan();
        ScenarioPlan inDefaults = Scenario.plan()
                .onSinkError(OnSinkError.WARN)
                .add(Scenario.metrics("m").rate(1).constant(1))
                .build();
        ScenarioPlan fail = Scenario.metrics("m")
                .rate(1)
                .constant(1)
                .onSinkError(OnSinkError.FAIL)
                .buildPlan();

        assertThat(entry(defaulted, CompileOptions.defaults()).onSinkError()).isEqualTo(OnSinkError.WARN);
        assertThat(entry(defaulted, CompileOptions.defaults()).onSinkErrorExplicit())
                .isFalse();
        assertThat(entry(defaulted, CompileOptions.defaults()).acceptsDrops()).isFalse();
        assertThat(entry(onEntry, CompileOptions.defaults()).acceptsDrops()).isTrue();
        assertThat(entry(inDefaults, CompileOptions.defaults()).acceptsDrops()).isTrue();
        assertThat(entry(fail, CompileOptions.defaults()).acceptsDrops()).isFalse();
        CompileOptions overridden =
                CompileOptions.defaults().withOverrides(EntryOverrides.NONE.withOnSinkError(OnSinkError.WARN));
        assertThat(entry(defaulted, overridden).acceptsDrops()).isTrue();
    }

    private static CompiledEntry entry(ScenarioPlan plan, CompileOptions options) {
        return Sonda.compile(plan, options).entries().get(0);
    }

    @Test
    void entryStatsWithoutDeliveryCountsKeepTheirOldShape() {
        EntryStats old = new EntryStats(0, "m", EntryState.RUNNING, 5, 100, 0, 1.0, false, false, null);
        assertThat(old.records()).isZero();
        assertThat(old.delivered()).isZero();
        assertThat(old.dropped()).isZero();
        assertThat(Map.of("inFlight", old.inFlight())).containsEntry("inFlight", 0L);
    }
}
