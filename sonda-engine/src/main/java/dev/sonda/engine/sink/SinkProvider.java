package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecProvider;

/**
 * A sink type end to end: its {@code type:} name, its spec record, reading, writing and validating
 * its block ({@link SpecProvider}), and creating the sink. Register it with one line in {@code
 * META-INF/services/dev.sonda.api.spi.SpecProvider}, exactly as the built-ins are, or add it to a
 * {@link dev.sonda.api.spi.SpecRegistry} built for a run.
 *
 * <p>{@link #create} is called on the entry's scheduler thread when the entry starts (after its
 * phase offset), once per entry and run; it may block (connecting a socket). A failure ends that
 * entry with the exception, as in the reference. A byte-stream sink returns {@code
 * EncodingSink.of(new MyByteSink(...), context)}.
 */
public interface SinkProvider extends SpecProvider<SinkSpec> {

    @Override
    default SpecKind kind() {
        return SpecKind.SINK;
    }

    /**
     * Creates a sink.
     *
     * @param spec the sink spec, of {@link #specClass()}, already validated
     * @param context the entry's labels, clock, encoders, diagnostics and delivery counter
     * @return a new sink
     * @throws SinkException if the sink cannot be created (connect refused, bad URL)
     */
    Sink create(SinkSpec spec, SinkContext context);

    /**
     * How the CLI's start banner shows a sink, such as {@code tcp (127.0.0.1:9000)}; secrets
     * (passwords, tokens, URL credentials) are never shown. Default: the type.
     *
     * @param spec the sink spec
     * @return the display text
     */
    default String display(SinkSpec spec) {
        return type();
    }

    /**
     * The key the CLI's {@code --endpoint} sets when {@code --sink} names this type, such as {@code
     * url}: {@code sonda run --sink TYPE --endpoint E} reads the block {@code {type: TYPE, KEY: E}}
     * with this provider. Default: null, for a type that takes no endpoint (such as {@code stdout}).
     *
     * @return the key, or null
     */
    default String endpointKey() {
        return null;
    }

    /**
     * Whether a {@code while:}-gated metrics entry writes Prometheus stale markers to this sink
     * when its gate closes (unless {@code delay.close.stale_marker: false}). True for remote write.
     * Default: false.
     *
     * @return true for sinks whose receivers understand stale markers
     */
    default boolean writesStaleMarkers() {
        return false;
    }
}
