package dev.sonda.remotewrite;

import com.google.protobuf.CodedOutputStream;
import dev.sonda.api.Problems;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.BatchPolicy;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.HttpSender;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code type: remote_write}: samples sent to a Prometheus remote-write receiver (Prometheus,
 * Mimir, Cortex, Thanos, VictoriaMetrics), as the reference sends them (Sonda 1.20 {@code
 * sink/remote_write.rs}) with the additions listed below.
 *
 * <p><b>Request, protocol {@code v1} (default).</b> One Prometheus {@code WriteRequest} (Remote-Write
 * 1.0, {@code prompb/remote.proto}) with only {@code timeseries} set, protobuf-encoded, compressed
 * with block (not framed) snappy, {@code POST}ed with exactly {@code Content-Type:
 * application/x-protobuf}, {@code Content-Encoding: snappy} and {@code
 * X-Prometheus-Remote-Write-Version: 0.1.0}. A series' labels are {@code __name__} and its labels,
 * sorted by name byte-wise; a {@code Sample} holds the value's raw bits (a stale marker, NaN {@code
 * 0x7ff0000000000002}, passes through bit for bit) and the time in epoch milliseconds (floored).
 *
 * <p><b>Protocol {@code v2}.</b> One {@code io.prometheus.write.v2.Request} (Remote-Write 2.0): a
 * {@code symbols} table starting with the empty string, then every label name and value and the
 * help text once, in first use order; each {@code TimeSeries} refers to its sorted label pairs by
 * symbol index and carries {@code Metadata} with the family's type (gauge, counter, histogram for
 * the {@code _bucket}/{@code _sum}/{@code _count} series, summary; none for untyped) and the
 * entry's {@code help} when it has one. Headers {@code Content-Type:
 * application/x-protobuf;proto=io.prometheus.write.v2.Request}, {@code Content-Encoding: snappy},
 * {@code X-Prometheus-Remote-Write-Version: 2.0.0}.
 *
 * <p><b>Series and samples.</b> Samples of one series in one request go into one {@code
 * TimeSeries} with several samples, in timestamp order (the engine hands them in order; a series
 * whose samples arrive out of order within a batch is sorted). Never two samples of a series with
 * one timestamp: a second sample in the same millisecond replaces the first while both are buffered
 * (the first is reported dropped), and one whose millisecond was already sent is dropped; the
 * reason goes to {@link Delivery#dropped}. The reference instead sends one {@code TimeSeries} per
 * sample, duplicates included; receivers store the same samples either way.
 *
 * <p><b>Batching.</b> {@code batch_size} (default {@value #DEFAULT_BATCH_SIZE}) counts samples,
 * which is the reference's count of {@code TimeSeries} entries (one per sample). After each sample
 * the batch is sent when it holds {@code batch_size} samples or {@code max_buffer_age} (default 5
 * s, {@link Duration#ZERO} disables it) has passed on the run's clock since the last send started
 * ({@link BatchPolicy}). The batch is taken out before it is sent, so a failed send never re-queues
 * samples.
 *
 * <p><b>Response.</b> 2xx: the samples are reported delivered. 4xx except 429: the diagnostics line
 * {@code sonda: remote_write sink: received HTTP {status} from '{url}'; discarding batch}, then
 * {@code SinkException("HTTP {status} from '{url}'")}, not retried, counted as a sink error (the
 * reference's behaviour). 429, 5xx and other statuses: {@code HTTP {status} from '{url}'}; transport
 * failure: {@code remote write to '{url}' failed: {err}}; both retried per {@code retry:}. Every
 * batch that is finally given up is reported dropped, and a diagnostics line says which samples the
 * receiver refused and why, with the receiver's own words (Prometheus: {@code out of bounds}, {@code
 * out of order sample}): {@code sonda: remote_write sink: dropped 5 samples of 2 series (up{...},
 * ...) from 2026-12-06T12:00:00Z to 2026-12-06T12:00:04Z: HTTP 400 from '{url}': out of bounds}.
 *
 * <p><b>Additions to the reference.</b> {@code protocol: v2}; {@code headers:} (tenant headers such
 * as {@code X-Scope-OrgID} or {@code THANOS-TENANT}), set after the three protocol headers so they
 * can replace them; {@code basic_auth:} / {@code bearer_token:}; {@code tls:}. The entry's {@code
 * encoder:} is not used: this sink encodes the samples itself.
 *
 * <p><b>Allocation.</b> Label bytes (v1) and symbol ids (v2) are prepared once per series ({@link
 * #prepare}); a sample is three array stores. A send encodes into a reused array with protobuf-java's
 * {@link CodedOutputStream} and compresses into another reused array with snappy-java.
 *
 * <p>Threading: as {@link Sink}, one caller at a time; a send blocks that caller until the
 * response (and any retry backoff) completes.
 */
public final class RemoteWriteSink implements Sink {
    /** Default {@code batch_size}, in samples: 5 (the reference's constant). */
    public static final int DEFAULT_BATCH_SIZE = 5;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    /** Remote-Write 1.0 {@code Content-Type}. */
    public static final String CONTENT_TYPE_V1 = "application/x-protobuf";

    /** Remote-Write 2.0 {@code Content-Type}. */
    public static final String CONTENT_TYPE_V2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

    private final String url;
    private final HttpSender sender;
    private final BatchPolicy policy;
    private final Delivery delivery;
    private final Consumer<String> diagnostics;
    private final WriteRequestBuilder request;
    private long bytes;
    private boolean lastWriteDelivered = true;

    /**
     * Creates the sink. No connection is made until the first send.
     *
     * @param spec the {@code remote_write} block; null optional fields take their defaults
     * @param context the clock ({@code max_buffer_age}), diagnostics, delivery counter and help text
     * @throws SinkException {@code invalid remote write URL '{url}': must start with http:// or
     *     https://}; a header the JDK client refuses; a TLS file that cannot be read or parsed
     * @throws IllegalArgumentException if {@code batch_size} or {@code max_buffer_age} is negative,
     *     or the retry policy is invalid
     */
    public RemoteWriteSink(SinkSpec.RemoteWrite spec, SinkContext context) {
        Objects.requireNonNull(spec, "spec");
        this.url = spec.url();
        boolean v2 = spec.protocol() == SinkSpec.RemoteWrite.Protocol.V2;
        this.sender = HttpSender.to(url, "remote_write", "remote write")
                .header("Content-Type", v2 ? CONTENT_TYPE_V2 : CONTENT_TYPE_V1)
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", v2 ? "2.0.0" : "0.1.0")
                .headers(spec.headers())
                .auth(spec.auth())
                .tls(spec.tls())
                .retry(spec.retry())
                .clientErrors(HttpSender.ClientErrors.FAIL)
                .diagnostics(context.diagnostics())
                .build();
        int batchSize = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        this.policy = new BatchPolicy(batchSize, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        this.delivery = context.delivery();
        this.diagnostics = context.diagnostics();
        this.request = new WriteRequestBuilder(v2, context.help(), context.delivery());
    }

    /**
     * Encodes the series' labels once: {@code __name__} and the labels sorted by name byte-wise; as
     * label fields (v1) or symbol ids (v2).
     *
     * @param series the series
     * @return the prepared form
     */
    @Override
    public Object prepare(Series series) {
        return request.prepare(series);
    }

    /**
     * Buffers one sample, then sends the batch if it is due.
     *
     * @param series what {@link #prepare} returned
     * @param epochNanos the sample time (floored to milliseconds)
     * @param value the value, any bits
     * @throws SinkException if a send was due and failed; the batch is gone either way
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        lastWriteDelivered = false;
        if (policy.due(request.add(series, epochNanos, value))) {
            send();
            lastWriteDelivered = true;
        }
    }

    /**
     * True when the context has a delivery counter: each request's samples are reported delivered
     * when the receiver acknowledges it and dropped when it fails or is refused.
     *
     * @return whether delivery is reported
     */
    @Override
    public boolean reportsDelivery() {
        return delivery != Delivery.NONE;
    }

    /**
     * True only when the latest sample triggered a send that succeeded.
     *
     * @return whether the latest sample reached the receiver
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * The compressed bytes handed to the HTTP client so far (each request once, retries not
     * counted again).
     *
     * @return the byte count
     */
    @Override
    public long bytes() {
        return bytes;
    }

    /**
     * Sends the buffered samples, if any.
     *
     * @throws SinkException as {@link #sample}
     */
    @Override
    public void flush() {
        if (request.buffered() > 0) {
            policy.sending();
            send();
        }
    }

    /**
     * Flushes. The HTTP client stays up (the shared one) or is left to the garbage collector (one
     * with TLS settings).
     *
     * @throws SinkException as {@link #flush()}
     */
    @Override
    public void close() {
        flush();
    }

    /**
     * The samples waiting for the next send.
     *
     * @return the buffered sample count
     */
    public int bufferedSamples() {
        return request.buffered();
    }

    private void send() {
        if (request.buffered() == 0) {
            return;
        }
        int samples = request.samples();
        int size = request.build();
        bytes += size;
        try {
            sender.post(request.body(), 0, size);
        } catch (SinkException e) {
            String why = e.getMessage();
            String body = sender.lastResponseBody();
            String reason = body.isEmpty() ? why : why + ": " + body;
            diagnostics.accept("sonda: remote_write sink: dropped " + request.describe() + ": " + reason);
            delivery.dropped(samples, reason);
            throw e;
        } finally {
            request.clear();
        }
        delivery.delivered(samples);
    }

    /**
     * The provider of {@code type: remote_write}: keys {@code url} (required), {@code batch_size},
     * {@code max_buffer_age}, {@code retry} (the reference's), and the additions {@code protocol}
     * ({@code v1} or {@code v2}), {@code headers}, {@code basic_auth}, {@code bearer_token}, {@code
     * tls}. Secrets are written and displayed as {@code ***}.
     */
    public static final class Provider implements SinkProvider {
        private static final Map<String, SinkSpec.RemoteWrite.Protocol> PROTOCOLS =
                Map.of("v1", SinkSpec.RemoteWrite.Protocol.V1, "v2", SinkSpec.RemoteWrite.Protocol.V2);

        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "remote_write";
        }

        @Override
        public Class<SinkSpec.RemoteWrite> specClass() {
            return SinkSpec.RemoteWrite.class;
        }

        @Override
        public String summary() {
            return "Prometheus remote write 1.0 or 2.0 (snappy-compressed protobuf over HTTP)";
        }

        /**
         * The key the CLI's {@code --endpoint} sets.
         *
         * @return {@code url}
         */
        public String endpointKey() {
            return "url";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            Long batch = block.integer("batch_size", 0, Integer.MAX_VALUE);
            return new SinkSpec.RemoteWrite(
                    block.requiredString("url"),
                    batch == null ? null : batch.intValue(),
                    SinkKeys.readMaxBufferAge(block),
                    SinkKeys.readRetry(block),
                    block.choice("protocol", PROTOCOLS),
                    block.stringMap("headers"),
                    SinkKeys.readAuth(block),
                    SinkKeys.readTls(block));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.RemoteWrite r = (SinkSpec.RemoteWrite) spec;
            SinkKeys.writeUrl("url", r.url(), out);
            out.put("batch_size", r.batchSize()).put("max_buffer_age", r.maxBufferAge());
            if (r.protocol() != SinkSpec.RemoteWrite.Protocol.V1) {
                out.put("protocol", r.protocol().yaml());
            }
            SinkKeys.writeHeaders(r.headers(), out);
            SinkKeys.writeRetry(r.retry(), out);
            SinkKeys.writeAuth(r.auth(), out);
            SinkKeys.writeTls(r.tls(), out);
        }

        @Override
        public void validate(SinkSpec spec, String path, Problems problems) {
            spec.validate(path, problems);
            String bad = SinkKeys.httpUrlProblem(((SinkSpec.RemoteWrite) spec).url());
            if (bad != null) {
                problems.add(path + ".url", "invalid remote write URL " + bad);
            }
        }

        /**
         * {@code remote_write ({url})}, as the reference; {@code remote_write v2 ({url})} for
         * protocol v2. Credentials in the URL are masked.
         *
         * @param spec a {@link SinkSpec.RemoteWrite}
         * @return the display text
         */
        @Override
        public String display(SinkSpec spec) {
            SinkSpec.RemoteWrite r = (SinkSpec.RemoteWrite) spec;
            return "remote_write" + (r.protocol() == SinkSpec.RemoteWrite.Protocol.V2 ? " v2" : "") + " ("
                    + SinkKeys.displayUrl(r.url()) + ")";
        }

        /**
         * True: a {@code while:}-gated entry writes Prometheus stale markers here when its gate
         * closes.
         *
         * @return true
         */
        @Override
        public boolean writesStaleMarkers() {
            return true;
        }

        /**
         * Builds a {@link RemoteWriteSink}.
         *
         * @param spec a {@link SinkSpec.RemoteWrite}
         * @param context the clock, diagnostics, delivery counter and help text
         * @return the sink
         * @throws SinkException as {@link RemoteWriteSink#RemoteWriteSink}
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new RemoteWriteSink((SinkSpec.RemoteWrite) spec, context);
        }
    }
}
