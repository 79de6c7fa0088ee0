package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The example config of Mockingbird's README, unchanged, run by {@code sonda run} on the wall
 * clock: its pull endpoint on :8000 serves {@code prom_requests_total} for the profile's six
 * series, its control API on :8081 answers {@code /status} and a spike of the README's {@code
 * curl}, and the OTLP push to localhost:4317 (nothing listens there) is counted as export errors
 * while the run goes on.
 */
class MockingbirdReadmeIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String poll(String url, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = send(HttpRequest.newBuilder(URI.create(url))).body();
                if (last.contains(expected)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError(url + " never contained " + expected + "; last: " + last);
    }

    @Test
    void theReadmesExampleConfigRunsUnchanged() throws Exception {
        Assumptions.assumeTrue(
                free(8000) && free(8081), "ports 8000 and 8081 (the config's own) are in use on this machine");
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> Main.execute("run", WorkloadCommandsTest.README.toString(), "--duration", "12s", "-q"));

        String metrics = poll("http://127.0.0.1:8000/metrics", "\nprom_gen_last_tick_timestamp_seconds ");
        assertThat(metrics.lines().filter(l -> l.startsWith("prom_requests_total{")))
                .hasSize(6)
                .anyMatch(l -> l.startsWith("prom_requests_total{instance=\"i-03\",region=\"eu-west-1\"} "));

        String status = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/status")))
                .body();
        assertThat(status)
                .contains("\"available_metrics\":[\"requests_total\"]")
                .contains("\"total_series\":6");
        HttpResponse<String> spike = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/control/spike"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"metric\": \"requests_total\", \"multiplier\": 5, \"duration_s\": 300}")));
        assertThat(spike.statusCode()).isEqualTo(200);
        assertThat(poll("http://127.0.0.1:8081/status", "\"multiplier\":5.0")).contains("\"duration_s\":300");
        poll("http://127.0.0.1:8000/metrics", "prom_gen_export_errors_total{exporter=\"otlp_grpc\"");

        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
    }
}
