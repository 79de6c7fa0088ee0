package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code type: http_push}: batched HTTP POSTs of the encoded bytes (Sonda 1.20 {@code
 * sink/http.rs} behaviour).
 *
 * <p><b>Batching.</b> Events are appended to a byte buffer. After each write the batch is sent when
 * it holds at least {@code batch_size} bytes (default {@value #DEFAULT_BATCH_SIZE}), or when {@code
 * max_buffer_age} (default 5 s; {@link Duration#ZERO} disables it) has passed since the last send
 * started, or since the sink was created if nothing was sent yet. The age is checked only inside
 * {@link #write}, on the run's clock ({@link SinkContext#nanoTime()}); there is no timer, so a
 * partial batch waits for the next write or the final {@link #flush()}. The batch is removed from
 * the buffer before it is sent, so a failed send (after any retries) never re-queues data. No
 * allocation per write once the buffer has grown to the batch size; one copy per batch.
 *
 * <p><b>Request.</b> {@code POST {url}} with the batch's bytes as the body, uncompressed, exactly
 * as encoded (even if a custom header says {@code Content-Encoding: snappy}). {@code Content-Type}
 * is {@code content_type} (default {@value #DEFAULT_CONTENT_TYPE}), then every custom header is
 * set in the spec map's iteration order, replacing a header of the same name (case-insensitive), so
 * a custom {@code Content-Type} wins. The client is one JDK {@link HttpClient} shared by all
 * http_push sinks: HTTP/1.1, a 30 s connect timeout (ureq's default), no request timeout, no
 * redirects followed, the JDK's {@code User-Agent}.
 *
 * <p><b>Response.</b> 2xx: success. 4xx except 429: the diagnostics line {@code sonda: http_push
 * sink: received HTTP {status} from '{url}'; discarding batch}, and the send counts as a success
 * (delivered, not retried). 429, 5xx and any other status: {@code SinkException("HTTP {status} from
 * '{url}'")}. Transport failure: {@code SinkException("HTTP push to '{url}' failed: {err}")}. Both
 * are retried per the {@code retry:} policy through {@link Retry}, whose classifier is the
 * reference's: an error whose message contains {@code HTTP 4} but not {@code HTTP 429} is
 * permanent.
 *
 * <p>Threading: as {@link Sink}, one caller at a time; a send blocks that caller until the
 * response (and any retry backoff, real time) completes.
 */
public final class HttpPushSink implements ByteSink {
    /** Default {@code batch_size}, in bytes: 4096. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    /** Default {@code content_type}: {@code application/octet-stream}. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final String url;
    private final HttpRequest.Builder template;
    private final String uriError;
    private final int batchSize;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> diagnostics;
    private final Retry retry;

    private byte[] buf;
    private int count;
    private long lastFlushAt;
    private boolean lastWriteDelivered = true;

    /**
     * Creates the sink. No connection is made until the first send.
     *
     * @param spec the {@code http_push} block; null optional fields take their defaults
     * @param context the clock (for {@code max_buffer_age}) and the diagnostics (discard and retry
     *     lines)
     * @throws SinkException {@code invalid HTTP push URL '{url}': must start with http:// or
     *     https://}, or {@code invalid HTTP push header '{name}': {reason}} when the JDK client
     *     refuses a custom header (restricted names such as {@code Host} or {@code Content-Length},
     *     or a value with a line break). A URL that starts correctly but does not parse is reported
     *     on every send instead, as a transport failure, as in the reference.
     * @throws IllegalArgumentException if {@code batch_size} or {@code max_buffer_age} is negative,
     *     or the retry policy is invalid (see {@link Retry})
     */
    public HttpPushSink(SinkSpec.HttpPush spec, SinkContext context) {
        Objects.requireNonNull(spec, "spec");
        this.url = spec.url();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new SinkException("invalid HTTP push URL '" + url + "': must start with http:// or https://");
        }
        this.batchSize = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        if (batchSize < 0) {
            throw new IllegalArgumentException("http_push batch_size must not be negative: " + batchSize);
        }
        Duration age = spec.maxBufferAge() == null ? DEFAULT_MAX_BUFFER_AGE : spec.maxBufferAge();
        if (age.isNegative()) {
            throw new IllegalArgumentException("http_push max_buffer_age must not be negative: " + age);
        }
        this.maxAgeNanos = saturatedNanos(age);
        this.nanoTime = context.clock()::nanoTime;
        this.diagnostics = context.diagnostics();
        this.retry = new Retry(spec.retry(), diagnostics);

        HttpRequest.Builder b = null;
        String error = null;
        try {
            b = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            error = e.getMessage() == null ? "invalid URL" : e.getMessage();
        }
        if (b != null) {
            String contentType = spec.contentType() == null ? DEFAULT_CONTENT_TYPE : spec.contentType();
            b.setHeader("Content-Type", contentType);
            for (Map.Entry<String, String> h : spec.headers().entrySet()) {
                try {
                    b.setHeader(h.getKey(), h.getValue());
                } catch (IllegalArgumentException e) {
                    throw new SinkException("invalid HTTP push header '" + h.getKey() + "': " + e.getMessage(), e);
                }
            }
        }
        this.template = b;
        this.uriError = error;
        this.buf = new byte[Math.max(16, Math.min(batchSize, 1 << 20))];
        this.lastFlushAt = nanoTime.getAsLong();
    }

    /**
     * Appends the event, then sends the batch if it reached {@code batch_size} bytes or {@code
     * max_buffer_age}.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException if a send was due and failed: {@code HTTP {status} from '{url}'} or
     *     {@code HTTP push to '{url}' failed: {err}}; the batch is gone either way
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        append(buf, off, len);
        long now = nanoTime.getAsLong();
        boolean sizeReached = count >= batchSize;
        boolean ageReached = maxAgeNanos > 0 && now - lastFlushAt >= maxAgeNanos;
        lastWriteDelivered = false;
        if (sizeReached || ageReached) {
            send(now);
            lastWriteDelivered = true;
        }
    }

    /**
     * True only when the latest write triggered a send that succeeded (a discarded 4xx batch
     * included).
     *
     * @return whether the latest write reached the server
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * Sends the buffered batch, if any.
     *
     * @throws SinkException as {@link #write}
     */
    @Override
    public void flush() {
        if (count > 0) {
            send(nanoTime.getAsLong());
        }
    }

    /**
     * Flushes. The shared HTTP client stays up.
     *
     * @throws SinkException as {@link #flush()}
     */
    @Override
    public void close() {
        flush();
    }

    /**
     * The bytes waiting for the next send.
     *
     * @return the buffered byte count
     */
    public int bufferedBytes() {
        return count;
    }

    private void append(byte[] src, int off, int len) {
        int need = count + len;
        if (need > buf.length) {
            long grown = Math.max((long) buf.length * 2, need);
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        System.arraycopy(src, off, buf, count, len);
        count = need;
    }

    private void send(long now) {
        if (count == 0) {
            return;
        }
        byte[] body = Arrays.copyOf(buf, count);
        count = 0;
        lastFlushAt = now;
        retry.run(attempt -> post(body), HttpPushSink::retryable);
    }

    private void post(byte[] body) {
        if (template == null) {
            throw new SinkException("HTTP push to '" + url + "' failed: " + uriError);
        }
        HttpRequest request = template.copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = SharedHttpClient.INSTANCE
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new SinkException("HTTP push to '" + url + "' failed: " + IoErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("HTTP push to '" + url + "' failed: interrupted", e);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 429) {
            diagnostics.accept(
                    "sonda: http_push sink: received HTTP " + status + " from '" + url + "'; discarding batch");
            return;
        }
        throw new SinkException("HTTP " + status + " from '" + url + "'");
    }

    /**
     * The reference's classifier ({@code HttpPushSink::is_retryable}), plus: an interrupted send is
     * never retried.
     */
    static boolean retryable(SinkException e) {
        if (e.getCause() instanceof InterruptedException) {
            return false;
        }
        String m = String.valueOf(e.getMessage());
        return !(m.contains("HTTP 4") && !m.contains("HTTP 429"));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The built-in provider of {@code type: http_push}: keys {@code url} (required), {@code
     * content_type}, {@code batch_size}, {@code max_buffer_age}, {@code headers}, {@code retry}.
     */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "http_push";
        }

        @Override
        public String endpointKey() {
            return "url";
        }

        @Override
        public Class<SinkSpec.HttpPush> specClass() {
            return SinkSpec.HttpPush.class;
        }

        @Override
        public String summary() {
            return "batched HTTP POSTs of the encoded bytes";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            Long batch = block.integer("batch_size", 0, Integer.MAX_VALUE);
            return new SinkSpec.HttpPush(
                    block.requiredString("url"),
                    block.string("content_type"),
                    batch == null ? null : batch.intValue(),
                    SinkKeys.readMaxBufferAge(block),
                    block.stringMap("headers"),
                    SinkKeys.readRetry(block));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.HttpPush h = (SinkSpec.HttpPush) spec;
            out.put("url", h.url())
                    .put("content_type", h.contentType())
                    .put("batch_size", h.batchSize())
                    .put("max_buffer_age", h.maxBufferAge());
            if (!h.headers().isEmpty()) {
                out.put("headers", new java.util.TreeMap<>(h.headers()));
            }
            SinkKeys.writeRetry(h.retry(), out);
        }

        @Override
        public void validate(SinkSpec spec, String path, dev.sonda.api.Problems problems) {
            spec.validate(path, problems);
            String bad = SinkKeys.httpUrlProblem(((SinkSpec.HttpPush) spec).url());
            if (bad != null) {
                problems.add(path + ".url", "invalid HTTP push URL " + bad);
            }
        }

        @Override
        public String display(SinkSpec spec) {
            return "http_push (" + ((SinkSpec.HttpPush) spec).url() + ")";
        }

        /**
         * Builds an {@link HttpPushSink}.
         *
         * @param spec a {@link SinkSpec.HttpPush}
         * @param context the clock, diagnostics and encoders
         * @return the sink
         * @throws SinkException if the URL is not http or https
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new HttpPushSink((SinkSpec.HttpPush) spec, context), context);
        }
    }
}
