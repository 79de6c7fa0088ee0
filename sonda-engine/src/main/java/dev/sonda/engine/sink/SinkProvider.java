package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;

/**
 * Creates sinks of one {@code type}. Built-in sinks register exactly like plug-ins, through {@code
 * META-INF/services/dev.sonda.engine.sink.SinkProvider}, and {@link Sinks#register(SinkProvider)}
 * registers one programmatically.
 *
 * <p>{@link #create} is called on the entry's scheduler thread when the entry starts (after its
 * phase offset), once per entry; it may block (connecting a socket). A failure ends that entry
 * with the exception, as in the reference.
 */
public interface SinkProvider {

    /**
     * The YAML {@code type:} value this provider serves, such as {@code "tcp"}.
     *
     * @return the type
     */
    String type();

    /**
     * Creates a sink.
     *
     * @param spec the sink spec, of this provider's type
     * @param context the entry's labels, clock and diagnostics
     * @return a new sink
     * @throws SinkException if the sink cannot be created (connect refused, bad URL)
     */
    Sink create(SinkSpec spec, SinkContext context);
}
