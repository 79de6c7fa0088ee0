package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.MetricStage;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunFailedException;
import dev.sonda.engine.RunFailure;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import dev.sonda.engine.sink.Sink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs plans whose entries produce through the kafka sink on a simulated clock, and reads back
 * what they wrote: shared by the ITs against the in-JVM broker.
 */
final class KafkaRuns {
    /** The simulated run starts here, far from the wall clock. */
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * The name of a companion entry that only paces the simulated clock. The engine's simulated
     * driver advances the clock when it switches between entries and runs a lone entry's ticks at
     * one clock reading (see the module notes); an entry at the same rate beside the one under
     * test makes the clock step with every tick, as it does in a real run. Its lines go to memory.
     */
    static final String PACER = "pacer";

    private KafkaRuns() {}

    /** {@code entry} and a {@link #PACER} at its rate and duration, as a plan. */
    static ScenarioPlan paced(MetricStage entry, double rate, String duration) {
        return Scenario.plan()
                .add(entry.rate(rate).duration(duration))
                .add(Scenario.metrics(PACER).rate(rate).duration(duration).constant(0))
                .build();
    }

    /**
     * A plan of 1000 lines {@code up <n> <ms>}, n = 0..999 (a step counter), 100 per record
     * (max_buffer_age 1 s at 100 lines/s), to {@code topic} with a 2 s delivery timeout before
     * {@code sink} adjusts the spec.
     */
    static ScenarioPlan outagePlan(
            String bootstrap, String topic, UnaryOperator<SinkSpec.Kafka> sink, OnSinkError policy) {
        return paced(
                Scenario.metrics("up")
                        .step(1)
                        .onSinkError(policy)
                        .sink(sink.apply(SinkSpec.kafka(bootstrap, topic)
                                .withMaxBufferAge(Duration.ofSeconds(1))
                                .withDeliveryTimeout(Duration.ofSeconds(2)))),
                100,
                "10s");
    }

    /**
     * What a run did: its stats, failures and what each entry's kafka sink reported (the same
     * reports reach the run's stats).
     */
    record Result(RunStats stats, List<RunFailure> failures, Map<Integer, DeliveryCounts> delivery) {}

    /**
     * Runs {@code plan} on a simulated clock from {@link #START}: every entry but the {@link
     * #PACER} through a {@link KafkaSink}, wrapped by {@code wrap}; diagnostics to {@code
     * diagnostics}, on the writing thread.
     */
    static Result run(ScenarioPlan plan, UnaryOperator<Sink> wrap, Consumer<String> diagnostics)
            throws InterruptedException {
        Map<Integer, DeliveryCounts> counts = new ConcurrentHashMap<>();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withDiagnostics(diagnostics)
                .withSinkFactory((entry, ctx) -> {
                    if (entry.name().equals(PACER)) {
                        return EncodingSink.of(new MemorySink(), ctx);
                    }
                    DeliveryCounts c = counts.computeIfAbsent(entry.index(), i -> new DeliveryCounts());
                    Delivery engine = ctx.delivery();
                    Delivery both = new Delivery() {
                        @Override
                        public void delivered(long records) {
                            c.delivered(records);
                            engine.delivered(records);
                        }

                        @Override
                        public void dropped(long records, String reason) {
                            c.dropped(records, reason);
                            engine.dropped(records, reason);
                        }
                    };
                    return wrap.apply(new KafkaSink.Provider().create(entry.sink(), ctx.withDelivery(both)));
                });
        var run = Sonda.start(plan, options);
        RunStats stats;
        try {
            stats = run.join();
        } catch (RunFailedException e) {
            stats = run.stats();
        }
        return new Result(stats, run.failures(), counts);
    }

    /** The lines each entry's encoder writes for {@code plan}, from the engine's memory sink. */
    static Map<Integer, List<String>> expectedLines(ScenarioPlan plan) throws InterruptedException {
        Map<Integer, MemorySink> sinks = new ConcurrentHashMap<>();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((entry, ctx) ->
                        EncodingSink.of(sinks.computeIfAbsent(entry.index(), i -> new MemorySink()), ctx));
        Sonda.start(plan, options).join();
        Map<Integer, List<String>> out = new ConcurrentHashMap<>();
        sinks.forEach((i, m) -> out.put(i, m.lines()));
        return out;
    }

    /** The lines the records hold, in order; each record holds whole lines. */
    static List<String> lines(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(value).as("a record holds whole lines").endsWith("\n");
            out.addAll(Arrays.asList(value.substring(0, value.length() - 1).split("\n", -1)));
        }
        return out;
    }
}
