package dev.sonda.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where {@code sonda test} reads alert states: Prometheus' rule evaluator ({@link PrometheusAlerts})
 * or Alertmanager ({@link AlertmanagerAlerts}). Called from the command's thread and its poller
 * thread, one call at a time per source; each call may block up to the query timeout.
 */
interface AlertSource {
    /** The source in the report: {@code Prometheus} or {@code Alertmanager}. */
    String name();

    /** The base URL as given. */
    String url();

    /**
     * The state of one expected alert now.
     *
     * @throws QueryException with the reference's message when the query fails
     */
    AlertVerdicts.Probe probe(AlertExpectations.Expectation e) throws QueryException;

    /**
     * Measures the server clock: the offset to add to local time, in seconds. On failure prints the
     * reference's {@code WARN} line and returns 0.
     */
    double measureOffset(PrintStream err);

    /** A failed query, with the reference's message. */
    final class QueryException extends Exception {
        private static final long serialVersionUID = 1L;

        QueryException(String message) {
            super(message);
        }
    }

    /** One HTTP GET: status, body and the {@code Date} header. */
    record Response(int status, String body, String date) {}

    /** How sources send GETs (the JDK client; tests give canned answers). */
    interface Http {
        /**
         * Sends {@code GET url} with an overall timeout.
         *
         * @throws IOException on a transport failure or timeout
         * @throws InterruptedException if interrupted
         */
        Response get(String url, Duration timeout) throws IOException, InterruptedException;

        /** The JDK's HTTP client, HTTP/1.1, connect timeout {@code timeout}. */
        static Http jdk(Duration timeout) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .build();
            return (url, t) -> {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(t).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(
                        r.statusCode(), r.body(), r.headers().firstValue("date").orElse(null));
            };
        }
    }

    /** A base URL without its trailing slashes. */
    static String base(String url) {
        String b = url;
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    /** A query parameter value, percent-encoded (space as {@code %20}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A transport failure in words. */
    static String reason(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "request timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
