package dev.sonda.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP receiver in the test JVM: the JDK's HttpServer on 127.0.0.1 with {@code
 * /v1/metrics}, {@code /v1/logs} and {@code /v1/traces}, decoding every body with the published classes. It keeps the
 * requests and their headers and answers each with the next scripted status (200 when empty).
 */
final class HttpReceiver implements AutoCloseable {
    final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    final Map<String, Integer> paths = new ConcurrentHashMap<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private final HttpServer server;

    HttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized HttpReceiver answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    private synchronized int next() {
        Integer s = script.poll();
        return s == null ? 200 : s;
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String path = x.getRequestURI().getPath();
        paths.merge(path, 1, Integer::sum);
        int status = next();
        if (status == 200) {
            headers.add(Map.copyOf(x.getRequestHeaders()));
            if (path.endsWith("/v1/metrics")) {
                metrics.add(ExportMetricsServiceRequest.parseFrom(body));
            } else if (path.endsWith("/v1/logs")) {
                logs.add(ExportLogsServiceRequest.parseFrom(body));
            } else if (path.endsWith("/v1/traces")) {
                traces.add(ExportTraceServiceRequest.parseFrom(body));
            } else {
                status = 404;
            }
        }
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
