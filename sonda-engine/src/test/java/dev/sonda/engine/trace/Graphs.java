package dev.sonda.engine.trace;

import dev.sonda.api.Distribution;
import dev.sonda.api.Scenario;
import dev.sonda.api.TraceStage;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import java.time.Duration;

/** A small shop graph for the tests: sequential, repeated, optional and parallel calls. */
final class Graphs {
    private Graphs() {}

    static TraceStage shop(long seed) {
        return Scenario.traces("shop")
                .rate(20)
                .duration("60s")
                .seed(seed)
                .service(Service.of(
                        "gateway",
                        Operation.of("GET /checkout", 4, 1).withCalls(Call.to("auth"), Call.to("orders", "create"))))
                .service(Service.of("auth", Operation.of("verify", 2, 0.5)))
                .service(Service.of(
                        "orders",
                        Operation.of("create", 6, 2)
                                .withCalls(
                                        Call.to("db", "query").withCount(2),
                                        Call.to("cache")
                                                .withCount(3)
                                                .withProbability(0.5)
                                                .inParallel())))
                .service(Service.of(
                        "db",
                        Operation.of("query", new Distribution.Exponential(0.1))
                                .withKind(SpanKind.CLIENT)
                                .withTimeout(Duration.ofMillis(40))))
                .service(Service.of("cache", Operation.of("get", new Distribution.Uniform(0.1, 0.5))));
    }
}
