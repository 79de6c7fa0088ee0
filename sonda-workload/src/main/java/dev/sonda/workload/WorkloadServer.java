package dev.sonda.workload;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.engine.Run;
import dev.sonda.engine.workload.WorkloadHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves every workload of a run on the ports its {@code scrape:} and {@code control:} name: the
 * pull endpoint ({@link MetricsHandler}) on every path of the scrape port, and the control API
 * ({@link ControlHandler}) on the control port. When both are the same port, one server answers
 * the control paths and serves the metrics on every other path. Each server uses a small pool of
 * daemon threads. Close it when the run ends.
 */
public final class WorkloadServer implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final Map<String, InetSocketAddress> scrape = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> control = new LinkedHashMap<>();

    private WorkloadServer() {}

    /**
     * Starts the endpoints of every workload of {@code run}.
     *
     * @param run the run
     * @param reloader where {@code POST /control/reload} reads a workload's definition again, or
     *     null for none
     * @return the server; empty when no workload names a port
     * @throws UncheckedIOException naming the address, if a port cannot be bound (the servers
     *     started so far are stopped)
     */
    public static WorkloadServer start(Run run, ControlHandler.Reloader reloader) {
        WorkloadServer s = new WorkloadServer();
        try {
            for (WorkloadHandle w : run.workloads()) {
                s.serve(w, reloader);
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void serve(WorkloadHandle w, ControlHandler.Reloader reloader) {
        Endpoint m = w.scrape();
        Endpoint c = w.control();
        if (m != null
                && c != null
                && m.port() == c.port()
                && m.port() != 0
                && m.effectiveBindAddress().equals(c.effectiveBindAddress())) {
            HttpServer one = bind(m, w.name(), "pull endpoint and control API");
            one.createContext("/", new MetricsHandler(w));
            ControlHandler api = new ControlHandler(w, reloader);
            for (String path : List.of("/healthz", "/status", "/control")) {
                one.createContext(path, api);
            }
            scrape.put(w.name(), one.getAddress());
            control.put(w.name(), one.getAddress());
            return;
        }
        if (m != null) {
            HttpServer pull = bind(m, w.name(), "pull endpoint");
            pull.createContext("/", new MetricsHandler(w));
            scrape.put(w.name(), pull.getAddress());
        }
        if (c != null) {
            HttpServer api = bind(c, w.name(), "control API");
            api.createContext("/", new ControlHandler(w, reloader));
            control.put(w.name(), api.getAddress());
        }
    }

    private HttpServer bind(Endpoint e, String workload, String what) {
        InetSocketAddress address = new InetSocketAddress(e.effectiveBindAddress(), e.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException ex) {
            throw new UncheckedIOException(
                    "workload '" + workload + "': cannot serve its " + what + " on " + e.effectiveBindAddress() + ":"
                            + e.port() + " (" + ex.getMessage() + "); free the port or choose another one",
                    ex);
        }
        int id = IDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sonda-workload-http-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.start();
        servers.add(server);
        pools.add(pool);
        return server;
    }

    /**
     * Where a workload's pull endpoint listens (the actual port when 0 was asked for).
     *
     * @param workload the workload's name
     * @return the address, or null when it has none
     */
    public InetSocketAddress scrapeAddress(String workload) {
        return scrape.get(workload);
    }

    /**
     * Where a workload's control API listens.
     *
     * @param workload the workload's name
     * @return the address, or null when it has none
     */
    public InetSocketAddress controlAddress(String workload) {
        return control.get(workload);
    }

    /** Stops every server at once and its threads. */
    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        for (ExecutorService p : pools) {
            p.shutdownNow();
        }
        servers.clear();
        pools.clear();
    }
}
