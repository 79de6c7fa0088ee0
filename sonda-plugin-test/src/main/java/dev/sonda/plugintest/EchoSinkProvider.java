package dev.sonda.plugintest;

import dev.sonda.api.Problems;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code type: echo}, a sink added from outside the engine: every record the entry's encoder writes
 * is appended, as text, to an in-memory list kept under the sink's {@code target}, which tests read
 * with {@link #echoed(String)}.
 *
 * <p>This class and one line in {@code META-INF/services/dev.sonda.api.spi.SpecProvider} are the
 * whole plug-in: the YAML loader reads {@code sink: {type: echo, target: t}} with {@link #read},
 * the writer writes it back with {@link #write}, the engine builds it with {@link #create}, and
 * {@code sonda run --sink echo --endpoint t} sets {@link #endpointKey()}. It is docs/extending.md's
 * worked example.
 *
 * <p>Threading: the provider is stateless; the lists are thread-safe, and each sink is written by
 * its entry's thread only.
 */
public final class EchoSinkProvider implements SinkProvider {
    /** The {@code type:} name. */
    public static final String TYPE = "echo";

    private static final Map<String, List<String>> ECHOED = new ConcurrentHashMap<>();

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public EchoSinkProvider() {}

    /**
     * The records echoed under {@code target} so far, in order, each as the encoder wrote it (a
     * Prometheus text line with its newline, say).
     *
     * @param target the sink's target
     * @return a snapshot, empty when nothing was echoed
     */
    public static List<String> echoed(String target) {
        return List.copyOf(ECHOED.getOrDefault(target, List.of()));
    }

    /**
     * Forgets the records echoed under {@code target}.
     *
     * @param target the sink's target
     */
    public static void clear(String target) {
        ECHOED.remove(target);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<EchoSinkSpec> specClass() {
        return EchoSinkSpec.class;
    }

    @Override
    public String summary() {
        return "keeps every encoded record in memory under its target (a test plug-in)";
    }

    @Override
    public SinkSpec read(SpecBlock block) {
        return new EchoSinkSpec(block.requiredString("target"));
    }

    @Override
    public void write(SinkSpec spec, SpecWriter out) {
        out.put("target", ((EchoSinkSpec) spec).target());
    }

    @Override
    public void validate(SinkSpec spec, String path, Problems problems) {
        spec.validate(path, problems);
    }

    @Override
    public String endpointKey() {
        return "target";
    }

    @Override
    public String display(SinkSpec spec) {
        return TYPE + " (" + ((EchoSinkSpec) spec).target() + ")";
    }

    /**
     * Builds the sink: the entry's encoder writes each record, the record is appended to the list
     * of the spec's target.
     *
     * @param spec an {@link EchoSinkSpec}
     * @param context the entry's encoders
     * @return the sink
     */
    @Override
    public Sink create(SinkSpec spec, SinkContext context) {
        List<String> list = ECHOED.computeIfAbsent(((EchoSinkSpec) spec).target(), t -> new CopyOnWriteArrayList<>());
        return EncodingSink.of(new Echo(list), context);
    }

    /** The byte half: one encoded record per write, kept as UTF-8 text. */
    private static final class Echo implements ByteSink {
        private final List<String> list;

        Echo(List<String> list) {
            this.list = list;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            list.add(new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
