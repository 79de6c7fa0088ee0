package dev.sonda.testing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A VictoriaMetrics server for integration tests (Debian {@code victoria-metrics}, 1.79 on the
 * reference machine): on 127.0.0.1 at a free port, its data and log under a test's directory, with
 * {@code -search.latencyOffset=0s} so samples are readable as soon as they are flushed. It can be
 * killed and started again on the same port and data, as a receiver that crashes and comes back.
 */
public final class VictoriaMetrics implements AutoCloseable {
    /** Where Debian installs the binary. */
    public static final Path BINARY = Path.of("/usr/bin/victoria-metrics");

    private final Path binary;
    private final Path dir;
    private final int port;
    private final String base;
    private int starts;
    private BackendProcess process;

    private VictoriaMetrics(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
        this.port = Net.freePort();
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Starts a server, skipping the test (failing it under CI) when the binary is missing.
     *
     * @param dir a directory for the data ({@code vm-data}) and the logs ({@code vm-N.log})
     * @return the healthy server
     * @throws IOException if the process cannot start
     * @throws AssertionError if it does not become healthy within 30 s
     */
    public static VictoriaMetrics start(Path dir) throws IOException {
        Backends.require(BINARY, "victoria-metrics");
        return start(BINARY, dir);
    }

    /**
     * Starts a server from another binary, such as a newer release unpacked outside the system
     * paths, with the same flags. The caller checks that the binary exists (skipping or failing
     * with {@link Backends#missing}).
     *
     * @param binary the {@code victoria-metrics} executable
     * @param dir a directory for the data ({@code vm-data}) and the logs ({@code vm-N.log})
     * @return the healthy server
     * @throws IOException if the process cannot start
     * @throws AssertionError if it does not become healthy within 30 s
     */
    public static VictoriaMetrics start(Path binary, Path dir) throws IOException {
        VictoriaMetrics vm = new VictoriaMetrics(binary, dir);
        vm.launch();
        return vm;
    }

    private void launch() throws IOException {
        starts++;
        process = BackendProcess.start(
                List.of(
                        binary.toString(),
                        "-storageDataPath=" + dir.resolve("vm-data"),
                        "-httpListenAddr=127.0.0.1:" + port,
                        "-retentionPeriod=1d",
                        "-search.latencyOffset=0s"),
                dir.resolve("vm-" + starts + ".log"));
        process.awaitHealthy(base + "/health", Duration.ofSeconds(30));
    }

    /**
     * The base URL, such as {@code http://127.0.0.1:8428}.
     *
     * @return the URL
     */
    public String base() {
        return base;
    }

    /**
     * Kills the server (SIGKILL): connections are reset, new ones refused.
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /**
     * Stops the server as an operator would (SIGTERM): it finishes the requests in progress and
     * flushes what it acknowledged, then exits. (A SIGKILL also loses rows it acknowledged but had
     * not yet flushed: VictoriaMetrics' own buffer, which no client can see.)
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void terminate() throws InterruptedException {
        process.stop();
    }

    /**
     * Starts the server again on the same port and data directory.
     *
     * @throws IOException if the process cannot start
     */
    public void restart() throws IOException {
        launch();
    }

    /**
     * Flushes what was ingested, then returns {@code /api/v1/export} for a series selector: one
     * JSON object per line and series, with {@code metric}, {@code values} and {@code timestamps}.
     *
     * @param selector such as {@code {run="r1"}}
     * @return the body
     * @throws IOException on a transport failure
     */
    public String export(String selector) throws IOException {
        BackendProcess.get(base + "/internal/force_flush");
        return BackendProcess.get(
                        base + "/api/v1/export?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8))
                .body();
    }

    /**
     * The distinct sample timestamps stored for a series selector, read with {@link #export} until
     * there are at least {@code expected} or {@code timeout} passes (ingestion is asynchronous). A
     * sample sent twice (a retried request the server had already taken) counts once.
     *
     * @param selector such as {@code {run="r1"}}
     * @param expected how many to wait for
     * @param timeout the longest wait
     * @return the count found last
     */
    public long distinctTimestamps(String selector, long expected, Duration timeout) {
        java.util.Set<Long> stamps = new java.util.HashSet<>();
        java.util.regex.Pattern list = java.util.regex.Pattern.compile("\"timestamps\":\\[([^\\]]*)\\]");
        Net.pollUntil(timeout, () -> {
            stamps.clear();
            try {
                java.util.regex.Matcher m = list.matcher(export(selector));
                while (m.find()) {
                    for (String t : m.group(1).split(",")) {
                        if (!t.isBlank()) {
                            stamps.add(Long.parseLong(t.strip()));
                        }
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return stamps.size() >= expected;
        });
        return stamps.size();
    }

    /**
     * The last part of the current process's log.
     *
     * @return the tail
     */
    public String logTail() {
        return process.logTail();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s); an interrupt is kept for the caller. */
    @Override
    public void close() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
