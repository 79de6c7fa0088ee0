package dev.sonda.cli;

import dev.sonda.api.DurationText;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Problems;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Command-line values turned into the model, with the reference's messages (Sonda 1.20 {@code
 * cli.rs}, §2.3): labels, durations, rates, the sink failure policy, and {@code type:} blocks built
 * from flags by the type's provider, so their defaults and checks are the provider's.
 */
final class Flags {
    private Flags() {}

    /**
     * {@code --label k=v} values, split at the first {@code =}; an empty value is allowed.
     *
     * @throws CliException (exit 2) for a missing {@code =} or an empty key
     */
    static Map<String, String> labels(List<String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : labels) {
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new CliException("label \"" + l + "\" must be in key=value format (no '=' found)", 2);
            }
            if (eq == 0) {
                throw new CliException("label key must not be empty in \"" + l + "\"", 2);
            }
            out.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return out;
    }

    /**
     * A duration flag in the duration grammar ({@code 30s}, {@code 1.5m}, {@code 250ms}).
     *
     * @param option the flag, such as {@code --duration}
     * @param text the value, or null
     * @return the duration, or null when {@code text} is null
     * @throws CliException (exit 2) {@code invalid --duration: reason}
     */
    static Duration duration(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + option + ": " + e.getMessage(), 2);
        }
    }

    /**
     * Checks a {@code --rate} value.
     *
     * @throws CliException (exit 2) when it is not above 0
     */
    static Double rate(Double rate) {
        if (rate != null && !(rate > 0)) {
            throw new CliException("rate must be positive, got " + FloatText.display(rate), 2);
        }
        return rate;
    }

    /**
     * {@code --on-sink-error warn|fail}.
     *
     * @return the policy, or null when {@code text} is null
     * @throws CliException (exit 2) for any other value
     */
    static OnSinkError onSinkError(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "warn" -> OnSinkError.WARN;
            case "fail" -> OnSinkError.FAIL;
            default -> throw new CliException("invalid --on-sink-error \"" + text + "\": expected 'warn' or 'fail'", 2);
        };
    }

    /**
     * The sink of {@code --sink TYPE --endpoint E} or {@code -o PATH}: any sink type of the
     * registry, the endpoint set as the type's address key ({@link SinkProvider#endpointKey()}).
     *
     * @return the sink, or null when neither flag is given
     * @throws CliException (exit 2) for both flags, an unknown type, a missing endpoint, or a block
     *     the provider refuses
     */
    static SinkSpec sink(String sink, String endpoint, String output, SpecRegistry registry) {
        if (output != null && sink != null) {
            throw new CliException("--output cannot be used with --sink", 2);
        }
        if (output != null) {
            return SinkSpec.file(output);
        }
        if (sink == null) {
            return null;
        }
        SinkProvider provider = registry.find(SpecKind.SINK, sink, SinkProvider.class)
                .orElseThrow(() -> new CliException(registry.unknownType(SpecKind.SINK, sink), 2));
        Map<String, Object> block = new LinkedHashMap<>();
        String key = provider.endpointKey();
        if (key != null) {
            if (endpoint == null) {
                throw new CliException("--sink " + sink + " requires --endpoint <" + key + ">", 2);
            }
            block.put(key, endpoint);
        }
        String option = "--sink " + sink + (key == null ? "" : " --endpoint " + endpoint);
        return (SinkSpec) block(SpecKind.SINK, option, sink, block, registry);
    }

    /**
     * The encoder of {@code --encoder TYPE}, with the type's defaults.
     *
     * @return the encoder, or null when {@code encoder} is null
     * @throws CliException (exit 2) for an unknown type
     */
    static EncoderSpec encoder(String encoder, SpecRegistry registry) {
        if (encoder == null) {
            return null;
        }
        if (registry.find(SpecKind.ENCODER, encoder).isEmpty()) {
            throw new CliException(registry.unknownType(SpecKind.ENCODER, encoder), 2);
        }
        return (EncoderSpec) block(SpecKind.ENCODER, "--encoder " + encoder, encoder, Map.of(), registry);
    }

    /**
     * Reads a block made of command-line values with the type's provider, so its defaults and
     * validation are the provider's.
     *
     * @param option the flags in messages, such as {@code --sink tcp --endpoint x}
     * @return the resolved spec
     * @throws CliException (exit 2) {@code invalid <option>: <problems>}
     */
    static Object block(SpecKind kind, String option, String type, Map<String, Object> keys, SpecRegistry registry) {
        Problems problems = new Problems();
        Object spec = registry.read(kind, new MapSpecBlock(type, keys, kind.yamlKey(), problems));
        if (spec != null && problems.isEmpty()) {
            spec = registry.resolve(kind, spec, kind.yamlKey(), problems);
        }
        if (!problems.isEmpty()) {
            throw new CliException(
                    "invalid " + option + ": "
                            + problems.list().stream().map(Object::toString).collect(Collectors.joining("; ")),
                    2);
        }
        return spec;
    }
}
