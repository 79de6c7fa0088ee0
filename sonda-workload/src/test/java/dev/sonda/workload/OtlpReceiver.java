package dev.sonda.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real OTLP/HTTP receiver in the test JVM ({@code POST /v1/metrics}, bodies decoded with the
 * published opentelemetry-proto classes): keeps every gauge and sum data point as {@code
 * time in milliseconds -> "name{sorted attributes}" -> value}.
 */
final class OtlpReceiver implements AutoCloseable {
    final Map<Long, Map<String, Double>> points = new ConcurrentHashMap<>();
    private final HttpServer server;

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v1/metrics", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "otlp-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            ExportMetricsServiceRequest r = ExportMetricsServiceRequest.parseFrom(x.getRequestBody());
            for (ResourceMetrics rm : r.getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        List<NumberDataPoint> list =
                                switch (m.getDataCase()) {
                                    case GAUGE -> m.getGauge().getDataPointsList();
                                    case SUM -> m.getSum().getDataPointsList();
                                    default -> List.of();
                                };
                        for (NumberDataPoint p : list) {
                            points.computeIfAbsent(p.getTimeUnixNano() / 1_000_000L, k -> new ConcurrentHashMap<>())
                                    .put(key(m.getName(), p.getAttributesList()), p.getAsDouble());
                        }
                    }
                }
            }
            x.sendResponseHeaders(200, -1);
        }
    }

    static String key(String name, List<KeyValue> attributes) {
        Map<String, String> labels = new TreeMap<>();
        attributes.forEach(kv -> labels.put(kv.getKey(), kv.getValue().getStringValue()));
        return name + labels;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
