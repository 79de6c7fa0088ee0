package dev.sonda.bench;

import dev.sonda.api.MetricType;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.ValueGenerator;
import dev.sonda.otlp.internal.Envelope;
import dev.sonda.otlp.internal.MetricBatch;
import dev.sonda.otlp.internal.PublishedMessages;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.otlp.metrics.LowAllocationMetricsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OTLP metrics encoding in data points per second on one thread: the otlp sinks' request writer
 * against the OpenTelemetry Java SDK's own OTLP marshalers (opentelemetry-exporter-otlp 1.68.0,
 * {@code opentelemetry-exporter-otlp-common}), in the same JMH run, on the same data points.
 *
 * <p>Each invocation turns {@value #BATCH} gauge data points of {@code cpu_usage} with three
 * attributes ({@code env}, {@code host}, {@code region}), sine values (15–17 significant digits)
 * and timestamps 1 ms apart, start time set, into one {@code ExportMetricsServiceRequest} (resource
 * {@code service.name}, scope {@code sonda}), written to a reused buffer or a discarding stream:
 *
 * <ul>
 *   <li>{@link #sondaHandWritten}: what {@code OtlpSink} does: {@code MetricBatch.add} per sample
 *       (the series prepared once), then {@code MetricBatch.encode} into a reused {@link ByteBuf};
 *   <li>{@link #sondaPublishedClasses}: the same samples, then the request built with the published
 *       opentelemetry-proto classes (a builder per point and attribute) and {@code writeTo};
 *   <li>{@link #otelSdk}: the SDK's {@code MetricsRequestMarshaler.create(List.of(metricData))} and
 *       {@code writeBinaryTo}, from a pre-built {@link MetricData} (its input, as ours is the
 *       sample stream);
 *   <li>{@link #otelSdkLowAllocation}: the SDK's reusable {@code
 *       LowAllocationMetricsRequestMarshaler} ({@code initialize}, {@code writeBinaryTo}, {@code
 *       reset}), the path its exporters take with {@code MemoryMode.REUSABLE_DATA}.
 * </ul>
 *
 * The set-up checks that all four write requests of the same size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class OtlpBench {
    /** Data points per request. */
    public static final int BATCH = 1024;

    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final double[] values = new double[BATCH];
    private final long[] times = new long[BATCH];
    private MetricBatch batch;
    private Object prepared;
    private final ByteBuf out = new ByteBuf(64 * 1024);
    private List<MetricData> sdkData;
    private final LowAllocationMetricsRequestMarshaler lowAllocation = new LowAllocationMetricsRequestMarshaler();

    /** Creates the benchmark; JMH calls it. */
    public OtlpBench() {}

    /**
     * Builds the values, the prepared series and the SDK's metric data; checks the sizes agree.
     *
     * @throws IOException never (in-memory streams)
     */
    @Setup
    public void setUp() throws IOException {
        ValueGenerator sine = Generators.create(new GeneratorSpec.Sine(40.0, 60.0, 50.0), 1000.0);
        for (int i = 0; i < BATCH; i++) {
            values[i] = sine.value(i * 37L);
            times[i] = EncoderBench.T0_NANOS + i * EncoderBench.STEP_NANOS;
        }
        Map<String, String> labels = Map.of("env", "production", "host", "web-0042", "region", "eu-west-1");
        batch = new MetricBatch(new Envelope(Map.of("service.name", "bench"), "0.1.0"));
        prepared = batch.prepare(Series.of(EncoderBench.NAME, Labels.of(labels), MetricType.GAUGE));

        Attributes attributes = Attributes.builder()
                .put("env", "production")
                .put("host", "web-0042")
                .put("region", "eu-west-1")
                .build();
        List<DoublePointData> points = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            points.add(ImmutableDoublePointData.create(times[0], times[i], attributes, values[i]));
        }
        sdkData = List.of(ImmutableMetricData.createDoubleGauge(
                Resource.create(
                        Attributes.builder().put("service.name", "bench").build()),
                InstrumentationScopeInfo.builder("sonda").setVersion("0.1.0").build(),
                EncoderBench.NAME,
                "",
                "",
                ImmutableGaugeData.create(points)));

        int ours = sondaHandWritten();
        ByteArrayOutputStream sdk = new ByteArrayOutputStream();
        MetricsRequestMarshaler.create(sdkData).writeBinaryTo(sdk);
        int published = sondaPublishedClassesSize();
        if (ours != sdk.size() || ours != published) {
            throw new IllegalStateException(
                    "request sizes differ: sonda " + ours + ", published " + published + ", sdk " + sdk.size());
        }
        System.out.println("OtlpBench: one request of " + BATCH + " points is " + ours + " bytes (all four); identical"
                + " bytes to the SDK's: " + Arrays.equals(Arrays.copyOf(out.array(), ours), sdk.toByteArray()));
    }

    private void add() {
        for (int i = 0; i < BATCH; i++) {
            batch.add(prepared, times[i], values[i]);
        }
    }

    /**
     * The otlp sinks' path: samples into a batch, then the hand-written request.
     *
     * @return the request length, for JMH to consume
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sondaHandWritten() {
        add();
        out.clear();
        batch.encode(out);
        batch.clear();
        return out.length();
    }

    /**
     * The same samples, then the request built with the published message classes.
     *
     * @throws IOException never
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sondaPublishedClasses() throws IOException {
        add();
        PublishedMessages.request(batch).writeTo(DISCARD);
        batch.clear();
    }

    private int sondaPublishedClassesSize() {
        add();
        int size = PublishedMessages.request(batch).getSerializedSize();
        batch.clear();
        return size;
    }

    /**
     * The SDK's marshaler from its pre-built metric data.
     *
     * @throws IOException never
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void otelSdk() throws IOException {
        MetricsRequestMarshaler.create(sdkData).writeBinaryTo(DISCARD);
    }

    /**
     * The SDK's reusable, low-allocation marshaler.
     *
     * @throws IOException never
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void otelSdkLowAllocation() throws IOException {
        lowAllocation.initialize(sdkData);
        lowAllocation.writeBinaryTo(DISCARD);
        lowAllocation.reset();
    }
}
