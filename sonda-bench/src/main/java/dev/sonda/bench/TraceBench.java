package dev.sonda.bench;

import dev.sonda.api.Scenario;
import dev.sonda.api.TraceStage;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.Sink;
import dev.sonda.otlp.internal.Envelope;
import dev.sonda.otlp.internal.SpanBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spans per second through a whole traces run on the simulated clock, from {@link Sonda#start} to
 * {@link Run#join()}: {@value #REQUESTS} requests of a ten-service graph where every request makes
 * exactly {@value #SPANS_PER_REQUEST} spans (every call made, so the count per invocation is
 * fixed: {@value #SPANS} spans), on the run's single scheduler thread.
 *
 * <ul>
 *   <li>{@code ndjson}: the spans encoded by the {@code ndjson} encoder into a {@link
 *       CountingSink} (generation, time ordering, encoding);
 *   <li>{@code otlp}: the spans added to a {@link SpanBatch} (the OTLP sinks' batch), a request of
 *       512 spans encoded at a time into a reused buffer (what an OTLP sink does before its
 *       transport);
 *   <li>{@code correlated}: {@code ndjson} plus a log line per span and RED metrics every second,
 *       all encoded into the counting sink.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TraceBench {
    /** Requests per run. */
    public static final int REQUESTS = 62_500;

    /** Spans every request makes. */
    public static final int SPANS_PER_REQUEST = 16;

    /** Spans per run (and per invocation). */
    public static final int SPANS = REQUESTS * SPANS_PER_REQUEST;

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** What the spans become: {@code ndjson}, {@code otlp} or {@code correlated}. */
    @Param({"ndjson", "otlp", "correlated"})
    public String output;

    private CompiledPlan plan;

    /** Creates the benchmark state; JMH calls it. */
    public TraceBench() {}

    /**
     * The graph: a gateway calling auth (cache), orders (users with cache and database, inventory
     * with database, payments with database, notifications, database) and products (cache,
     * database).
     *
     * @return the stage, 1,000 requests per second
     */
    static TraceStage graph() {
        return Scenario.traces("bench")
                .rate(1000)
                .seed(1)
                .service(Service.of(
                        "api-gateway",
                        Operation.of("GET /checkout", 8, 2)
                                .withCalls(
                                        Call.to("auth-service"), Call.to("order-service"), Call.to("product-service"))))
                .service(Service.of(
                        "auth-service", Operation.of("verify_token", 3, 1).withCalls(Call.to("cache"))))
                .service(Service.of(
                        "order-service",
                        Operation.of("create_order", 20, 5)
                                .withCalls(
                                        Call.to("user-service"),
                                        Call.to("inventory-service"),
                                        Call.to("payment-service"),
                                        Call.to("notification-service"),
                                        Call.to("database"))))
                .service(Service.of(
                        "user-service",
                        Operation.of("get_user", 6, 1).withCalls(Call.to("cache"), Call.to("database"))))
                .service(Service.of(
                        "inventory-service", Operation.of("reserve", 10, 3).withCalls(Call.to("database"))))
                .service(Service.of(
                        "payment-service", Operation.of("charge", 60, 15).withCalls(Call.to("database"))))
                .service(Service.of("notification-service", Operation.of("send_email", 4, 1)))
                .service(Service.of(
                        "product-service",
                        Operation.of("list_products", 25, 6).withCalls(Call.to("cache"), Call.to("database"))))
                .service(Service.of("cache", Operation.of("get", 0.5, 0.1)))
                .service(Service.of("database", Operation.of("query", 8, 2)));
    }

    /** Compiles the plan of the chosen output. */
    @Setup
    public void setUp() {
        TraceStage stage = graph().duration(Duration.ofMillis(REQUESTS)).encoder(EncoderSpec.ndjson());
        if (output.equals("correlated")) {
            stage = stage.logs().redMetrics(Duration.ofSeconds(1));
        }
        plan = Sonda.compile(stage.buildPlan());
    }

    /**
     * Runs the plan to completion on a fresh simulated clock.
     *
     * @return the bytes produced
     * @throws InterruptedException if interrupted while joining
     * @throws IllegalStateException if not every span arrived
     */
    @Benchmark
    @OperationsPerInvocation(SPANS)
    public long run() throws InterruptedException {
        CountingSink counting = new CountingSink();
        OtlpSpans otlp = new OtlpSpans();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((e, ctx) -> output.equals("otlp") ? otlp : EncodingSink.of(counting, ctx));
        try (Run run = Sonda.start(plan, options)) {
            run.join();
        }
        long spans = output.equals("otlp") ? otlp.spans : counting.events();
        long expected = output.equals("correlated") ? -1 : SPANS;
        if (expected >= 0 && spans != expected) {
            throw new IllegalStateException("expected " + SPANS + " spans, got " + spans);
        }
        return output.equals("otlp") ? otlp.bytes : counting.bytes();
    }

    /** Batches spans into OTLP requests of 512 and encodes each into a reused buffer. */
    private static final class OtlpSpans implements Sink {
        final SpanBatch request = new SpanBatch(new Envelope(Map.of(), "bench"));
        final ByteBuf out = new ByteBuf(256 * 1024);
        long spans;
        long bytes;

        @Override
        public void span(SpanRecord span) {
            request.add(span);
            spans++;
            if (request.items() == 512) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (request.items() > 0) {
                out.clear();
                request.encode(out);
                bytes += out.length();
                request.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
