package dev.sonda.engine.sink;

import dev.sonda.api.DurationText;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code type: http_push}: batched HTTP POSTs of the encoded bytes (Sonda 1.20 {@code
 * sink/http.rs} behaviour).
 *
 * <p><b>Batching.</b> Events are appended to a byte buffer. After each write the batch is sent when
 * it holds at least {@code batch_size} bytes (default {@value #DEFAULT_BATCH_SIZE}), or when {@code
 * max_buffer_age} (default 5 s; {@link Duration#ZERO} disables it) has passed since the last send
 * started, or since the sink was created if nothing was sent yet. The age is checked only inside
 * {@link #write}, on the run's clock ({@link SinkContext#clock()}); there is no timer, so a
 * partial batch waits for the next write or the final {@link #flush()}. The batch is removed from
 * the buffer before it is sent, so a failed send (after any retries) never re-queues data. No
 * allocation per write once the buffer has grown to the batch size; one copy per batch.
 *
 * <p><b>Request.</b> {@code POST {url}} with the batch's bytes as the body, uncompressed, exactly
 * as encoded (even if a custom header says {@code Content-Encoding: snappy}). {@code Content-Type}
 * is {@code content_type} (default {@value #DEFAULT_CONTENT_TYPE}), then every custom header is
 * set in the spec map's iteration order, replacing a header of the same name (case-insensitive), so
 * a custom {@code Content-Type} wins; then {@code basic_auth} or {@code bearer_token} sets {@code
 * Authorization}. The client is one JDK {@link HttpClient} shared by all http_push sinks without
 * a {@code tls:} block: HTTP/1.1, a 30 s connect timeout (ureq's default), no redirects followed,
 * the JDK's {@code User-Agent}; a sink with one gets its own ({@link HttpTls}). Each request times
 * out after {@code request_timeout} (default {@value HttpSender#DEFAULT_REQUEST_TIMEOUT_SECONDS} s)
 * without a response (the reference waits for ever), a failure retried like any other. Headers,
 * auth, TLS and the timeout are additions to the reference.
 *
 * <p><b>Response.</b> 2xx: success. 4xx except 429: the diagnostics line {@code sonda: http_push
 * sink: received HTTP {status} from '{url}'; discarding batch}, and the send counts as a success
 * (not retried, not a sink error), though its records are reported dropped. 429, 5xx and any
 * other status: {@code SinkException("HTTP {status} from '{url}'")}. Transport failure: {@code SinkException("HTTP push to '{url}' failed: {err}")}. Both
 * are retried per the {@code retry:} policy through {@link Retry}, whose classifier is the
 * reference's: an error whose message contains {@code HTTP 4} but not {@code HTTP 429} is
 * permanent.
 *
 * <p><b>Delivery.</b> One write is one record. A batch's records are reported delivered on a 2xx,
 * and dropped when the batch is discarded after a 4xx (not delivered: the receiver refused them)
 * or when its send fails after any retries. The batch never holds more than {@code batch_size}
 * bytes plus one record, so a receiver that does not answer holds the entry back (up to the
 * request timeout per attempt) but never makes the buffer grow.
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
    private final BatchPolicy policy;
    private final HttpSender sender;

    private byte[] buf;
    private int count;
    private int records;
    private Delivery delivery = Delivery.NONE;
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
        this.sender = HttpSender.to(url, "http_push", "HTTP push")
                .header("Content-Type", spec.contentType() == null ? DEFAULT_CONTENT_TYPE : spec.contentType())
                .headers(spec.headers())
                .auth(spec.auth())
                .tls(spec.tls())
                .retry(spec.retry())
                .requestTimeout(spec.requestTimeout())
                .diagnostics(context.diagnostics())
                .build();
        int batchSize = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        this.policy = new BatchPolicy(batchSize, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        this.buf = new byte[Math.max(16, Math.min(batchSize, 1 << 20))];
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
        records++;
        lastWriteDelivered = false;
        if (policy.due(count)) {
            send();
            lastWriteDelivered = true;
        }
    }

    /**
     * Reports a batch's records delivered on a 2xx, dropped otherwise.
     *
     * @param delivery the counter
     * @return true
     */
    @Override
    public boolean reportTo(Delivery delivery) {
        this.delivery = delivery;
        return true;
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
            policy.sending();
            send();
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

    private void send() {
        if (count == 0) {
            return;
        }
        byte[] body = Arrays.copyOf(buf, count);
        int n = records;
        count = 0;
        records = 0;
        sender.post(body, n, delivery);
    }

    /**
     * The built-in provider of {@code type: http_push}: keys {@code url} (required), {@code
     * content_type}, {@code batch_size}, {@code max_buffer_age}, {@code headers}, {@code retry},
     * and the additions {@code basic_auth}, {@code bearer_token}, {@code tls} and {@code
     * request_timeout}.
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
                    SinkKeys.readRetry(block),
                    SinkKeys.readAuth(block),
                    SinkKeys.readTls(block),
                    block.duration("request_timeout", DurationText::parse));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.HttpPush h = (SinkSpec.HttpPush) spec;
            SinkKeys.writeUrl("url", h.url(), out);
            out.put("content_type", h.contentType())
                    .put("batch_size", h.batchSize())
                    .put("max_buffer_age", h.maxBufferAge());
            SinkKeys.writeHeaders(h.headers(), out);
            SinkKeys.writeRetry(h.retry(), out);
            SinkKeys.writeAuth(h.auth(), out);
            SinkKeys.writeTls(h.tls(), out);
            out.put("request_timeout", h.requestTimeout());
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
            return "http_push (" + SinkKeys.displayUrl(((SinkSpec.HttpPush) spec).url()) + ")";
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
