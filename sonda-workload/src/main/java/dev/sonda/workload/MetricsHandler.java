package dev.sonda.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sonda.engine.workload.ExpositionFormat;
import dev.sonda.engine.workload.WorkloadHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The pull endpoint of one workload: {@code GET} (and {@code HEAD}) on any path writes the latest
 * complete tick and the self-metrics ({@link WorkloadHandle#writeExposition}), streamed in chunks
 * so a million series never become one string. Prometheus text format 0.0.4 by default; OpenMetrics
 * 1.0.0 when {@code Accept} names {@code application/openmetrics-text} (as Prometheus asks); gzip
 * (fastest level) when {@code Accept-Encoding} allows it, as Prometheus sends. Other methods get
 * {@code 405}. A scrape that cannot be written (the scraper went away) counts in {@code
 * gen_export_errors_total{exporter="prometheus"}}.
 *
 * <p>Thread-safe: the server may call it from several threads at once; each scrape holds the tick
 * it started with, never a half-written one.
 */
public final class MetricsHandler implements HttpHandler {
    private final WorkloadHandle workload;
    private final String prefix;
    private final boolean timestamps;

    /**
     * A handler with the workload's own {@code scrape:} settings (prefix, timestamps), or none.
     *
     * @param workload the workload
     * @throws NullPointerException if {@code workload} is null
     */
    public MetricsHandler(WorkloadHandle workload) {
        this(
                workload,
                workload.scrape() == null ? null : workload.scrape().prefix(),
                workload.scrape() != null && workload.scrape().timestamps());
    }

    /**
     * A handler with explicit settings.
     *
     * @param workload the workload
     * @param prefix prepended to every metric name, or null
     * @param timestamps whether samples carry their tick's timestamp
     * @throws NullPointerException if {@code workload} is null
     */
    public MetricsHandler(WorkloadHandle workload, String prefix, boolean timestamps) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.prefix = prefix;
        this.timestamps = timestamps;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                x.sendResponseHeaders(405, -1);
                return;
            }
            ExpositionFormat format =
                    ExpositionFormat.fromAccept(x.getRequestHeaders().getFirst("Accept"));
            x.getResponseHeaders().set("Content-Type", format.contentType());
            String encoding = x.getRequestHeaders().getFirst("Accept-Encoding");
            boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
            if (gzip) {
                x.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if (method.equals("HEAD")) {
                x.sendResponseHeaders(200, -1);
                return;
            }
            x.sendResponseHeaders(200, 0);
            OutputStream body = x.getResponseBody();
            if (gzip) {
                try (OutputStream out = new FastGzip(body)) {
                    workload.writeExposition(out, format, prefix, timestamps);
                }
            } else {
                workload.writeExposition(body, format, prefix, timestamps);
                body.close();
            }
        }
    }

    /** gzip at the fastest level: a scrape of a million series compresses in a fraction of the time. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
