package dev.sonda.bench;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.ValueGenerator;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
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
 * Encoding throughput in samples per second on one thread: Sonda's metric encoders against two
 * baselines, in the same JMH run.
 *
 * <p>Every benchmark encodes the same {@value #BATCH} samples of a series named {@code cpu_usage}
 * with three labels ({@code env}, {@code host}, {@code region}), whose values come from a sine
 * generator (so they carry the full 15–17 significant digits a real wave has, such as {@code
 * 54.181138530706136}) and whose timestamps are 1 ms apart:
 *
 * <ul>
 *   <li>{@link #sonda}: {@link MetricEncoder#encode} into one reused {@link ByteBuf}, cleared at
 *       the start of each invocation, for {@code prometheus_text}, {@code prometheus_text} with
 *       precision 2, {@code influx_lp} and {@code json_lines};
 *   <li>{@link #naiveDoubleToString}: the same Prometheus line built per sample with a {@link
 *       StringBuilder} and {@link Double#toString(double)} ({@link NaiveDoubleToStringEncoder}),
 *       copied into the same kind of buffer;
 *   <li>{@link #clientJava}: Prometheus client_java's {@link PrometheusTextFormatWriter} writing a
 *       pre-built {@link MetricSnapshots} of one gauge with {@value #BATCH} data points (three
 *       labels each, a scrape timestamp, the same values) to an output stream that discards the
 *       bytes. client_java refuses two data points with the same labels, so there the {@code host}
 *       label varies per point ({@code web-0000} … {@code web-1023}, the same length as ours). Its
 *       output also has one {@code # TYPE} line per batch, which is negligible per point.
 * </ul>
 *
 * <p>Two breakdown benchmarks time the number formatting alone: {@link #breakdownFloatTextDisplay}
 * (Sonda's shortest-digits writer, which {@code prometheus_text} and {@code influx_lp} use) and
 * {@link #breakdownDoubleToString} (the JDK's, which the naive baseline uses).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EncoderBench {
    /** Samples per benchmark invocation. */
    public static final int BATCH = 1024;

    /** The metric name. */
    public static final String NAME = "cpu_usage";

    /** Timestamp of the first sample, in nanoseconds since the epoch (2023-11-14T22:13:20Z). */
    public static final long T0_NANOS = 1_700_000_000_000_000_000L;

    /** Spacing of the samples, in nanoseconds (1 ms: 1,000 events per second). */
    public static final long STEP_NANOS = 1_000_000L;

    /** Creates the benchmark; JMH calls it. */
    public EncoderBench() {}

    /**
     * The three labels of the series.
     *
     * @param host the {@code host} value
     * @return {@code env}, {@code host} and {@code region}
     */
    public static Map<String, String> labels(String host) {
        return Map.of("host", host, "region", "eu-west-1", "env", "production");
    }

    /**
     * The benchmarked values: a sine of amplitude 40 around 50 with a 60 s period at 1,000 events
     * per second, sampled every 37 ticks from tick 1 so the batch spans half a period.
     *
     * @return {@value #BATCH} values
     */
    public static double[] sineValues() {
        ValueGenerator sine = Generators.create(new GeneratorSpec.Sine(40, 60, 50), 1000.0);
        double[] values = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            values[i] = sine.value(1 + 37L * i);
        }
        return values;
    }

    /** State of {@link #sonda}: one encoder, its prepared series and a reused buffer. */
    @State(Scope.Thread)
    public static class SondaState {
        /**
         * The encoder: {@code prometheus_text}, {@code prometheus_text_p2} (precision 2), {@code
         * influx_lp} or {@code json_lines}.
         */
        @Param({"prometheus_text", "prometheus_text_p2", "influx_lp", "json_lines"})
        public String encoder;

        MetricEncoder enc;
        EncodedSeries series;
        ByteBuf buf;
        double[] values;

        /** Creates the state; JMH calls it. */
        public SondaState() {}

        /** Builds the encoder, prepares the series and sizes the buffer for a whole batch. */
        @Setup
        public void setUp() {
            EncoderSpec spec =
                    switch (encoder) {
                        case "prometheus_text" -> new EncoderSpec.PrometheusText(null);
                        case "prometheus_text_p2" -> new EncoderSpec.PrometheusText(2);
                        case "influx_lp" -> new EncoderSpec.InfluxLp(null, null);
                        case "json_lines" -> new EncoderSpec.JsonLines(null);
                        default -> throw new IllegalArgumentException("unknown encoder " + encoder);
                    };
            enc = Encoders.metricEncoder(spec);
            series = enc.series(NAME, Labels.of(labels("web-0042")));
            buf = new ByteBuf(BATCH * 256);
            values = sineValues();
        }
    }

    /** State of {@link #naiveDoubleToString}. */
    @State(Scope.Thread)
    public static class NaiveState {
        NaiveDoubleToStringEncoder enc;
        ByteBuf buf;
        double[] values;
        byte[] scratch = new byte[FloatText.MAX_LENGTH];

        /** Creates the state; JMH calls it. */
        public NaiveState() {}

        /** Builds the encoder and the buffer. */
        @Setup
        public void setUp() {
            enc = new NaiveDoubleToStringEncoder(NAME, labels("web-0042"));
            buf = new ByteBuf(BATCH * 256);
            values = sineValues();
        }
    }

    /** State of {@link #clientJava}: the writer and a pre-built snapshot of {@value #BATCH} points. */
    @State(Scope.Thread)
    public static class ClientJavaState {
        PrometheusTextFormatWriter writer;
        MetricSnapshots snapshots;
        DiscardingOutputStream out;

        /** Creates the state; JMH calls it. */
        public ClientJavaState() {}

        /** Builds the writer and the snapshot. */
        @Setup
        public void setUp() {
            writer = new PrometheusTextFormatWriter(false);
            double[] values = sineValues();
            GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(NAME);
            for (int i = 0; i < BATCH; i++) {
                gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(values[i])
                        .labels(io.prometheus.metrics.model.snapshots.Labels.of(
                                "env", "production", "host", String.format("web-%04d", i), "region", "eu-west-1"))
                        .scrapeTimestampMillis((T0_NANOS + i * STEP_NANOS) / 1_000_000L)
                        .build());
            }
            snapshots = MetricSnapshots.of(gauge.build());
            out = new DiscardingOutputStream();
        }
    }

    /**
     * Sonda: encodes the batch with {@link MetricEncoder#encode} into a buffer cleared first.
     *
     * @param s the state
     * @return the bytes written
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sonda(SondaState s) {
        MetricEncoder enc = s.enc;
        EncodedSeries series = s.series;
        double[] values = s.values;
        ByteBuf buf = s.buf;
        buf.clear();
        for (int i = 0; i < BATCH; i++) {
            enc.encode(series, values[i], T0_NANOS + i * STEP_NANOS, buf);
        }
        return buf.length();
    }

    /**
     * Baseline: {@link NaiveDoubleToStringEncoder} per sample, copied into a buffer cleared first.
     *
     * @param s the state
     * @return the bytes written
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int naiveDoubleToString(NaiveState s) {
        NaiveDoubleToStringEncoder enc = s.enc;
        double[] values = s.values;
        ByteBuf buf = s.buf;
        buf.clear();
        for (int i = 0; i < BATCH; i++) {
            buf.put(enc.encode(values[i], T0_NANOS + i * STEP_NANOS));
        }
        return buf.length();
    }

    /**
     * Baseline: client_java's text format writer, one gauge of {@value #BATCH} data points.
     *
     * @param s the state
     * @return the bytes written so far by all invocations
     * @throws IOException never (the stream discards)
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long clientJava(ClientJavaState s) throws IOException {
        s.writer.write(s.out, s.snapshots);
        return s.out.count;
    }

    /**
     * Breakdown: only the number formatting of {@link #sonda} with {@code prometheus_text} (Rust
     * Display, shortest round-trip digits), writing each value at the start of a scratch array.
     *
     * @param s the state (its encoder parameter is ignored)
     * @return the total length written
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int breakdownFloatTextDisplay(NaiveState s) {
        double[] values = s.values;
        byte[] a = s.scratch;
        int total = 0;
        for (int i = 0; i < BATCH; i++) {
            total += FloatText.display(values[i], a, 0);
        }
        return total;
    }

    /**
     * Breakdown: only {@link Double#toString(double)}, the number formatting of {@link
     * #naiveDoubleToString}.
     *
     * @param s the state
     * @return the total length of the strings
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int breakdownDoubleToString(NaiveState s) {
        double[] values = s.values;
        int total = 0;
        for (int i = 0; i < BATCH; i++) {
            total += Double.toString(values[i]).length();
        }
        return total;
    }

    /** An output stream that counts the bytes written to it and drops them. */
    static final class DiscardingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
