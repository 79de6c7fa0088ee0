package dev.sonda.bench;

import dev.sonda.api.MetricType;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.encode.PrometheusTextEncoder;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.remotewrite.RemoteWriteEncoder;
import dev.sonda.remotewrite.WriteRequestBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prometheus remote write against {@code prometheus_text} on the same samples, in samples per
 * second on one thread, in one JMH run: {@value EncoderBench#BATCH} samples of {@link
 * EncoderBench}'s sine values and three labels, timestamps 1 ms apart, per invocation.
 *
 * <ul>
 *   <li>{@link #remoteWriteV1} and {@link #remoteWriteV2}: what the {@code remote_write} sink does
 *       per request, without the network: {@link WriteRequestBuilder#add} per sample, then one
 *       {@link WriteRequestBuilder#build()} (protobuf with {@code CodedOutputStream} and block
 *       snappy with snappy-java) for the whole batch, as one request of {@code batch_size} 1024;
 *   <li>{@link #remoteWriteEncoder}: the length-prefixed {@code remote_write} encoder for
 *       byte-stream sinks, one {@code TimeSeries} per sample, uncompressed;
 *   <li>{@link #prometheusText}: {@code prometheus_text} lines for the same samples, as in {@link
 *       EncoderBench}, uncompressed.
 * </ul>
 *
 * <p>Parameter {@code shape}: {@code one_series} (all samples of one series, which remote write
 * groups into one {@code TimeSeries}) or {@code 1024_series} (one sample of each of 1024 series, the
 * {@code host} label varying: a request of many series, the costly case for remote write, where
 * every sample carries its labels). Timestamps move on by a batch every invocation, so no sample
 * repeats a series' millisecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RemoteWriteBench {
    private static final int BATCH = EncoderBench.BATCH;

    /** Creates the benchmark; JMH calls it. */
    public RemoteWriteBench() {}

    /** The samples, the prepared series of every format, and the reused buffers. */
    @State(Scope.Thread)
    public static class Data {
        /** {@code one_series} or {@code 1024_series}. */
        @Param({"one_series", "1024_series"})
        public String shape;

        double[] values;
        Series[] series;
        Object[] v1;
        Object[] v2;
        EncodedSeries[] text;
        EncodedSeries[] framed;
        WriteRequestBuilder builderV1;
        WriteRequestBuilder builderV2;
        MetricEncoder textEncoder;
        MetricEncoder framedEncoder;
        ByteBuf buf;
        long t0 = EncoderBench.T0_NANOS;

        /** Creates the state; JMH calls it. */
        public Data() {}

        /** Prepares every series in every format. */
        @Setup
        public void setUp() {
            values = EncoderBench.sineValues();
            builderV1 = new WriteRequestBuilder(false, null, Delivery.NONE);
            builderV2 = new WriteRequestBuilder(true, "CPU usage.", Delivery.NONE);
            textEncoder = new PrometheusTextEncoder(null);
            framedEncoder = new RemoteWriteEncoder();
            buf = new ByteBuf(BATCH * 256);
            int distinct = shape.equals("one_series") ? 1 : BATCH;
            series = new Series[BATCH];
            v1 = new Object[BATCH];
            v2 = new Object[BATCH];
            text = new EncodedSeries[BATCH];
            framed = new EncodedSeries[BATCH];
            for (int i = 0; i < BATCH; i++) {
                if (i < distinct) {
                    Labels labels = Labels.of(EncoderBench.labels(String.format("web-%04d", i)));
                    series[i] = Series.of(EncoderBench.NAME, labels, MetricType.GAUGE);
                    v1[i] = builderV1.prepare(series[i]);
                    v2[i] = builderV2.prepare(series[i]);
                    text[i] = textEncoder.series(EncoderBench.NAME, labels);
                    framed[i] = framedEncoder.series(EncoderBench.NAME, labels);
                } else {
                    series[i] = series[0];
                    v1[i] = v1[0];
                    v2[i] = v2[0];
                    text[i] = text[0];
                    framed[i] = framed[0];
                }
            }
        }

        long nextBase() {
            long base = t0;
            t0 += BATCH * EncoderBench.STEP_NANOS;
            return base;
        }
    }

    private static int request(WriteRequestBuilder b, Object[] prepared, Data d) {
        long base = d.nextBase();
        double[] values = d.values;
        for (int i = 0; i < BATCH; i++) {
            b.add(prepared[i], base + i * EncoderBench.STEP_NANOS, values[i]);
        }
        int size = b.build();
        b.clear();
        return size;
    }

    /**
     * Remote-Write 1.0: add the batch, build one snappy-compressed request.
     *
     * @param d the state
     * @return the compressed request size
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int remoteWriteV1(Data d) {
        return request(d.builderV1, d.v1, d);
    }

    /**
     * Remote-Write 2.0: add the batch, build one snappy-compressed request with symbols and
     * metadata.
     *
     * @param d the state
     * @return the compressed request size
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int remoteWriteV2(Data d) {
        return request(d.builderV2, d.v2, d);
    }

    /**
     * The length-prefixed {@code remote_write} encoder, one record per sample, into a buffer
     * cleared first.
     *
     * @param d the state
     * @return the bytes written
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int remoteWriteEncoder(Data d) {
        return encode(d.framedEncoder, d.framed, d);
    }

    /**
     * {@code prometheus_text} lines for the same samples, into a buffer cleared first.
     *
     * @param d the state
     * @return the bytes written
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int prometheusText(Data d) {
        return encode(d.textEncoder, d.text, d);
    }

    private static int encode(MetricEncoder enc, EncodedSeries[] series, Data d) {
        long base = d.nextBase();
        double[] values = d.values;
        ByteBuf buf = d.buf;
        buf.clear();
        for (int i = 0; i < BATCH; i++) {
            enc.encode(series[i], values[i], base + i * EncoderBench.STEP_NANOS, buf);
        }
        return buf.length();
    }
}
