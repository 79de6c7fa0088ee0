package dev.sonda.testing;

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
 * a log file, stopped (by its own PID) when the test class ends. Tests must point it at 127.0.0.1
 * and give it a temporary data directory.
 */
public final class BackendProcess {
    /** An HTTP/1.1 client with a 5 s connect timeout, for health checks and read-back. */
    public static final HttpClient HTTP = HttpClient.newBuilder()
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

    /**
     * Starts {@code command}, its output (stdout and stderr) to {@code log}.
     *
     * @param command the command line
     * @param log the log file
     * @return the process
     * @throws IOException if the process cannot start
     */
    public static BackendProcess start(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new BackendProcess(p, log, command);
    }

    /**
     * The command line, for messages.
     *
     * @return the command line
     */
    public String commandLine() {
        return String.join(" ", command);
    }

    /**
     * Waits (bounded polling) until {@code GET url} answers 2xx.
     *
     * @param url the health URL
     * @param timeout the longest wait
     * @throws AssertionError with the log tail if the server died or stayed unhealthy
     */
    public void awaitHealthy(String url, Duration timeout) {
        boolean up = Net.pollUntil(timeout, () -> {
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

    /**
     * The last 4000 characters of the server's output.
     *
     * @return the tail
     */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * {@code GET url} with a 10 s timeout.
     *
     * @param url the URL
     * @return the response
     * @throws IOException on a transport failure
     */
    public static HttpResponse<String> get(String url) throws IOException {
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

    /**
     * {@code POST url} of a form body with a 10 s timeout.
     *
     * @param url the URL
     * @param form the urlencoded form
     * @return the response
     * @throws IOException on a transport failure
     */
    public static HttpResponse<String> postForm(String url, String form) throws IOException {
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

    /**
     * Whether the process still runs.
     *
     * @return true while alive
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the process at once (SIGKILL), as a crash would, and waits for it to end.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Stops the process: SIGTERM, then SIGKILL after 10 s.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
