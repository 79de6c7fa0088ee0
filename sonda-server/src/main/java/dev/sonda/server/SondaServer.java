package dev.sonda.server;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sonda's HTTP control plane, the JVM twin of Sonda 1.20's {@code sonda-server}: scenarios started,
 * listed, inspected, scraped and stopped over HTTP, one-shot events, and the server's own metrics.
 * The routes and their statuses are those of the reference (see {@code docs/server.md}); the
 * server is the JDK's {@code com.sun.net.httpserver}, JSON is Jackson.
 *
 * <pre>{@code
 * try (SondaServer server = SondaServer.builder().start()) {   // 127.0.0.1, a free port
 *     HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(server.baseUri().resolve("/scenarios"))
 *                     .header("Content-Type", "application/yaml")
 *                     .POST(HttpRequest.BodyPublishers.ofString(yaml))
 *                     .build(),
 *             HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>Safe by default, unlike the reference: it listens on 127.0.0.1 unless told otherwise; with an
 * API key every route but {@code /health} needs {@code Authorization: Bearer <key>} (compared in
 * constant time); bodies, request time, concurrent requests and stored scenarios are capped; YAML
 * is read within {@link dev.sonda.yaml.LoadLimits} and never sees the server's environment
 * variables; {@code file} sinks and {@code csv_replay} files are refused unless they lie in a
 * directory given with {@link Builder#allowDir(Path)}; secrets are masked in every response. Every
 * sink URL a client may POST is a request this server will make: put it where that is acceptable.
 *
 * <p>{@link #close()} stops every scenario (their sinks flushed and closed), then the HTTP server.
 * Thread-safe.
 */
public final class SondaServer implements AutoCloseable {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    static {
        // The JDK server writes a response's headers and body in two segments; with Nagle's
        // algorithm on, the body waits for the client's delayed ACK (40 ms per response on Linux).
        // The property is read once, when the JVM's first HttpServer starts; an explicit value wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The settings a builder collected. */
    record Settings(
            int port,
            String bind,
            String apiKey,
            Path catalog,
            int maxScenarios,
            int maxBodyBytes,
            Duration requestTimeout,
            List<Path> allowDirs,
            int workers,
            int maxInflight,
            SpecRegistry registry,
            Consumer<String> log) {}

    private final Settings settings;
    private final ServerContext ctx;
    private final HttpServer http;
    private final ExecutorService httpPool;
    private final ExecutorService workPool;
    private final ScheduledExecutorService watcher;
    private final InetSocketAddress address;
    private boolean closed;

    private SondaServer(Settings settings) {
        this.settings = settings;
        FilePolicy files = new FilePolicy(settings.allowDirs());
        this.ctx = new ServerContext(settings, files, new ServerMetrics(version(), settings.workers()));
        InetSocketAddress bindTo = new InetSocketAddress(literal(settings.bind(), settings.port()), settings.port());
        try {
            this.http = HttpServer.create(bindTo, 128);
        } catch (IOException e) {
            throw new SondaException(
                    "failed to bind to " + hostPort(settings.bind(), settings.port()) + ": " + e.getMessage());
        }
        this.httpPool = new ThreadPoolExecutor(
                settings.maxInflight() + settings.workers(),
                settings.maxInflight() + settings.workers(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                threads("sonda-server-http-"));
        this.workPool = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads("sonda-server-work-"));
        this.watcher = Executors.newSingleThreadScheduledExecutor(threads("sonda-server-watch-"));
        http.setExecutor(httpPool);
        http.createContext("/", new HttpFront(ctx, workPool));
        http.start();
        this.address = http.getAddress();
        watcher.scheduleWithFixedDelay(this::watchStates, 250, 250, TimeUnit.MILLISECONDS);
        logStartup(files);
    }

    /**
     * A builder with the defaults: 127.0.0.1, a free port, no API key, no catalog, no scenario
     * cap, 1 MiB bodies, 30 s requests, no file access, {@code min(processors, 16)} workers and
     * four times as many concurrent requests, the default providers, log lines to standard error.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port the server listens on (the one the OS picked for port 0).
     *
     * @return the port
     */
    public int port() {
        return address.getPort();
    }

    /**
     * The address the server listens on.
     *
     * @return the bound address
     */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Where clients reach the server: {@code http://127.0.0.1:<port>/} when it listens on a
     * wildcard address, else {@code http://<bind address>:<port>/}.
     *
     * @return the base URI, ending with {@code /}
     */
    public URI baseUri() {
        InetAddress a = address.getAddress();
        return URI.create("http://" + hostPort(a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress(), port()) + "/");
    }

    /**
     * Stops the HTTP server, then every scenario: each run is stopped, its sinks flushed and
     * closed, waiting up to 5 s per run. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ctx.log.accept("INFO shutdown signal received — stopping all running scenarios");
        http.stop(0);
        watcher.shutdownNow();
        Set<Run> runs = new LinkedHashSet<>();
        for (ScenarioHandle h : ctx.store.drain()) {
            runs.add(h.launch.run());
        }
        runs.forEach(Run::stop);
        for (Run run : runs) {
            try {
                ctx.log.accept(
                        run.await(Duration.ofSeconds(5))
                                ? "INFO scenario task joined"
                                : "WARN scenario task join failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        httpPool.shutdownNow();
        workPool.shutdownNow();
        ctx.log.accept("INFO sonda-server shut down cleanly");
    }

    private void watchStates() {
        long now = System.nanoTime();
        for (ScenarioHandle h : ctx.store.all()) {
            h.observe(now);
        }
    }

    private void logStartup(FilePolicy files) {
        Consumer<String> log = ctx.log;
        if (settings.apiKey() != null && settings.apiKey().isEmpty()) {
            log.accept("WARN --api-key / SONDA_API_KEY is empty — authentication disabled");
        }
        log.accept(
                settings.apiKey() != null && !settings.apiKey().isEmpty()
                        ? "INFO API key authentication enabled for /scenarios/*, /events, /metrics, and /scenarios/metrics"
                                + " endpoints"
                        : "INFO API key authentication disabled — all endpoints are public");
        if (settings.catalog() != null) {
            log.accept("INFO pack catalog enabled for POST /scenarios");
        }
        if (settings.maxScenarios() == 0) {
            log.accept("WARN --max-scenarios 0 — scenario row cap disabled (unlimited)");
        }
        log.accept(
                files.roots().isEmpty()
                        ? "INFO file sinks and csv_replay files refused (no --allow-dir)"
                        : "INFO file sinks and csv_replay files allowed under " + files.roots());
        log.accept("INFO sonda-server listening addr="
                + hostPort(address.getAddress().getHostAddress(), port()) + " workers=" + settings.workers());
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = SondaServer.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown
        }
        return p.getProperty("version", "unknown");
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** An IP literal (IPv4, or IPv6 in brackets), as the reference requires of {@code --bind}. */
    private static InetAddress literal(String bind, int port) {
        String host = null;
        if (IPV4.matcher(bind).matches()) {
            host = bind;
        } else if (bind.startsWith("[") && bind.endsWith("]") && bind.length() > 2) {
            host = bind.substring(1, bind.length() - 1);
            if (!host.matches("[0-9a-fA-F:.%a-zA-Z]*") || !host.contains(":")) {
                host = null;
            }
        }
        if (host != null) {
            try {
                return InetAddress.getByName(host); // a literal: no name lookup
            } catch (UnknownHostException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("invalid bind address: " + bind + ":" + port
                + " (give an IP address such as 127.0.0.1, 0.0.0.0 or [::])");
    }

    /** Collects the settings of a server; {@link #start()} starts it. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String bind = "127.0.0.1";
        private String apiKey;
        private Path catalog;
        private int maxScenarios;
        private int maxBodyBytes = 1024 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private final List<Path> allowDirs = new ArrayList<>();
        private int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 16));
        private int maxInflight;
        private SpecRegistry registry = SpecRegistry.defaults();
        private Consumer<String> log = System.err::println;

        private Builder() {}

        /**
         * The TCP port; 0 (the default) lets the OS pick a free one, see {@link #port()}.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to listen on, an IP literal: {@code 127.0.0.1} (the default: this machine
         * only), {@code 0.0.0.0} (every IPv4 interface), {@code [::]} (every interface). Host names
         * are refused, as the reference refuses them.
         *
         * @param address the IP address
         * @return this builder
         */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <key>} on every route but {@code /health}. Null
         * (the default) or empty turns authentication off (empty logs a warning).
         *
         * @param key the API key
         * @return this builder
         */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /**
         * A catalog directory whose {@code kind: composable} files resolve {@code pack:} names in
         * POSTed bodies; none by default.
         *
         * @param dir an existing directory, or null
         * @return this builder
         */
        public Builder catalog(Path dir) {
            this.catalog = dir;
            return this;
        }

        /**
         * The most scenarios stored at once, finished ones included until deleted; a POST that
         * would exceed it gets 429. 0 (the default) is unlimited.
         *
         * @param max 0 or more
         * @return this builder
         */
        public Builder maxScenarios(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max scenarios must be 0 (unlimited) or more, got " + max);
            }
            this.maxScenarios = max;
            return this;
        }

        /**
         * The largest request body on {@code POST /scenarios} and {@code POST /events}, in bytes;
         * larger ones get 413. Also the YAML loader's document limit. Default 1 MiB (1,048,576).
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max body bytes must be at least 1, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * How long a control request (the {@code /scenarios} routes but the scrape and stats ones,
         * and {@code POST /events}) may take once its body is read; past it the answer is 408 with
         * an empty body. Default 30 s. Reading the body itself is bounded by the JDK's {@code
         * sun.net.httpserver.maxReqTime} system property, which {@code sonda server} sets to the
         * same value.
         *
         * @param timeout at least 1 ms
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("request timeout must be at least 1 ms, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Allows {@code file} sinks, and {@code csv_replay} and pack files, under {@code dir}
         * (after symbolic links are resolved). None are allowed by default. May be called more than
         * once.
         *
         * @param dir an existing directory
         * @return this builder
         */
        public Builder allowDir(Path dir) {
            allowDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /**
         * Worker threads, reported by {@code sonda_server_worker_threads} and the base of the
         * concurrency cap. Default {@code min(available processors, 16)}.
         *
         * @param workers at least 1
         * @return this builder
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * The most control requests handled at once; one that waits more than a second for a
         * slot gets 429 {@code too_many_requests}. Default four times {@link #workers(int)}.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxInflightRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max inflight requests must be at least 1, got " + max);
            }
            this.maxInflight = max;
            return this;
        }

        /**
         * The providers POSTed bodies are compiled with; default {@link SpecRegistry#defaults()}.
         *
         * @param registry the providers
         * @return this builder
         */
        public Builder registry(SpecRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Where the server's log lines go (startup, warnings, launches, failures with their
         * stack traces); default standard error.
         *
         * @param log receives one line (or one failure report) per call
         * @return this builder
         */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Starts the server; it serves at once.
         *
         * @return the running server
         * @throws IllegalArgumentException if the bind address is not an IP literal, the catalog or
         *     an allowed directory is not an existing directory
         * @throws SondaException if the address cannot be bound ({@code failed to bind to ...})
         */
        public SondaServer start() {
            if (catalog != null && !Files.isDirectory(catalog)) {
                throw new IllegalArgumentException("--catalog " + catalog + ": does not exist or is not a directory");
            }
            int inflight = maxInflight > 0 ? maxInflight : 4 * workers;
            return new SondaServer(new Settings(
                    port,
                    bind,
                    apiKey,
                    catalog,
                    maxScenarios,
                    maxBodyBytes,
                    requestTimeout,
                    List.copyOf(allowDirs),
                    workers,
                    inflight,
                    registry,
                    log));
        }
    }
}
