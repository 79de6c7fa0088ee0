package dev.sonda.plugintest;

import dev.sonda.api.Problems;
import dev.sonda.api.sink.SinkSpec;
import java.util.Objects;

/**
 * {@code type: echo}: the spec of the echo sink, whose only key is {@code target}.
 *
 * <pre>{@code
 * sink: {type: echo, target: t}
 * }</pre>
 *
 * @param target the name the echoed records are kept under (see {@link EchoSinkProvider#echoed})
 */
public record EchoSinkSpec(String target) implements SinkSpec {
    /**
     * Creates the spec.
     *
     * @param target the name the echoed records are kept under
     * @throws NullPointerException if {@code target} is null
     */
    public EchoSinkSpec {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String type() {
        return EchoSinkProvider.TYPE;
    }

    /**
     * Adds a problem at {@code target} when it is empty.
     *
     * @param path where the block sits, such as {@code scenarios[0].sink}
     * @param problems collector of problems
     */
    @Override
    public void validate(String path, Problems problems) {
        if (target.isEmpty()) {
            problems.add(path + ".target", "echo sink target must not be empty");
        }
    }
}
