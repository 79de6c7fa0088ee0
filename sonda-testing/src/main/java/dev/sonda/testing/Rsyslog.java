package dev.sonda.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An rsyslog server for integration tests (Debian {@code rsyslog}, 8.2302 on the reference
 * machine): {@code imtcp} on 127.0.0.1 at a free port, every message written as received (the
 * {@code %rawmsg%} property, one per line) to a file under the test's directory. It can be killed
 * and started again on the same port, as a receiver that crashes and comes back.
 */
public final class Rsyslog implements AutoCloseable {
    /** Where Debian installs the daemon. */
    public static final Path BINARY = Path.of("/usr/sbin/rsyslogd");

    private final Path dir;
    private final int port;
    private final Path output;
    private int starts;
    private BackendProcess process;

    private Rsyslog(Path dir) {
        this.dir = dir;
        this.port = Net.freePort();
        this.output = dir.resolve("received.log");
    }

    /**
     * Starts the daemon, skipping the test (failing it under CI) when it is missing.
     *
     * @param dir a directory for the configuration, work files, logs and the output file
     * @return the server, accepting connections
     * @throws IOException if the process cannot start
     * @throws AssertionError if it does not accept connections within 15 s
     */
    public static Rsyslog start(Path dir) throws IOException {
        Backends.require(BINARY, "rsyslog");
        Rsyslog r = new Rsyslog(dir);
        r.launch();
        return r;
    }

    private void launch() throws IOException {
        starts++;
        Path work = Files.createDirectories(dir.resolve("work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "global(workDirectory=\"" + work + "\")",
                        "module(load=\"imtcp\")",
                        "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\" ruleset=\"sonda\")",
                        "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
                        "ruleset(name=\"sonda\") {",
                        "  action(type=\"omfile\" file=\"" + output + "\" template=\"raw\")",
                        "}",
                        ""),
                StandardCharsets.UTF_8);
        process = BackendProcess.start(
                List.of(
                        BINARY.toString(),
                        "-n",
                        "-f",
                        conf.toString(),
                        "-i",
                        dir.resolve("rsyslog.pid").toString()),
                dir.resolve("rsyslog-" + starts + ".log"));
        boolean accepting = Net.pollUntil(Duration.ofSeconds(15), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        if (!accepting) {
            throw new AssertionError("rsyslog imtcp on " + port + " did not accept connections\n" + process.logTail());
        }
    }

    /**
     * The {@code host:port} of the TCP input.
     *
     * @return such as {@code 127.0.0.1:40514}
     */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /**
     * The lines written so far.
     *
     * @return the lines, empty before the first message
     * @throws IOException if the file cannot be read
     */
    public List<String> received() throws IOException {
        return Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * Kills the daemon (SIGKILL), as a crash would: connections are reset, new ones refused.
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /**
     * Starts the daemon again on the same port, appending to the same output file.
     *
     * @throws IOException if the process cannot start
     */
    public void restart() throws IOException {
        launch();
    }

    /**
     * The last part of the current process's log.
     *
     * @return the tail
     */
    public String logTail() {
        return process.logTail();
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after 10 s); an interrupt is kept for the caller. */
    @Override
    public void close() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
