package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunObserverTest {
    private static final Instant START = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void theObserverSeesEverySampleWithItsSeriesCreatedOncePerLabelSet() throws InterruptedException {
        ScenarioPlan plan = Scenario.metrics("req")
                .rate(1)
                .duration("6s")
                .sequence(1, 2, 3, 4, 5, 6)
                .dynamicLabel("host", "h", 3)
                .buildPlan();
        List<String> seen = new ArrayList<>();
        Map<Series, Integer> identities = new IdentityHashMap<>();
        RunObserver observer = (entry, series, epochNanos, value) -> {
            synchronized (seen) {
                seen.add(series.name() + series.labels().toMap() + "@"
                        + (epochNanos - START.getEpochSecond() * 1_000_000_000L) + "=" + value);
                identities.merge(series, 1, Integer::sum);
            }
        };
        MemorySink sink = new MemorySink();
        try (Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx))
                        .withObserver(observer))) {
            run.join();
        }
        assertThat(seen)
                .containsExactly(
                        "req{host=h0}@0=1.0",
                        "req{host=h1}@1000000000=2.0",
                        "req{host=h2}@2000000000=3.0",
                        "req{host=h0}@3000000000=4.0",
                        "req{host=h1}@4000000000=5.0",
                        "req{host=h2}@5000000000=6.0");
        assertThat(identities.values()).containsExactly(2, 2, 2);
        assertThat(sink.eventCount()).isEqualTo(6);
    }

    @Test
    void onASimulatedClockASinkReadsTheTimeOfTheSampleItIsGiven() throws InterruptedException {
        ScenarioPlan plan =
                Scenario.metrics("t").rate(2).duration("5s").constant(1).buildPlan();
        List<Long> skew = new ArrayList<>();
        try (Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withSinkFactory((e, ctx) -> new dev.sonda.engine.sink.Sink() {
                            @Override
                            public void sample(Object series, long epochNanos, double value) {
                                skew.add(ctx.clock().epochNanos() - epochNanos);
                            }

                            @Override
                            public void flush() {}

                            @Override
                            public void close() {}
                        }))) {
            run.join();
        }
        assertThat(skew).hasSize(10).containsOnly(0L);
    }
}
