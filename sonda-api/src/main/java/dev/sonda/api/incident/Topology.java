package dev.sonda.api.incident;

import dev.sonda.api.Distribution;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service graph of the incident library and the roles its patterns need: which service is the
 * database, which one degrades, which one is deployed, where a cascade starts.
 *
 * <p>The {@link #STANDARD_SERVICES standard ten} form a shop: an {@code api-gateway} in front of
 * auth, users, products, orders, payments, inventory and notifications, all backed by a {@code
 * cache} and a {@code database}. Any other list of services gets a generic graph: the first is
 * the gateway, service {@code i} calls services {@code 2i+1} and {@code 2i+2}, and the last is the
 * database that every other leaf queries.
 *
 * @param services the services, in the given order
 * @param roots where requests enter
 * @param database the service whose outage breaks everything
 * @param slow the service that degrades
 * @param deployed the service a deployment breaks
 * @param cascadeOrigin the service where a cascade starts
 */
public record Topology(
        List<Service> services, List<Root> roots, String database, String slow, String deployed, String cascadeOrigin) {

    /** The ten services of the telemetry-simulation seed's default setup. */
    public static final List<String> STANDARD_SERVICES = List.of(
            "api-gateway",
            "auth-service",
            "user-service",
            "product-service",
            "order-service",
            "payment-service",
            "inventory-service",
            "notification-service",
            "cache",
            "database");

    /**
     * Creates the record, copying the lists.
     *
     * @param services the services
     * @param roots the roots
     * @param database the database's name
     * @param slow the degrading service's name
     * @param deployed the deployed service's name
     * @param cascadeOrigin the cascade's origin
     */
    public Topology {
        services = List.copyOf(services);
        roots = List.copyOf(roots);
    }

    /**
     * The graph of a list of services.
     *
     * @param names at least two names, unique; the {@link #STANDARD_SERVICES} give the shop
     * @param errors whether operations fail now and then on their own (0.05% to 0.2% of spans);
     *     false for a graph without a single error
     * @return the topology
     * @throws IllegalArgumentException with fewer than two names
     */
    public static Topology of(List<String> names, boolean errors) {
        if (names.size() < 2) {
            throw new IllegalArgumentException("an incident needs at least two services, got " + names);
        }
        return names.equals(STANDARD_SERVICES) ? standard(errors) : generic(names, errors);
    }

    private static Operation op(String name, double mean, double stddev, double errorRate, boolean errors) {
        return Operation.of(name, mean, stddev).withErrorRate(errors ? errorRate : 0);
    }

    private static Topology standard(boolean errors) {
        List<Service> s = List.of(
                Service.of(
                                "api-gateway",
                                op("GET /checkout", 8, 2, 0.0005, errors)
                                        .withTimeout(Duration.ofMillis(800))
                                        .withAttributes(Map.of("http.method", "GET", "http.route", "/checkout"))
                                        .withCalls(
                                                Call.to("auth-service", "verify_token"),
                                                Call.to("order-service", "create_order")),
                                op("GET /products", 5, 1, 0.0005, errors)
                                        .withTimeout(Duration.ofMillis(500))
                                        .withAttributes(Map.of("http.method", "GET", "http.route", "/products"))
                                        .withCalls(Call.to("product-service", "list_products")),
                                op("POST /login", 6, 1.5, 0.0005, errors)
                                        .withTimeout(Duration.ofMillis(800))
                                        .withAttributes(Map.of("http.method", "POST", "http.route", "/login"))
                                        .withCalls(Call.to("auth-service", "login")))
                        .withAttributes(Map.of("service.version", "2.0.9")),
                Service.of(
                        "auth-service",
                        op("verify_token", 3, 0.8, 0.0005, errors).withCalls(Call.to("cache", "get")),
                        op("login", 15, 4, 0.001, errors)
                                .withCalls(Call.to("user-service", "get_user"), Call.to("cache", "get"))),
                Service.of(
                        "user-service",
                        op("get_user", 6, 1.5, 0.0005, errors)
                                .withCalls(
                                        Call.to("cache", "get"),
                                        Call.to("database", "query").withProbability(0.3))),
                Service.of(
                        "product-service",
                        op("list_products", 25, 6, 0.001, errors)
                                .withTimeout(Duration.ofMillis(400))
                                .withCalls(
                                        Call.to("cache", "get"),
                                        Call.to("database", "query").withCount(2))),
                Service.of(
                        "order-service",
                        op("create_order", 20, 5, 0.001, errors)
                                .withTimeout(Duration.ofMillis(600))
                                .withCalls(
                                        Call.to("user-service", "get_user"),
                                        Call.to("inventory-service", "reserve"),
                                        Call.to("payment-service", "charge"),
                                        Call.to("notification-service", "send_email")
                                                .withProbability(0.9),
                                        Call.to("database", "query"))),
                Service.of(
                        "payment-service",
                        op("charge", 60, 15, 0.002, errors)
                                .withTimeout(Duration.ofMillis(400))
                                .withCalls(Call.to("database", "query"))),
                Service.of(
                        "inventory-service",
                        op("reserve", 10, 3, 0.0005, errors)
                                .withCalls(Call.to("database", "query").withCount(2))),
                Service.of(
                        "notification-service",
                        op("send_email", 4, 1, 0.0005, errors).withKind(SpanKind.PRODUCER)),
                Service.of(
                        "cache",
                        Operation.of("get", new Distribution.Exponential(2))
                                .withKind(SpanKind.CLIENT)
                                .withAttributes(Map.of("db.system", "redis"))),
                Service.of(
                        "database",
                        op("query", 8, 2, 0.001, errors)
                                .withKind(SpanKind.CLIENT)
                                .withAttributes(Map.of("db.system", "postgresql"))));
        List<Root> roots = List.of(
                new Root("api-gateway", "GET /products", 5),
                new Root("api-gateway", "GET /checkout", 2),
                new Root("api-gateway", "POST /login", 1));
        return new Topology(s, roots, "database", "product-service", "api-gateway", "payment-service");
    }

    private static Topology generic(List<String> names, boolean errors) {
        int n = names.size();
        int last = n - 1;
        List<Service> s = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            List<Call> calls = new ArrayList<>();
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < last; child++) {
                calls.add(Call.to(names.get(child)));
            }
            if (calls.isEmpty()) {
                calls.add(Call.to(names.get(last)));
            }
            Operation o = i == 0
                    ? op("GET /api", 5, 1, 0.0005, errors).withTimeout(Duration.ofMillis(800))
                    : op("handle", 8 + 2 * (i % 4), 2, 0.001, errors).withTimeout(Duration.ofMillis(500));
            s.add(Service.of(names.get(i), o.withCalls(calls.toArray(new Call[0]))));
        }
        s.add(Service.of(
                names.get(last),
                op("query", 8, 2, 0.001, errors)
                        .withKind(SpanKind.CLIENT)
                        .withAttributes(Map.of("db.system", "postgresql"))));
        String slow = names.get(n >= 3 ? 1 : 0);
        String origin = names.get(n >= 3 ? n - 2 : last);
        return new Topology(s, List.of(Root.of(names.get(0), null)), names.get(last), slow, names.get(0), origin);
    }
}
