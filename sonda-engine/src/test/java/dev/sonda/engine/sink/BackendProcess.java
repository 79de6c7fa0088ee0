package dev.sonda.engine.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real backend server started by an integration test: its own process on loopback, its output in
 * a log file, stopped (by its own PID) when the test class ends.
 */
final class BackendProcess {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Process process;
    private final Path log;
    private final List<String> command;

    private BackendProcess(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /** Starts {@code command}, output to {@code log}. */
    static BackendProcess start(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new BackendProcess(p, log, command);
    }

    /** The command line, for messages. */
    String commandLine() {
        return String.join(" ", command);
    }

    /** Waits (bounded polling) until {@code GET url} answers 2xx; fails with the log tail if not. */
    void awaitHealthy(String url, Duration timeout) {
        boolean up = TestSupport.pollUntil(timeout, () -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                return get(url).statusCode() / 100 == 2;
            } catch (IOException e) {
                return false;
            }
        });
        if (!up || !process.isAlive()) {
            throw new AssertionError("backend did not become healthy at " + url + " within " + timeout + ": "
                    + commandLine() + "\n--- log ---\n" + logTail());
        }
    }

    /** The last 4000 characters of the server's output. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static HttpResponse<String> get(String url) throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static HttpResponse<String> postForm(String url, String form) throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Stops the process: SIGTERM, then SIGKILL after 10 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
