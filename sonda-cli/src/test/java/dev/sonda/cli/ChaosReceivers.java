package dev.sonda.cli;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-JVM receivers of the chaos test, each counting what it received per run (the {@code run}
 * label of every line or data point): a TCP listener reading lines, an HTTP server taking
 * http_push bodies, and an OTLP/gRPC metrics receiver (grpc-java). All on 127.0.0.1.
 */
final class ChaosReceivers {
    private static final Pattern RUN = Pattern.compile("run=\"(r\\d+)\"");

    private ChaosReceivers() {}

    /** Counts per run label. */
    static class Counts {
        private final Map<String, AtomicLong> byRun = new ConcurrentHashMap<>();

        void add(String run, long n) {
            byRun.computeIfAbsent(run, k -> new AtomicLong()).addAndGet(n);
        }

        void line(String line) {
            Matcher m = RUN.matcher(line);
            add(m.find() ? m.group(1) : "?", 1);
        }

        long of(String run) {
            AtomicLong n = byRun.get(run);
            return n == null ? 0 : n.get();
        }

        long unlabelled() {
            return of("?");
        }
    }

    /** Reads every connection to its end, counting lines. */
    static final class TcpLines extends Counts implements AutoCloseable {
        private final ServerSocket server;
        private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chaos-tcp-reader");
            t.setDaemon(true);
            return t;
        });

        TcpLines() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "chaos-tcp-accept");
            accept.setDaemon(true);
            accept.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    readers.execute(() -> read(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void read(Socket s) {
            try (s;
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    line(line);
                }
            } catch (IOException e) {
                add("?", 1_000_000); // a reset connection: the test fails on the unlabelled count
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            readers.shutdownNow();
        }
    }

    /** Takes http_push POSTs, counting their lines; answers 204. */
    static final class HttpLines extends Counts implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "chaos-http");
            t.setDaemon(true);
            return t;
        });

        HttpLines() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/push", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .forEach(this::line);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(pool);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** An OTLP/gRPC metrics receiver counting gauge data points per {@code run} resource attribute. */
    static final class OtlpPoints extends Counts implements AutoCloseable {
        private final Server server;

        OtlpPoints() throws IOException {
            server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                            new InetSocketAddress("127.0.0.1", 0))
                    .executor(Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "chaos-otlp");
                        t.setDaemon(true);
                        return t;
                    }))
                    .addService(new MetricsServiceGrpc.MetricsServiceImplBase() {
                        @Override
                        public void export(
                                ExportMetricsServiceRequest request,
                                StreamObserver<ExportMetricsServiceResponse> response) {
                            count(request);
                            response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
                            response.onCompleted();
                        }
                    })
                    .build()
                    .start();
        }

        private void count(ExportMetricsServiceRequest request) {
            for (ResourceMetrics rm : request.getResourceMetricsList()) {
                String run = "?";
                for (KeyValue kv : rm.getResource().getAttributesList()) {
                    if (kv.getKey().equals("run")) {
                        run = kv.getValue().getStringValue();
                    }
                }
                long points = 0;
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        points += m.getGauge().getDataPointsCount();
                    }
                }
                add(run, points);
            }
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getPort();
        }

        @Override
        public void close() {
            server.shutdownNow();
            try {
                server.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
