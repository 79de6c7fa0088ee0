package dev.sonda.cli;

import dev.sonda.api.SondaException;
import dev.sonda.server.SondaServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sonda server}: the HTTP control plane (Sonda 1.20's {@code sonda-server}, sinks-cli-server
 * §4.1). After binding it writes one line to stdout, {@code {"sonda_server":{"port":N}}}, so a
 * caller of {@code --port 0} learns the port. Ctrl+C and SIGTERM stop every scenario, flush their
 * sinks, and end the process with exit code 0. Unlike the reference it listens on 127.0.0.1 unless
 * {@code --bind} says otherwise, and refuses file sinks and csv_replay files outside {@code
 * --allow-dir}.
 */
@Command(
        name = "server",
        description = "Serve scenarios over HTTP: POST /scenarios, scrape endpoints, POST /events.",
        mixinStandardHelpOptions = true)
final class ServerCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Option(names = "--port", paramLabel = "N", description = "TCP port; 0 lets the OS pick one. Default 8080.")
    int port = 8080;

    @Option(
            names = "--bind",
            paramLabel = "IP",
            description = "IP address to listen on: 127.0.0.1 (default), 0.0.0.0 or [::] for every interface.")
    String bind = "127.0.0.1";

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "Require 'Authorization: Bearer KEY' on every route but /health (or SONDA_API_KEY).")
    String apiKey;

    @Option(names = "--max-scenarios", paramLabel = "N", description = "Scenarios stored at once; 0 = unlimited.")
    int maxScenarios;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest request body. Default 1048576.")
    int maxBodyBytes = 1024 * 1024;

    @Option(
            names = "--request-timeout",
            paramLabel = "S",
            description = "Seconds a request may take (at least 1); past it: 408. Default 30.")
    int requestTimeout = 30;

    @Option(
            names = "--allow-dir",
            paramLabel = "DIR",
            description = "Allow file sinks and csv_replay files under DIR (repeatable). Default: none.")
    List<Path> allowDirs = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads. Default min(CPUs, 16).")
    Integer workers;

    @Option(
            names = "--max-inflight-requests",
            paramLabel = "N",
            description = "Control requests handled at once; more wait up to 1 s, then 429. Default 4 x workers.")
    Integer maxInflight;

    @Override
    public Integer call() throws InterruptedException {
        if (requestTimeout < 1) {
            throw new CliException("--request-timeout must be at least 1 second, got " + requestTimeout, 2);
        }
        String key = apiKey != null ? apiKey : System.getenv("SONDA_API_KEY");
        Path catalog = root.catalog;
        if (catalog == null && System.getenv("SONDA_CATALOG") != null) {
            catalog = Path.of(System.getenv("SONDA_CATALOG"));
        }
        // bounds reading a request (headers and body) in the JDK server; read once, at its first start
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(requestTimeout));
        }
        SondaServer server;
        try {
            SondaServer.Builder b = SondaServer.builder()
                    .port(port)
                    .bind(bind)
                    .apiKey(key)
                    .catalog(catalog)
                    .maxScenarios(maxScenarios)
                    .maxBodyBytes(maxBodyBytes)
                    .requestTimeout(Duration.ofSeconds(requestTimeout))
                    .log(System.err::println);
            allowDirs.forEach(b::allowDir);
            if (workers != null) {
                b.workers(workers);
            }
            if (maxInflight != null) {
                b.maxInflightRequests(maxInflight);
            }
            server = b.start();
        } catch (IllegalArgumentException | SondaException e) {
            throw new CliException(e.getMessage(), 1);
        }
        System.out.println("{\"sonda_server\":{\"port\":" + server.port() + "}}");
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            System.out.flush();
                            System.err.flush();
                            Runtime.getRuntime().halt(0);
                        },
                        "sonda-server-stop"));
        forever.await();
        return 0;
    }
}
